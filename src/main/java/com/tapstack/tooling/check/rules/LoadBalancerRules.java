package com.tapstack.tooling.check.rules;

import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Load balancers, listeners and target groups (TAP5xx). */
public final class LoadBalancerRules {

    static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
    static final String LISTENER = "aws:lb/listener:Listener";
    static final String RULE = "aws:lb/listenerRule:ListenerRule";
    static final Pattern MATCHER = Pattern.compile("^\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*$");

    private LoadBalancerRules() {
    }

    public static List<Rule> rules() {
        return List.of(TIMEOUT_BELOW_INTERVAL, HEALTH_CHECK_RANGES, RULE_REPEATS_DEFAULT, HTTPS_CERTIFICATE,
                HTTP_FORWARDS_BESIDE_HTTPS, PROTECTED_SERVES_HTTPS, PROTECTED_HAS_FIREWALL);
    }

    static final Rule PROTECTED_SERVES_HTTPS = Rule.of("TAP506", Severity.MEDIUM,
            "Protected environments serve public traffic over HTTPS",
            "Plain HTTP exposes sessions and credentials on the way; production needs a certificate (the https block) and"
                    + " HTTP only redirecting to it (Security Hub ELB.1).",
            (context, findings) -> {
                if (!context.protectedEnvironment()) {
                    return;
                }
                for (var balancer : internetFacing(context)) {
                    var arn = balancer.output("arn");
                    var listeners = context.all(LISTENER).stream()
                            .filter(listener -> arn != null && arn.equals(listener.input("loadBalancerArn"))).toList();
                    if (listeners.stream().noneMatch(listener -> "HTTPS".equals(listener.input("protocol")))) {
                        findings.report(balancer, "serves the public services over plain HTTP in a protected"
                                + " environment; add " + context.key("https") + " (a certificate) so HTTP redirects"
                                + " to HTTPS");
                    }
                }
            });

    static final Rule PROTECTED_HAS_FIREWALL = Rule.of("TAP507", Severity.MEDIUM,
            "Protected environments put a web ACL in front of public traffic",
            "Without WAF every request reaches the tasks: no managed rules against common exploits and bad inputs, no"
                    + " rate limit (Security Hub ELB.16).",
            (context, findings) -> {
                if (!context.protectedEnvironment()) {
                    return;
                }
                var protectedArns = context.all("aws:wafv2/webAclAssociation:WebAclAssociation").stream()
                        .map(association -> association.input("resourceArn")).toList();
                for (var balancer : internetFacing(context)) {
                    if (!protectedArns.contains(balancer.output("arn"))) {
                        findings.report(balancer, "has no web ACL in a protected environment; add "
                                + context.key("waf"));
                    }
                }
            });

    private static List<com.tapstack.tooling.offline.PlannedResource> internetFacing(com.tapstack.tooling.check.CheckContext context) {
        return context.all("aws:lb/loadBalancer:LoadBalancer").stream()
                .filter(balancer -> !Boolean.TRUE.equals(balancer.input("internal"))).toList();
    }

    static final Rule TIMEOUT_BELOW_INTERVAL = Rule.of("TAP501", Severity.CRITICAL,
            "Health check timeout is below the interval",
            "Elastic Load Balancing rejects a target group whose health check timeout is not below its interval.",
            (context, findings) -> context.all(TARGET_GROUP).forEach(group -> {
                var interval = ComputeRules.number(group.inputAt("healthCheck.interval"));
                var timeout = ComputeRules.number(group.inputAt("healthCheck.timeout"));
                if (interval != null && timeout != null && timeout >= interval) {
                    findings.report(group, "health check timeout " + timeout + " s is not below the interval "
                            + interval + " s; use e.g. timeout 5 with interval 30");
                }
            }));

    static final Rule HEALTH_CHECK_RANGES = Rule.of("TAP502", Severity.CRITICAL,
            "Health check settings are within AWS's ranges",
            "Interval 5-300 s, timeout 2-120 s, thresholds 2-10 and codes 200-499 are all AWS accepts.",
            (context, findings) -> context.all(TARGET_GROUP).forEach(group -> {
                outOfRange(group.inputAt("healthCheck.interval"), 5, 300).ifPresent(v ->
                        findings.report(group, "health check interval " + v + " is outside 5-300 seconds"));
                outOfRange(group.inputAt("healthCheck.timeout"), 2, 120).ifPresent(v ->
                        findings.report(group, "health check timeout " + v + " is outside 2-120 seconds"));
                outOfRange(group.inputAt("healthCheck.healthyThreshold"), 2, 10).ifPresent(v ->
                        findings.report(group, "healthy threshold " + v + " is outside 2-10"));
                outOfRange(group.inputAt("healthCheck.unhealthyThreshold"), 2, 10).ifPresent(v ->
                        findings.report(group, "unhealthy threshold " + v + " is outside 2-10"));
                var matcher = group.inputAt("healthCheck.matcher");
                if (matcher != null && !validMatcher(String.valueOf(matcher))) {
                    findings.report(group, "health check matcher " + matcher + " is not HTTP codes 200-499 (200,"
                            + " 200,202 or 200-299)");
                }
            }));

