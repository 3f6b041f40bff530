package com.tapstack.stack;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.aws.AwsAccount;
import com.tapstack.config.StackConfig;
import com.tapstack.encryption.StackKey;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.network.Network;
import com.tapstack.random.RandomString;
import com.tapstack.random.RandomStringArgs;
import java.util.List;
import java.util.Map;

/**
 * The whole deployment, as one component: it wires the modules together and owns nothing else. Every child is
 * parented here, so {@code pulumi up} shows one tree and {@code pulumi destroy} takes it down in order.
 */
public final class TapStack extends ComponentResource {

    public static final String TYPE = "tap:stack:TapStack";
    /** Length of a generated suffix: 36^6 (two billion) values, short enough for every name limit. */
    public static final int GENERATED_SUFFIX_LENGTH = 6;

    private final Output<String> environmentSuffix;
    private final Output<String> vpcId;
    private final Output<List<String>> publicSubnetIds;
    private final Output<List<String>> privateSubnetIds;
    private final Output<String> kmsKeyArn;

    public TapStack(String name, StackConfig config, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = ComponentResourceOptions.builder().parent(this).build();

        this.environmentSuffix = config.environmentSuffix().map(Output::of).orElseGet(() ->
                new RandomString(name + "-suffix", RandomStringArgs.nameSafe(GENERATED_SUFFIX_LENGTH),
                        // The suffix is in every physical name: replacing it would replace everything.
                        CustomResourceOptions.builder().parent(this).protect(config.protect()).build()).result());
        var scope = new StackScope(config, environmentSuffix, AwsAccount.lookup(config.region(), this));

        var key = new StackKey(name + "-key", scope, child);
        var logGroups = new EncryptedLogGroups(scope, key.arn());
        var network = new Network(name + "-network", config.network(), scope, logGroups, child);

        this.vpcId = network.vpcId();
        this.publicSubnetIds = network.publicSubnetIds();
        this.privateSubnetIds = network.privateSubnetIds();
        this.kmsKeyArn = key.arn();
        registerOutputs(outputs());
    }

    /** The stack outputs, by the names {@code pulumi stack output} shows. */
    public Map<String, Output<?>> outputs() {
        return Map.of(
                "environmentSuffix", environmentSuffix,
                "vpcId", vpcId,
                "publicSubnetIds", publicSubnetIds,
                "privateSubnetIds", privateSubnetIds,
                "kmsKeyArn", kmsKeyArn);
    }

    public Output<String> environmentSuffix() {
        return environmentSuffix;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<List<String>> publicSubnetIds() {
        return publicSubnetIds;
    }

    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds;
    }

    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }
}
