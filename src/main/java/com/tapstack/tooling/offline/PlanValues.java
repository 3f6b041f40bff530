package com.tapstack.tooling.offline;

import com.google.protobuf.Value;
import com.pulumi.serialization.internal.Deserializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Plain-Java plan values, converted once from the engine's wire format. */
public final class PlanValues {

    /** A value the program marked secret; plans print it as {@code [secret]} unless asked otherwise. */
    public record Secret(Object value) {
        @Override
        public String toString() {
            return "[secret]";
        }
    }

    /** A value not known before deployment. */
    public static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "[unknown]";
        }
    };

    private PlanValues() {
    }

    /** Converts one wire value: numbers that are whole become Long, maps get sorted keys, secrets are wrapped. */
    static Object fromWire(Deserializer deserializer, Value value) {
        var data = deserializer.deserialize(value);
        if (!data.isKnown()) {
            return UNKNOWN;
        }
        var plain = normalize(data.getValueNullable());
        return data.isSecret() ? new Secret(plain) : plain;
    }

    static Object normalize(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normalize(v)));
            return Collections.unmodifiableMap(sorted);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            list.forEach(item -> copy.add(normalize(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    static Map<String, Object> unmodifiable(Map<String, Object> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** Follows a dotted path ({@code a.b.0.c}) through maps and lists; null where it leads nowhere. */
    public static Object at(Object root, String path) {
        Object current = root;
        for (var part : path.split("\\.")) {
            if (current instanceof Secret secret) {
                current = secret.value();
            }
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(part);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }
}
