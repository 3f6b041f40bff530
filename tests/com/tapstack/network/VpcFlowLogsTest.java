package com.tapstack.network;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import org.junit.jupiter.api.Test;

class VpcFlowLogsTest {

    @Test
    void allTrafficOfTheVpcGoesToTheEncryptedFlowLogGroupWithTheConfiguredRetention() {
        var plan = Reference.plan("prod");
        var group = plan.named("aws:cloudwatch/logGroup:LogGroup", Reference.P + "network-flow-logs");
        var flowLog = plan.byType("aws:ec2/flowLog:FlowLog").get(0);

        assertThat(group.input("name")).isEqualTo(Reference.P + "prod-core-vpc-flow-logs");
        assertThat(group.input("retentionInDays")).isEqualTo(30L);
        assertThat(group.input("kmsKeyId")).isEqualTo(plan.byType("aws:kms/key:Key").get(0).output("arn"));
        assertThat(flowLog.input("vpcId")).isEqualTo(plan.byType("aws:ec2/vpc:Vpc").get(0).id().orElseThrow());
        assertThat(flowLog.input("trafficType")).isEqualTo("ALL");
        assertThat(flowLog.input("logDestinationType")).isEqualTo("cloud-watch-logs");
        assertThat(flowLog.input("logDestination")).isEqualTo(group.output("arn"));
        assertThat(flowLog.input("iamRoleArn")).isEqualTo(plan.byType("aws:iam/role:Role").get(0).output("arn"));
    }

    @Test
    void theFlowLogRoleTrustsOnlyThisAccountsFlowLogsAndWritesOnlyItsGroup() {
        var plan = Reference.plan("prod");
        var role = plan.named("aws:iam/role:Role", Reference.P + "network-flow-logs-role");
        var policy = plan.named("aws:iam/rolePolicy:RolePolicy", Reference.P + "network-flow-logs-write");

        assertThat(role.input("name")).isEqualTo(Reference.P + "prod-core-vpc-flow-logs");
        assertThat(json(role, "assumeRolePolicy")).isEqualTo(json("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "TrustService", "Effect": "Allow",
                  "Principal": {"Service": "vpc-flow-logs.amazonaws.com"}, "Action": ["sts:AssumeRole"],
                  "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"},
                                "ArnLike": {"aws:SourceArn": "arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*"}}}]}"""));
        assertThat(policy.input("role")).isEqualTo(role.id().orElseThrow());
        assertThat(json(policy, "policy")).isEqualTo(json(Reference.expand("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "WriteFlowLogs", "Effect": "Allow",
                  "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                  "Resource": ["arn:aws:logs:us-east-1:123456789012:log-group:{p}prod-core-vpc-flow-logs",
                               "arn:aws:logs:us-east-1:123456789012:log-group:{p}prod-core-vpc-flow-logs:*"]}]}""")));
    }
}
