package com.tapstack.config;

import com.pulumi.exceptions.RunException;
import com.tapstack.text.OneLine;

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
        // Keys and file names come from the user's files too: a key with a newline must not split the line.
        super(OneLine.escape(origin) + ": " + OneLine.shorten(key) + ": " + capped(OneLine.escape(problem))
                + "; allowed: " + capped(OneLine.escape(allowed)));
        this.key = key;
    }

    /** Longest problem or allowed text shown whole: a message quoting user values stays a readable line. */
    static final int MAX_PART = 1200;

    private static String capped(String text) {
        return text.length() <= MAX_PART ? text : text.substring(0, MAX_PART) + "... (" + text.length()
                + " characters)";
    }

    /** The full key at fault, e.g. {@code tap:logRetentionDays} or {@code tap:services.web.cpu}. */
    public String key() {
        return key;
    }
}
