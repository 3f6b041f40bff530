package com.tapstack.logs;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;

/**
 * Creates every log group of the stack the same way: named with the deployment's prefix (which the stack
 * key's policy admits), encrypted with the stack key and kept for the configured retention.
 */
public final class EncryptedLogGroups {

    private final StackScope scope;
    private final Output<String> kmsKeyArn;
    private final int retentionDays;

    public EncryptedLogGroups(Output<String> kmsKeyArn, int retentionDays, StackScope scope) {
        this.scope = scope;
        this.kmsKeyArn = kmsKeyArn;
        this.retentionDays = retentionDays;
    }

    public LogGroup create(String logicalName, String part, Resource parent) {
        return create(logicalName, scope.name(part, NameLimit.LOG_GROUP), parent);
    }

    /** A log group whose name WAF accepts: {@code aws-waf-logs-<prefix><part>}. */
    public LogGroup createForWaf(String logicalName, String part, Resource parent) {
        return create(logicalName, scope.name(part, NameLimit.LOG_GROUP)
                .applyValue(name -> com.tapstack.encryption.KeyPolicies.WAF_LOG_PREFIX + name), parent);
    }

    /**
     * A log group at a name an AWS service writes to on its own (e.g. RDS's {@code /aws/rds/...}); the name must
     * contain the deployment's prefix after the service's path, as the stack key's policy requires.
     */
    public LogGroup createAt(String logicalName, Output<String> name, Resource parent) {
        return create(logicalName, name, parent);
    }

    private LogGroup create(String logicalName, Output<String> name, Resource parent) {
        return new LogGroup(logicalName, LogGroupArgs.builder()
                .name(name)
                .retentionInDays(retentionDays)
                .kmsKeyId(kmsKeyArn)
                .tags(scope.commonTags())
                .build(),
                CustomResourceOptions.builder().parent(parent).build());
    }
}
