package com.tapstack.iam;

import java.util.List;

/** One policy condition: {@code {"<operator>": {"<key>": <values>}}}. */
public record Condition(String operator, String key, List<String> values) {

    public Condition {
        values = List.copyOf(values);
    }

    public static Condition of(String operator, String key, String... values) {
        return new Condition(operator, key, List.of(values));
    }
}
