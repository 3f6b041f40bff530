package com.tapstack.service;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.aws.AwsAccount;
import com.tapstack.config.service.Permission;
import com.tapstack.config.service.SecretRef;
import com.tapstack.support.Reference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskPoliciesTest {

    private static final AwsAccount ACCOUNT = new AwsAccount("123456789012", "aws", "eu-central-1", "amazonaws.com");
    private static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String LOGS = "arn:aws:logs:eu-central-1:123456789012:log-group:" + Reference.P + "dev-abc123-api";

    @Test
    void executionRoleForAnEcrImageWithSecretsGetsExactlyPullLogsSecretsAndTheirKey() {
        var secrets = List.of(
                ResolvedSecret.resolve("DB_URL", new SecretRef.SsmParameter("/" + Reference.NAME + "/dev/db-url", Optional.empty(),
                        Optional.of(KEY)), ACCOUNT),
                ResolvedSecret.resolve("DB_PASSWORD", new SecretRef.SecretsManager(
                        "arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf", Optional.of("password"),
                        Optional.empty()), ACCOUNT));

        var policy = TaskPolicies.execution(ACCOUNT,
                Optional.of("arn:aws:ecr:eu-central-1:123456789012:repository/" + Reference.P + "dev-abc123-api"), LOGS, secrets);

        assertThat(json(policy.toJson())).isEqualTo(json(Reference.expand("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "PullImage", "Effect": "Allow",
                   "Action": ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
                   "Resource": ["arn:aws:ecr:eu-central-1:123456789012:repository/{p}dev-abc123-api"]},
                  {"Sid": "EcrLogin", "Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": ["*"]},
                  {"Sid": "WriteLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                   "Resource": ["arn:aws:logs:eu-central-1:123456789012:log-group:{p}dev-abc123-api:*"]},
                  {"Sid": "ReadParameters", "Effect": "Allow", "Action": ["ssm:GetParameters"],
                   "Resource": ["arn:aws:ssm:eu-central-1:123456789012:parameter/{name}/dev/db-url"]},
                  {"Sid": "ReadSecrets", "Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"],
                   "Resource": ["arn:aws:secretsmanager:eu-central-1:123456789012:secret:db-AbCdEf"]},
                  {"Sid": "DecryptSecrets", "Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["%s"],
                   "Condition": {"StringEquals": {"kms:ViaService": "ssm.eu-central-1.amazonaws.com"}}}
                ]}""").formatted(KEY)));
    }

    @Test
    void executionRoleForAnImageOutsideEcrOnlyWritesItsLogs() {
        var policy = TaskPolicies.execution(ACCOUNT, Optional.empty(), LOGS, List.of());

        assertThat(json(policy.toJson())).isEqualTo(json(Reference.expand("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "WriteLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                   "Resource": ["arn:aws:logs:eu-central-1:123456789012:log-group:{p}dev-abc123-api:*"]}]}""")));
    }

    @Test
    void secretValueFromFormsAreWhatEcsExpects() {
        var byName = ResolvedSecret.resolve("A", new SecretRef.SsmParameter("/" + Reference.NAME + "/dev/a", Optional.empty(),
                Optional.empty()), ACCOUNT);
        var flat = ResolvedSecret.resolve("B", new SecretRef.SsmParameter("flat-name", Optional.empty(),
                Optional.empty()), ACCOUNT);
        var whole = ResolvedSecret.resolve("C", new SecretRef.SecretsManager(
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:app/c-Zz9Yy8", Optional.empty(),
                Optional.empty()), ACCOUNT);
        var key = ResolvedSecret.resolve("D", new SecretRef.SecretsManager(
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:app/d-Zz9Yy8", Optional.of("password"),
                Optional.empty()), ACCOUNT);

        assertThat(byName.valueFrom()).isEqualTo("arn:aws:ssm:eu-central-1:123456789012:parameter/" + Reference.NAME + "/dev/a");
        assertThat(flat.valueFrom()).isEqualTo("arn:aws:ssm:eu-central-1:123456789012:parameter/flat-name");
        assertThat(whole.valueFrom()).isEqualTo("arn:aws:secretsmanager:eu-central-1:123456789012:secret:app/c-Zz9Yy8");
        assertThat(key.valueFrom())
                .isEqualTo("arn:aws:secretsmanager:eu-central-1:123456789012:secret:app/d-Zz9Yy8:password::");
        assertThat(key.resourceArn()).isEqualTo("arn:aws:secretsmanager:eu-central-1:123456789012:secret:app/d-Zz9Yy8");
    }

    @Test
    void taskRoleHasOnlyTheConfiguredPermissionsAndTheExecChannelWhenEnabled() {
        var permission = new Permission(List.of("sqs:SendMessage"),
                List.of("arn:aws:sqs:eu-central-1:123456789012:" + Reference.P + "dev-abc123-jobs"));
        var exec = new TaskPolicies.ExecGrants("arn:aws:logs:eu-central-1:123456789012:log-group:" + Reference.P + "dev-abc123-ecs-exec",
                KEY);

        var policy = TaskPolicies.task(List.of(permission), Optional.of(exec)).orElseThrow();

        assertThat(json(policy.toJson())).isEqualTo(json(Reference.expand("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "Configured1", "Effect": "Allow", "Action": ["sqs:SendMessage"],
                   "Resource": ["arn:aws:sqs:eu-central-1:123456789012:{p}dev-abc123-jobs"]},
                  {"Sid": "ExecChannel", "Effect": "Allow",
                   "Action": ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                              "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
                   "Resource": ["*"]},
                  {"Sid": "ExecFindLogGroup", "Effect": "Allow", "Action": ["logs:DescribeLogGroups"], "Resource": ["*"]},
                  {"Sid": "ExecWriteLogs", "Effect": "Allow",
                   "Action": ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
                   "Resource": ["arn:aws:logs:eu-central-1:123456789012:log-group:{p}dev-abc123-ecs-exec:*"]},
                  {"Sid": "ExecDecryptSession", "Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["%s"]}
                ]}""").formatted(KEY)));
        assertThat(TaskPolicies.task(List.of(), Optional.empty())).isEmpty();
    }

    @Test
    void onlyTheTaskRoleTrustCarriesSourceConditions() {
        assertThat(json(TaskPolicies.taskTrust(ACCOUNT).toJson())).isEqualTo(json("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "TrustService", "Effect": "Allow",
                  "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": ["sts:AssumeRole"],
                  "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:eu-central-1:123456789012:*"},
                                "StringEquals": {"aws:SourceAccount": "123456789012"}}}]}"""));
        assertThat(json(TaskPolicies.executionTrust(ACCOUNT).toJson())).isEqualTo(json("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "TrustService", "Effect": "Allow",
                  "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": ["sts:AssumeRole"]}]}"""));
    }
}
