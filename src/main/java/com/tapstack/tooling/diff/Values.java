package com.tapstack.tooling.diff;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.tapstack.text.OneLine;
import com.tapstack.tooling.offline.PlanExport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values of a deployment file and how two of them compare. The markers are the engine's: a secret is a map with
 * the signature key {@value PlanExport#SECRET_SIG_KEY} (and {@code ciphertext}, or {@code plaintext} when exported
 * with {@code --show-secrets}); a value unknown until deployment is the string {@value PlanExport#UNKNOWN_SENTINEL}
 * (pulumi/pulumi sdk/go/common/resource/sig and plugin.UnknownStringValue).
 */
final class Values {

    /** What a value known only after the update is shown as (Pulumi's preview shows {@code output<string>}). */
    static final String KNOWN_AFTER_APPLY = "(known after apply)";
    static final String SECRET_SHOWN = "[secret]";
    static final int MAX_SHOWN = 80;

    private Values() {
    }

    static boolean isSecret(Object value) {
        return value instanceof Map<?, ?> map
                && PlanExport.SECRET_SIG_VALUE.equals(map.get(PlanExport.SECRET_SIG_KEY));
    }

    /** A secret's value when the file carries it in plain text ({@code pulumi stack export --show-secrets}). */
    static Optional<Object> plaintext(Object secret) {
        if (secret instanceof Map<?, ?> map && map.get("plaintext") instanceof String text) {
            try {
                return Optional.ofNullable(DeploymentReader.plain(JsonParser.parseString(text)));
            } catch (JsonParseException | DeploymentReader.TooDeep | StackOverflowError e) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    static boolean isUnknown(Object value) {
        return PlanExport.UNKNOWN_SENTINEL.equals(value);
    }

    /** Absent, null, an empty list and an empty map are one value to the provider (an unset optional input). */
    static boolean isEmpty(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty();
    }

    /** Two scalars the provider would read as the same: equal, or equal numbers however written. */
    static boolean sameScalar(Object a, Object b) {
        if (a == null || b == null) {
            return isEmpty(a) && isEmpty(b);
        }
        if (a.equals(b)) {
            return true;
        }
        // The bridge converts between a schema's numbers and strings ("8080" and 8080 are one port), and a JSON
        // reader may give 30 or 30.0.
        var x = number(a);
        var y = number(b);
        return x.isPresent() && y.isPresent() && x.get().compareTo(y.get()) == 0;
    }

    private static Optional<BigDecimal> number(Object value) {
        if (value instanceof Long l) {
            return Optional.of(BigDecimal.valueOf(l));
        }
        if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            return Optional.of(BigDecimal.valueOf(d));
        }
        if (value instanceof String s && s.matches("-?\\d{1,18}(\\.\\d{1,18})?")) {
            return Optional.of(new BigDecimal(s));
        }
        return Optional.empty();
    }

    /**
     * A string that holds a JSON document (a policy, container definitions, a dashboard body), parsed; the provider
     * compares those as documents, so whitespace and key order are no change.
     */
    static Optional<Object> embeddedJson(Object value) {
        if (value instanceof String s) {
            var trimmed = s.trim();
            if (trimmed.startsWith("{") && trimmed.endsWith("}") || trimmed.startsWith("[") && trimmed.endsWith("]")) {
                try {
                    return Optional.ofNullable(DeploymentReader.plain(JsonParser.parseString(trimmed)));
                } catch (JsonParseException | IllegalStateException | DeploymentReader.TooDeep | StackOverflowError
                         | NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** A value for a one-line report: secrets masked, unknowns named, long text cut. */
    static String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (isSecret(value)) {
            return SECRET_SHOWN;
        }
        if (isUnknown(value)) {
            return KNOWN_AFTER_APPLY;
        }
        var text = value instanceof String s ? "\"" + s + "\"" : compact(value);
        if (text.length() > MAX_SHOWN) {
            text = text.substring(0, MAX_SHOWN - 3) + "...";
        }
        return OneLine.escape(text);
    }

    private static String compact(Object value) {
        return new com.google.gson.GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(masked(value));
    }

    /** A value with every secret inside it replaced by {@value #SECRET_SHOWN}, for reports. */
    static Object masked(Object value) {
        return rewrite(value, v -> isSecret(v) ? Optional.of(SECRET_SHOWN)
                : isUnknown(v) ? Optional.<Object>of(KNOWN_AFTER_APPLY) : Optional.empty());
    }

    /**
     * A copy of a JSON tree in which every node {@code replacement} answers for is replaced (a node it answers
     * for is not walked into); maps keep sorted keys.
     */
    static Object rewrite(Object value, java.util.function.Function<Object, Optional<Object>> replacement) {
        var replaced = replacement.apply(value);
        if (replaced.isPresent()) {
            return replaced.get();
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new java.util.TreeMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), rewrite(v, replacement)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> rewrite(v, replacement)).toList();
        }
        return value;
    }
}
