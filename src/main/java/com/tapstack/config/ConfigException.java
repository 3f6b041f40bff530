package com.tapstack.config;

import com.pulumi.exceptions.RunException;

/**
 * A stack configuration value that cannot be deployed. The message is one line that names the key,
 * the value, what is allowed and the file to change.
 *
 * <p>It extends the SDK's {@link RunException} because the Pulumi Java runtime prints a RunException's
 * message without a stack trace, so {@code pulumi up} shows the same single line as {@code ./tap plan}.
 */
public final class ConfigException extends RunException {

    private final String key;

    public ConfigException(String origin, String key, String problem, String allowed) {
        super(origin + ": " + key + ": " + problem + "; allowed: " + allowed);
        this.key = key;
    }

    /** The full key at fault, e.g. {@code tap:logRetentionDays} or {@code tap:services.web.cpu}. */
    public String key() {
        return key;
    }
}