    static final Rule RULE_REPEATS_DEFAULT = Rule.of("TAP503", Severity.MEDIUM,
            "No listener rule repeats the listener's default action",
            "A catch-all rule that forwards where the default action already does is dead weight that misleads.",
            (context, findings) -> context.all(RULE).forEach(rule -> {
                var listener = context.resolve(rule.input("listenerArn"));
                if (listener.isEmpty() || !matchesEverything(rule.input("conditions"))) {
                    return;
                }
                if (sameForward(rule.input("actions"), listener.get().input("defaultActions"))) {
                    findings.report(rule, "matches every request and forwards where the listener's default action"
                            + " already does; delete the rule");
                }
            }));

    static final Rule HTTPS_CERTIFICATE = Rule.of("TAP504", Severity.CRITICAL, "HTTPS listeners have a certificate",
            "An HTTPS listener without a certificate is refused at deploy time.",
            (context, findings) -> context.all(LISTENER).forEach(listener -> {
                if ("HTTPS".equals(listener.input("protocol")) && listener.input("certificateArn") == null) {
                    findings.report(listener, "is HTTPS without certificateArn; set " + context.key("https.certificateArn") + " or serve"
                            + " HTTP only");
                }
            }));

    static final Rule HTTP_FORWARDS_BESIDE_HTTPS = Rule.of("TAP505", Severity.HIGH,
            "HTTP redirects to HTTPS when HTTPS is served",
            "Forwarding on port 80 next to an HTTPS listener serves the same application in clear text (ELB.1).",
            (context, findings) -> context.all(LISTENER).forEach(listener -> {
                if (!"HTTP".equals(listener.input("protocol"))) {
                    return;
                }
                var balancer = listener.input("loadBalancerArn");
                var servesHttps = context.all(LISTENER).stream().anyMatch(other ->
                        "HTTPS".equals(other.input("protocol")) && balancer != null
                                && balancer.equals(other.input("loadBalancerArn")));
                var forwards = ComputeRules.maps(listener.input("defaultActions")).stream()
                        .anyMatch(action -> "forward".equals(action.get("type")));
                if (servesHttps && forwards) {
                    findings.report(listener, "forwards HTTP while the load balancer serves HTTPS; make its default"
                            + " action a redirect to HTTPS (HTTP_301)");
                }
            }));

    private static java.util.Optional<Integer> outOfRange(Object value, int min, int max) {
        var number = ComputeRules.number(value);
        return number != null && (number < min || number > max) ? java.util.Optional.of(number)
                : java.util.Optional.empty();
    }

    static boolean validMatcher(String matcher) {
        if (!MATCHER.matcher(matcher).matches()) {
            return false;
        }
        for (var code : matcher.split("[,-]")) {
            int value = Integer.parseInt(code);
            if (value < 200 || value > 499) {
                return false;
            }
        }
        return true;
    }

    /** Conditions that match every request: no condition, or a path pattern of * or /* alone. */
    private static boolean matchesEverything(Object conditions) {
        var list = ComputeRules.maps(conditions);
        if (list.isEmpty()) {
            return true;
        }
        for (var condition : list) {
            if (condition.keySet().stream().anyMatch(key -> !key.equals("pathPattern"))) {
                return false;
            }
            if (!(condition.get("pathPattern") instanceof Map<?, ?> path)
                    || !ComputeRules.strings(path.get("values")).stream().allMatch(v -> v.equals("/*") || v.equals("*"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameForward(Object actions, Object defaultActions) {
        var first = ComputeRules.maps(actions);
        var second = ComputeRules.maps(defaultActions);
        return !first.isEmpty() && !second.isEmpty()
                && "forward".equals(first.get(0).get("type")) && "forward".equals(second.get(0).get("type"))
                && String.valueOf(first.get(0).get("targetGroupArn")).equals(String.valueOf(second.get(0).get("targetGroupArn")));
    }
}
