package com.tapstack.random;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The {@code random} provider's {@code RandomString}: a random text created once and kept in the stack's state,
 * so it never changes between deployments unless its inputs do.
 *
 * <p>Why our own class: {@code com.pulumi:random} is not on this project's Maven mirror, and a resource is only
 * a type token plus typed inputs and outputs, so this class registers exactly what the published SDK would.
 * The provider version is pinned twice: in the resource options (the engine installs that plugin version when
 * it first sees the resource) and in {@code com/tapstack/random/plugin.json}, which the Pulumi Java language
 * host reads from the classpath to install the plugin before the program runs, as it does for pulumi-aws.
 */
@ResourceType(type = RandomString.TYPE)
public class RandomString extends CustomResource {

    public static final String TYPE = "random:index/randomString:RandomString";
    /** Keep in step with src/main/resources/com/tapstack/random/plugin.json. */
    public static final String PROVIDER_VERSION = "4.21.2";

    @Export(name = "result", refs = {String.class}, tree = "[0]")
    private Output<String> result;

    public RandomString(String name, RandomStringArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, CustomResourceOptions.merge(
                CustomResourceOptions.builder().version(PROVIDER_VERSION).build(), options));
    }

    /** The generated text. */
    public Output<String> result() {
        return result;
    }
}
