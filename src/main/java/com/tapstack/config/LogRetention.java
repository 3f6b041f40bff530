package com.tapstack.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The retention periods CloudWatch Logs accepts (aws-facts A2). 0, "never expire", is the provider's default
 * and deliberately not allowed: logs kept forever are a cost that grows without bound.
 */
public final class LogRetention {

    public static final List<Integer> ALLOWED_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogRetention() {
    }

    public static boolean isAllowed(int days) {
        return ALLOWED_DAYS.contains(days);
    }

    public static String allowedValues() {
        return ALLOWED_DAYS.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
