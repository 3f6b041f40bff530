package com.tapstack.encryption;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's customer managed KMS key (symmetric, rotated yearly) and its alias. It encrypts the log
 * groups of this stack; later modules use it for ECR, SSM parameters and the database.
 */
public final class StackKey extends ComponentResource {

    public static final String TYPE = "tap:encryption:StackKey";

    private final Output<String> arn;
    private final Output<String> keyId;

    public StackKey(String name, int deletionWindowDays, boolean alarms, StackScope scope,
                    ComponentResourceOptions options) {
        this(name, deletionWindowDays, alarms, Optional.empty(), scope, options);
    }

    /** @param fargateCluster the cluster whose tasks' ephemeral storage Fargate encrypts with this key, if any */
    public StackKey(String name, int deletionWindowDays, boolean alarms, Optional<Output<String>> fargateCluster,
                    StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var cluster = fargateCluster.map(n -> n.applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
        var policy = Output.tuple(scope.account(), scope.naming(), cluster)
                .applyValue(t -> KeyPolicies.stackKey(t.t1, t.t2.prefix(), alarms, t.t3).toJson());
        var key = new Key(name, KeyArgs.builder()
                .description(scope.name("stack-key", NameLimit.TAG_VALUE)
                        .applyValue(n -> "TapStack key " + n + ": CloudWatch Logs and stack data"))
                .keyUsage("ENCRYPT_DECRYPT")
                .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                .enableKeyRotation(true)
                .deletionWindowInDays(deletionWindowDays)
                .policy(policy)
                .tags(scope.commonTags())
                .build(),
                CustomResourceOptions.builder().parent(this).protect(scope.protect()).build());
        new Alias(name + "-alias", AliasArgs.builder()
                .name(scope.name("stack-key", NameLimit.KMS_ALIAS).applyValue(n -> "alias/" + n))
                .targetKeyId(key.keyId())
                .build(),
                CustomResourceOptions.builder().parent(this).build());
        this.arn = key.arn();
        this.keyId = key.keyId();
        registerOutputs(Map.of("arn", arn, "keyId", keyId));
    }

    public Output<String> arn() {
        return arn;
    }

    public Output<String> keyId() {
        return keyId;
    }
}
