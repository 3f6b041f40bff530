package com.tapstack.logs;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.naming.NameLimit;
import com.tapstack.stack.StackScope;

/**
 * Creates every log group of the stack the same way: named with the deployment's prefix (which the stack
 * key's policy admits), encrypted with the stack key and kept for the configured retention.
 */
public final class EncryptedLogGroups {

    private final StackScope scope;
    private final Output<String> kmsKeyArn;

    public EncryptedLogGroups(StackScope scope, Output<String> kmsKeyArn) {
        this.scope = scope;
        this.kmsKeyArn = kmsKeyArn;
    }

    public LogGroup create(String logicalName, String part, Resource parent) {
        return new LogGroup(logicalName, LogGroupArgs.builder()
                .name(scope.name(part, NameLimit.LOG_GROUP))
                .retentionInDays(scope.config().logRetentionDays())
                .kmsKeyId(kmsKeyArn)
                .tags(scope.tags())
                .build(),
                CustomResourceOptions.builder().parent(parent).build());
    }
}
