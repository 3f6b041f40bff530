package com.tapstack.tooling.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in a resource's inputs a change is: keys and list indexes, written as Pulumi writes property paths
 * ({@code networkConfiguration.subnets[1]}, {@code tags["cost center"]}). Strings holding JSON (policies,
 * container definitions) are walked into, so a path can go on inside one: {@code containerDefinitions[0].cpu}.
 */
record PropertyPath(List<Object> segments) {

    PropertyPath {
        segments = List.copyOf(segments);
    }

    static PropertyPath of(String key) {
        return new PropertyPath(List.of(key));
    }

    PropertyPath key(String key) {
        var next = new ArrayList<>(segments);
        next.add(key);
        return new PropertyPath(next);
    }

    PropertyPath index(int index) {
        var next = new ArrayList<>(segments);
        next.add(index);
        return new PropertyPath(next);
    }

    String topLevel() {
        return String.valueOf(segments.get(0));
    }

    /**
     * Whether a pattern from the replacement table covers this path: the pattern's segments are a prefix of it,
     * {@code [*]} standing for any index. {@code loadBalancers[*].containerName} covers
     * {@code loadBalancers[0].containerName}; {@code tags} covers {@code tags.Owner}.
     */
    boolean within(String pattern) {
        var parts = parse(pattern);
        if (parts.size() > segments.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            var segment = segments.get(i);
            if (part.equals("[*]") ? !(segment instanceof Integer) : !part.equals(String.valueOf(segment))) {
                return false;
            }
        }
        return true;
    }

    /** {@code a.b[*].c} as {@code [a, b, [*], c]}; a numeric index as its digits. */
    static List<String> parse(String pattern) {
        var parts = new ArrayList<String>();
        for (var dotted : pattern.split("\\.")) {
            var rest = dotted;
            int bracket = rest.indexOf('[');
            if (bracket < 0) {
                parts.add(rest);
                continue;
            }
            if (bracket > 0) {
                parts.add(rest.substring(0, bracket));
            }
            for (var index : rest.substring(bracket).split("(?=\\[)")) {
                var inner = index.substring(1, index.length() - 1);
                parts.add(inner.equals("*") ? "[*]" : inner);
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        var out = new StringBuilder();
        for (var segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                var key = (String) segment;
                if (key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    out.append(out.length() == 0 ? "" : ".").append(key);
                } else {
                    out.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
                }
            }
        }
        return out.toString();
    }
}
