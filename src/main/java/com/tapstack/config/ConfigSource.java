package com.tapstack.config;

import java.util.Map;

/**
 * Where stack configuration comes from: the Pulumi engine during {@code pulumi up}, or the
 * {@code Pulumi.<stack>.yaml} file itself offline. Only the stack's ConfigLoader reads a source.
 */
public interface ConfigSource {

    /** The file a user edits to change a value, named in every error, e.g. {@code Pulumi.dev.yaml}. */
    String origin();

    /**
     * The keys of one namespace without their prefix ({@code tap:environment} is {@code environment} in
     * namespace {@code tap}), with their raw values: String, Boolean, Number, List, Map or
     * {@link SecretValue}. Project defaults from {@code Pulumi.yaml} are already applied.
     */
    Map<String, Object> namespace(String namespace);

    /**
     * The file that holds the value of a top-level key such as {@code tap:azCount}: the stack file, or
     * {@code Pulumi.yaml} when the value is the project's default the stack file does not override.
     */
    default String originOf(String key) {
        return origin();
    }

    /** Every full key the source holds ({@code tap:azCount}, {@code aws:region}, ...). */
    java.util.Set<String> keys();
}
