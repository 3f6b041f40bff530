package com.tapstack.network;

import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.aws.AwsAccount;
import com.tapstack.iam.Condition;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.List;
import java.util.Map;

/** All traffic of the VPC logged to an encrypted log group, through a role that can write only there. */
public final class VpcFlowLogs extends ComponentResource {

    public static final String TYPE = "tap:network:VpcFlowLogs";
    /** Aggregation window in seconds; 600 is AWS's default and cheapest, 60 the finest. */
    public static final int AGGREGATION_SECONDS = 600;

    public VpcFlowLogs(String name, Output<String> vpcId, StackScope scope, EncryptedLogGroups logGroups,
                       ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var logGroup = logGroups.create(name, "vpc-flow-logs", this);
        var role = new Role(name + "-role", RoleArgs.builder()
                .name(scope.name("vpc-flow-logs", NameLimit.IAM_ROLE))
                .description("Lets VPC Flow Logs write to this stack's flow log group")
                .assumeRolePolicy(scope.account().applyValue(a -> trustPolicy(a).toJson()))
                .tags(scope.commonTags())
                .build(), child);
        new RolePolicy(name + "-write", RolePolicyArgs.builder()
                .name("write-flow-logs")
                .role(role.id())
                .policy(logGroup.arn().applyValue(arn -> writePolicy(arn).toJson()))
                .build(), child);
        new FlowLog(name, FlowLogArgs.builder()
                .vpcId(vpcId)
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(AGGREGATION_SECONDS)
                .tags(scope.tagsNamed("vpc-flow-logs"))
                .build(), child);
        registerOutputs(Map.of("logGroupName", logGroup.name()));
    }

    /** Only the VPC Flow Logs service, acting for this account's flow logs, may assume the role. */
    static PolicyDocument trustPolicy(AwsAccount account) {
        return PolicyDocument.trust(account.servicePrincipal("vpc-flow-logs"), List.of(
                Condition.of("StringEquals", "aws:SourceAccount", account.accountId()),
                Condition.of("ArnLike", "aws:SourceArn", account.arn("ec2", "vpc-flow-log/*"))));
    }

    /** Create and write streams of the one flow log group. */
    static PolicyDocument writePolicy(String logGroupArn) {
        return PolicyDocument.of(Statement.allow("WriteFlowLogs")
                .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                .resources(logGroupArn, logGroupArn + ":*")
                .build());
    }
}
