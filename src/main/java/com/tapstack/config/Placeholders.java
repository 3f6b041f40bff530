package com.tapstack.config;

import java.util.regex.Pattern;

/**
 * Values nobody means to deploy: "placeholder", "changeme", "TODO", {@code <...>}, {@code ${...}} and the like.
 * The loader refuses them in configuration and {@code ./tap check} in a plan (seed 000: SSM parameters created
 * with "placeholder" broke the application at runtime).
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)^\\s*(placeholder|change-?me|replace-?me|todo|tbd|fixme|dummy|example|x{3,}|<.*>|\\$\\{.*})\\s*$");
    /** E-mail domains reserved for documentation (RFC 2606): nobody reads mail there. */
    private static final Pattern DOCUMENTATION_EMAIL = Pattern.compile("(?i).*@(.*\\.)?example\\.(com|org|net)$");

    private Placeholders() {
    }

    public static boolean isPlaceholder(String value) {
        return value.isBlank() || PLACEHOLDER.matcher(value).matches();
    }

    public static boolean isDocumentationEmail(String address) {
        return DOCUMENTATION_EMAIL.matcher(address).matches();
    }
}
