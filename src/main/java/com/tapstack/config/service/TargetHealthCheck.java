package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.regex.Pattern;

/** The load balancer's health check of a public service's targets (aws-facts A3). */
public record TargetHealthCheck(String path, int interval, int timeout, int healthyThreshold,
                                int unhealthyThreshold, String matcher) {

    private static final Pattern MATCHER = Pattern.compile("^\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*$");

    public static final TextKey PATH = TextKey.of("path", "/", "a path starting with /, up to 1024 characters",
            "The path the load balancer requests");
    public static final IntKey INTERVAL = IntKey.of("interval", 5, 300, 30, "Seconds between checks");
    public static final IntKey TIMEOUT = IntKey.of("timeout", 2, 120, 5, "Seconds a check may take; below interval");
    public static final IntKey HEALTHY_THRESHOLD = IntKey.of("healthyThreshold", 2, 10, 3,
            "Passed checks in a row before a target receives traffic");
    public static final IntKey UNHEALTHY_THRESHOLD = IntKey.of("unhealthyThreshold", 2, 10, 2,
            "Failed checks in a row before a target is taken out");
    public static final TextKey MATCHER_CODES = TextKey.of("matcher", "200", "codes 200 to 499: one (200), a list"
            + " (200,202) or a range (200-299)", "HTTP codes that count as healthy");
    public static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.healthCheck", "Load balancer health"
            + " check", "How the load balancer checks a public service's tasks.", PATH, INTERVAL, TIMEOUT,
            HEALTHY_THRESHOLD, UNHEALTHY_THRESHOLD, MATCHER_CODES);
    public static final Structured BLOCK = Structured.table("healthCheck", "the defaults of its keys", "The load"
            + " balancer's health check (public services)", KEYS);

    /** Every setting at its declared default. */
    public static TargetHealthCheck defaults() {
        return new TargetHealthCheck(PATH.defaultValue().orElseThrow(), INTERVAL.defaultValue().orElseThrow(),
                TIMEOUT.defaultValue().orElseThrow(), HEALTHY_THRESHOLD.defaultValue().orElseThrow(),
                UNHEALTHY_THRESHOLD.defaultValue().orElseThrow(), MATCHER_CODES.defaultValue().orElseThrow());
    }

    /** The service's health check: its block's values over the defaults. */
    static TargetHealthCheck read(ConfigNode service) {
        var node = BLOCK.optional(service).orElseGet(() -> service.object(BLOCK.name(), BLOCK.allowed()));
        var path = PATH.read(node);
        if (!path.startsWith("/") || path.length() > 1024) {
            throw node.invalid(PATH.name(), "is not a health check path", PATH.allowed());
        }
        int interval = INTERVAL.read(node);
        int timeout = TIMEOUT.read(node);
        if (timeout >= interval) {
            throw node.error(TIMEOUT.name(), timeout + " is not below the interval of " + interval
                    + " seconds (AWS rejects it: a check must time out before the next one starts)",
                    TIMEOUT.min() + " to " + (interval - 1) + " seconds for interval " + interval);
        }
        var matcher = MATCHER_CODES.read(node);
        if (!MATCHER.matcher(matcher).matches() || !inRange(matcher)) {
            throw node.invalid(MATCHER_CODES.name(), "is not a set of HTTP codes an ALB health check accepts",
                    MATCHER_CODES.allowed());
        }
        return new TargetHealthCheck(path, interval, timeout, HEALTHY_THRESHOLD.read(node),
                UNHEALTHY_THRESHOLD.read(node), matcher);
    }

    private static boolean inRange(String matcher) {
        for (var part : matcher.split("[,-]")) {
            int code = Integer.parseInt(part);
            if (code < 200 || code > 499) {
                return false;
            }
        }
        return true;
    }
}
