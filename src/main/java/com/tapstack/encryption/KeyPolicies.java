package com.tapstack.encryption;

import com.tapstack.aws.AwsAccount;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;

/** The stack key's policy, as a pure function of the account and the deployment's name prefix. */
public final class KeyPolicies {

    /** What CloudWatch Logs needs on a customer managed key (CloudWatch Logs guide, encrypt-log-data-kms). */
    public static final String[] LOGS_ACTIONS = {"kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*",
            "kms:GenerateDataKey*", "kms:Describe*"};
    public static final String LOGS_CONTEXT_KEY = "kms:EncryptionContext:aws:logs:arn";
    /** WAF delivers logs only to log groups whose name starts with this. */
    public static final String WAF_LOG_PREFIX = "aws-waf-logs-";
    /** RDS exports database logs to {@code /aws/rds/cluster|instance/<identifier>/<log>}. */
    public static final String RDS_LOG_PATTERN = "/aws/rds/*/";

    private KeyPolicies() {
    }

    /**
     * Two statements. The account root keeps full control, which also lets IAM policies in the account grant
     * this key to roles (a key policy without it can lock everyone out). The region's CloudWatch Logs service
     * may use the key only for log groups whose names start with this deployment's prefix (or with
     * {@code aws-waf-logs-} and the prefix, the name WAF requires, or RDS's {@code /aws/rds/<kind>/} and the prefix,
     * where the database exports its log): every log group the stack creates, and no log group of any other
     * deployment.
     *
     * <p>In a key policy {@code "Resource": "*"} means "this key"; it is the only form KMS accepts.
     */
    public static PolicyDocument stackKey(AwsAccount account, String namePrefix) {
        return stackKey(account, namePrefix, false);
    }

    /**
     * With {@code alarms}, a third statement lets CloudWatch encrypt alarm notifications into the stack's SNS
     * topic (an alarm cannot publish to a topic whose key it may not use; the AWS managed SNS key cannot be
     * opened to it).
     */
    public static PolicyDocument stackKey(AwsAccount account, String namePrefix, boolean alarms) {
        var policy = PolicyDocument.of(
                Statement.allow("EnableRootAccountControl")
                        .principal("AWS", account.rootPrincipal())
                        .actions("kms:*")
                        .resources("*")
                        .build(),
                Statement.allow("AllowCloudWatchLogsForThisStack")
                        .principal("Service", account.regionalServicePrincipal("logs"))
                        .actions(LOGS_ACTIONS)
                        .resources("*")
                        .condition("ArnLike", LOGS_CONTEXT_KEY, account.logGroupArn(namePrefix + "*"),
                                account.logGroupArn(WAF_LOG_PREFIX + namePrefix + "*"),
                                account.logGroupArn(RDS_LOG_PATTERN + namePrefix + "*"))
                        .build());
        return alarms ? policy.with(Statement.allow("AllowCloudWatchAlarmsToEncryptedTopic")
                .principal("Service", account.servicePrincipal("cloudwatch"))
                .actions("kms:Decrypt", "kms:GenerateDataKey*")
                .resources("*")
                .build()) : policy;
    }

    /** The encryption context keys Fargate sends for a task's ephemeral storage. */
    public static final String FARGATE_ACCOUNT_KEY = "kms:EncryptionContext:aws:ecs:clusterAccount";
    public static final String FARGATE_CLUSTER_KEY = "kms:EncryptionContext:aws:ecs:clusterName";

    /**
     * With {@code fargateClusterName}, two more statements let Fargate encrypt the ephemeral storage of the tasks of
     * that cluster only, as the ECS developer guide's key policy for it has them (fargate-create-storage-key.html):
     * {@code fargate.amazonaws.com} may generate data keys without plaintext and create grants whose only operation
     * is Decrypt, each with the encryption context of this account and this cluster. The guide's third permission,
     * kms:DescribeKey for the principal that creates or updates the cluster, comes from the account root statement
     * and that principal's IAM policy.
     */
    public static PolicyDocument stackKey(AwsAccount account, String namePrefix, boolean alarms,
                                          java.util.Optional<String> fargateClusterName) {
        var policy = stackKey(account, namePrefix, alarms);
        if (fargateClusterName.isEmpty()) {
            return policy;
        }
        var cluster = fargateClusterName.get();
        var fargate = account.servicePrincipal("fargate");
        return policy.with(Statement.allow("AllowFargateEphemeralStorageDataKeys")
                        .principal("Service", fargate)
                        .actions("kms:GenerateDataKeyWithoutPlaintext")
                        .resources("*")
                        .condition("StringEquals", FARGATE_ACCOUNT_KEY, account.accountId())
                        .condition("StringEquals", FARGATE_CLUSTER_KEY, cluster)
                        .build())
                .with(Statement.allow("AllowFargateEphemeralStorageGrants")
                        .principal("Service", fargate)
                        .actions("kms:CreateGrant")
                        .resources("*")
                        .condition("StringEquals", FARGATE_ACCOUNT_KEY, account.accountId())
                        .condition("StringEquals", FARGATE_CLUSTER_KEY, cluster)
                        .condition("ForAllValues:StringEquals", "kms:GrantOperations", "Decrypt")
                        .build());
    }
}
