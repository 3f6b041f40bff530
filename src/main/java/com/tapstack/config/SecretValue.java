package com.tapstack.config;

import java.util.Optional;

/**
 * A configuration value marked secret. Offline the ciphertext of {@code Pulumi.<stack>.yaml} cannot be
 * decrypted (that needs the stack's secrets provider), so the plaintext is absent and plans show
 * {@code [secret]}; under the engine the plaintext is present and must only reach AWS as a Pulumi secret.
 */
public record SecretValue(Optional<String> plaintext) {

    public static SecretValue encrypted() {
        return new SecretValue(Optional.empty());
    }

    public static SecretValue of(String plaintext) {
        return new SecretValue(Optional.of(plaintext));
    }

    /** Whether a configuration value is, or holds anywhere inside it, a secret. */
    public static boolean within(Object value) {
        if (value instanceof SecretValue) {
            return true;
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.values().stream().anyMatch(SecretValue::within);
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().anyMatch(SecretValue::within);
        }
        return false;
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
