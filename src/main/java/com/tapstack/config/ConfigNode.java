package com.tapstack.config;

import com.google.gson.GsonBuilder;
import com.tapstack.text.OneLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One level of configuration (a namespace such as {@code tap}, or an object inside it such as
 * {@code tap:services.web}) with typed reads. Every read that fails throws a {@link ConfigException} whose
 * message names the full key, the value and what is allowed.
 */
public final class ConfigNode {

    /** Text that reads as itself: a canonical whole number or a boolean. */
    private static final java.util.regex.Pattern PLAIN_VALUE = java.util.regex.Pattern.compile(
            "^(-?(0|[1-9][0-9]{0,18})|true|false)$");

    private final String origin;
    private final java.util.function.UnaryOperator<String> originOf;
    private final String path;
    private final boolean namespaceRoot;
    private final Map<String, Object> values;

    private ConfigNode(String origin, java.util.function.UnaryOperator<String> originOf, String path,
                       boolean namespaceRoot, Map<String, Object> values) {
        this.origin = origin;
        this.originOf = originOf;
        this.path = path;
        this.namespaceRoot = namespaceRoot;
        this.values = values;
    }

    public static ConfigNode namespace(ConfigSource source, String namespace) {
        return new ConfigNode(source.origin(), source::originOf, namespace, true, source.namespace(namespace));
    }

    private ConfigNode child(String childPath, Map<String, Object> childValues) {
        return new ConfigNode(origin, originOf, childPath, false, childValues);
    }

    /** The file that holds {@code key}'s value: the stack file, or Pulumi.yaml for a project default. */
    private String originOfKey(String key) {
        int end = key.length();
        int colon = key.indexOf(':');
        for (char separator : new char[] {'.', '['}) {
            int at = key.indexOf(separator, colon + 1);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return originOf.apply(key.substring(0, end));
    }

    /** The full key of a field of this node: {@code tap:azCount}, {@code tap:services.web.cpu}. */
    public String key(String field) {
        return namespaceRoot ? path + ":" + field : path + "." + field;
    }

    /** A key of the namespace this node belongs to, e.g. {@code tap:parameters} from {@code tap:services.web}. */
    public String namespaceKey(String field) {
        return (namespaceRoot ? path : path.substring(0, path.indexOf(':'))) + ":" + field;
    }

    /** This node's own key, e.g. {@code tap:services.web}. */
    public String path() {
        return path;
    }

    public String origin() {
        return origin;
    }

    public Set<String> fields() {
        return values.keySet();
    }

    public boolean has(String field) {
        return values.get(field) != null;
    }

    public Optional<Object> raw(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** An error about {@code field}: "{problem}; allowed: {allowed}". */
    public ConfigException error(String field, String problem, String allowed) {
        return new ConfigException(originOfKey(key(field)), key(field), problem, allowed);
    }

    /** An error about the value of {@code field}: "{value} {problem}; allowed: {allowed}". */
    public ConfigException invalid(String field, String problem, String allowed) {
        return error(field, show(values.get(field)) + " " + problem, allowed);
    }

    public ConfigException missing(String field, String allowed) {
        var key = key(field);
        // A key inside a mapping or list is set with --path; without it Pulumi would create a key named "a.b".
        var command = key.contains(".") || key.contains("[") ? "pulumi config set --path '" + key + "'"
                : "pulumi config set " + key;
        return error(field, "is missing (set it in " + origin + " or with `" + command + " <value>`)", allowed);
    }

    public String requireString(String field, String allowed) {
        return optionalString(field, allowed).orElseThrow(() -> missing(field, allowed));
    }

    public Optional<String> optionalString(String field, String allowed) {
        var value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        throw invalid(field, "is not text", allowed);
    }

    /** A decimal number (0.5, 8, "2.5"), or empty when the field is absent. */
    public Optional<BigDecimal> optionalDecimal(String field, String allowed) {
        var value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return Optional.of(new BigDecimal(String.valueOf(value).trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid(field, "is not a number", allowed);
    }

    public int requireInt(String field, String allowed) {
        return optionalInt(field, allowed).orElseThrow(() -> missing(field, allowed));
    }

    public Optional<Integer> optionalInt(String field, String allowed) {
        var value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            var number = value instanceof Number n ? new BigDecimal(n.toString())
                    : value instanceof String s ? new BigDecimal(s.trim()) : null;
            if (number != null) {
                return Optional.of(number.intValueExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw invalid(field, "is not a whole number", allowed);
    }

    public boolean requireBoolean(String field) {
        return optionalBoolean(field).orElseThrow(() -> missing(field, "true or false"));
    }

    public Optional<Boolean> optionalBoolean(String field) {
        var value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        throw invalid(field, "is not a boolean", "true or false");
    }

    /** A nested object, or empty when the field is absent. */
    public Optional<ConfigNode> optionalObject(String field, String allowed) {
        var value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(field, "is not a mapping", allowed);
        }
        var children = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> children.put(String.valueOf(k), v));
        return Optional.of(child(key(field), children));
    }

    public ConfigNode object(String field, String allowed) {
        return optionalObject(field, allowed).orElseGet(() -> child(key(field), Map.of()));
    }

    /** A list, or empty when the field is absent. */
    public List<Object> list(String field, String allowed) {
        var value = values.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw invalid(field, "is not a list", allowed);
    }

    /** A list of mappings, each a node named {@code field[i]}; anything else is an error naming its index. */
    public List<ConfigNode> objectList(String field, String allowed) {
        var result = new ArrayList<ConfigNode>();
        var items = list(field, allowed);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw new ConfigException(originOfKey(key(field)), key(field) + "[" + i + "]", show(items.get(i))
                        + " is not a mapping", allowed);
            }
            var children = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> children.put(String.valueOf(k), v));
            result.add(child(key(field) + "[" + i + "]", children));
        }
        return result;
    }

    /** An error about this node itself (not one of its fields). */
    public ConfigException errorHere(String problem, String allowed) {
        return new ConfigException(originOfKey(path), path, problem, allowed);
    }

    /** A list of strings; any other element is an error naming its index. */
    public List<String> stringList(String field, String allowed) {
        var result = new ArrayList<String>();
        var items = list(field, allowed);
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            if (!(item instanceof String || item instanceof Number)) {
                throw new ConfigException(originOfKey(key(field)), key(field) + "[" + i + "]", show(item)
                        + " is not text", allowed);
            }
            result.add(String.valueOf(item));
        }
        return result;
    }

