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

    private KeyPolicies() {
    }

    /**
     * Two statements. The account root keeps full control, which also lets IAM policies in the account grant
     * this key to roles (a key policy without it can lock everyone out). The region's CloudWatch Logs service
     * may use the key only for log groups whose names start with this deployment's prefix: every log group the
     * stack creates, and no log group of any other deployment.
     *
     * <p>In a key policy {@code "Resource": "*"} means "this key"; it is the only form KMS accepts.
     */
    public static PolicyDocument stackKey(AwsAccount account, String namePrefix) {
        return PolicyDocument.of(
                Statement.allow("EnableRootAccountControl")
                        .principal("AWS", account.rootPrincipal())
                        .actions("kms:*")
                        .resources("*")
                        .build(),
                Statement.allow("AllowCloudWatchLogsForThisStack")
                        .principal("Service", account.regionalServicePrincipal("logs"))
                        .actions(LOGS_ACTIONS)
                        .resources("*")
                        .condition("ArnLike", LOGS_CONTEXT_KEY, account.logGroupArn(namePrefix + "*"))
                        .build());
    }
}
