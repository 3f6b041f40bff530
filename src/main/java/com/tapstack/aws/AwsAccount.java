package com.tapstack.aws;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;

/**
 * The account, partition and region a deployment lands in, looked up from AWS (never configured twice), and
 * the ARNs and service principals derived from them.
 */
public record AwsAccount(String accountId, String partition, String region, String dnsSuffix) {

    /** Looks the account and partition up through the AWS provider; the region is the provider's. */
    public static Output<AwsAccount> lookup(String region, Resource parent) {
        var options = InvokeOptions.builder().parent(parent).build();
        var identity = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), options);
        var partition = AwsFunctions.getPartition(GetPartitionArgs.builder().build(), options);
        return Output.tuple(identity, partition).applyValue(t ->
                new AwsAccount(t.t1.accountId(), t.t2.partition(), region, t.t2.dnsSuffix()));
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** An ARN of a global service (IAM): no region. */
    public String globalArn(String service, String resource) {
        return "arn:" + partition + ":" + service + "::" + accountId + ":" + resource;
    }

    /** The account's root principal: delegating to it lets IAM policies in this account grant access. */
    public String rootPrincipal() {
        return globalArn("iam", "root");
    }

    /** A global service principal, e.g. {@code ecs-tasks.amazonaws.com}. */
    public String servicePrincipal(String service) {
        return service + ".amazonaws.com";
    }

    /** A regional service principal, e.g. {@code logs.eu-central-1.amazonaws.com}. */
    public String regionalServicePrincipal(String service) {
        return service + "." + region + "." + dnsSuffix;
    }

    /** The ARN of a CloudWatch Logs group (without the {@code :*} stream suffix). */
    public String logGroupArn(String logGroupName) {
        return arn("logs", "log-group:" + logGroupName);
    }
}