    /** Fails on the first field not in {@code known}, suggesting the closest known one. */
    public void rejectUnknownFields(Collection<String> known) {
        for (var field : values.keySet()) {
            if (!known.contains(field)) {
                var sorted = new TreeSet<>(known).stream().map(this::key).collect(Collectors.joining(", "));
                var suggestion = closest(field, known).map(k -> " (did you mean " + key(k) + "?)").orElse("");
                throw error(field, "is not a known key" + suggestion, sorted);
            }
        }
    }

    /**
     * How a value is quoted in messages: text in double quotes, everything else as JSON; secrets as
     * {@code [secret]} wherever they are; control characters escaped and long values cut to their start and length.
     */
    public static String show(Object value) {
        // The Pulumi CLI hands top-level numbers and booleans over as text: show them as the value they are.
        if (value instanceof String s && !PLAIN_VALUE.matcher(s).matches()) {
            return "\"" + OneLine.shorten(s) + "\"";
        }
        if (value instanceof String s) {
            return s;
        }
        return OneLine.shorten(new GsonBuilder().disableHtmlEscaping().serializeNulls().create()
                .toJson(withoutSecrets(value)));
    }

    /** A copy of a value with every secret replaced by {@code [secret]}, so it can be shown (and serialized). */
    private static Object withoutSecrets(Object value) {
        if (value instanceof SecretValue) {
            return "[secret]";
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), withoutSecrets(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigNode::withoutSecrets).toList();
        }
        return value;
    }

    static Optional<String> closest(String field, Collection<String> known) {
        return com.tapstack.text.Suggestions.closest(field, known);
    }
}
