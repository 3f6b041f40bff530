package com.tapstack.config.modules;

import com.tapstack.config.SecretValue;

/**
 * One SSM parameter the stack creates under {@code /<project>/<environment>/<suffix>/<name>}. A SecureString's
 * value is a Pulumi secret and is encrypted with the stack key; a String's value is plain configuration.
 */
public record ParameterConfig(String name, boolean secure, Object value) {

    /** The plaintext to store; offline a secret has none, so plans show it as a secret. */
    public String plaintext() {
        if (value instanceof SecretValue secret) {
            return secret.plaintext().orElse("");
        }
        return String.valueOf(value);
    }

    public boolean valueIsSecret() {
        return value instanceof SecretValue;
    }
}
