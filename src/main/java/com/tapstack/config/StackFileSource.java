package com.tapstack.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offline configuration: the values of {@code Pulumi.<stack>.yaml} over the defaults of {@code Pulumi.yaml},
 * exactly as the Pulumi CLI would hand them to the program. Encrypted values ({@code secure: v1:...}) become
 * {@link SecretValue#encrypted()} because decrypting them needs the stack's secrets provider.
 */
public final class StackFileSource implements ConfigSource {

    private final String origin;
    private final Map<String, Object> values;
    /** Keys whose value is the project's default: errors about them name Pulumi.yaml. */
    private final java.util.Set<String> projectDefaults;

    private StackFileSource(String origin, Map<String, Object> values, java.util.Set<String> projectDefaults) {
        this.origin = origin;
        this.values = values;
        this.projectDefaults = projectDefaults;
    }

    /** Reads {@code file}, resolving project defaults from {@code project}. */
    public static StackFileSource read(ProjectFile project, Path file) {
        var name = file.getFileName().toString();
        var top = YamlFiles.readMapping(file, name, "a Pulumi stack file with a config: mapping");
        var config = top.get("config");
        if (config != null && !(config instanceof Map)) {
            throw new ConfigException(name, "config", "is not a mapping", "key: value pairs such as tap:environment: dev");
        }
        @SuppressWarnings("unchecked")
        var stackValues = config == null ? Map.<String, Object>of() : (Map<String, Object>) config;
        return of(project, name, stackValues);
    }

    /** A source from already parsed stack values; {@code origin} names the file in messages. */
    public static StackFileSource of(ProjectFile project, String origin, Map<String, Object> stackValues) {
        var merged = new LinkedHashMap<String, Object>(project.configDefaults());
        var defaults = new java.util.HashSet<>(project.configDefaults().keySet());
        stackValues.forEach((key, value) -> {
            merged.put(cleanKey(key), decodeSecrets(value));
            defaults.remove(cleanKey(key));
        });
        return new StackFileSource(origin, merged, java.util.Set.copyOf(defaults));
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String originOf(String key) {
        return projectDefaults.contains(key) ? ProjectFile.FILE : origin;
    }

    @Override
    public Map<String, Object> namespace(String namespace) {
        var prefix = namespace + ":";
        var result = new LinkedHashMap<String, Object>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /** Pulumi once wrote keys as {@code tap:config:name}; both spellings mean {@code tap:name}. */
    static String cleanKey(String key) {
        var parts = key.split(":", 3);
        return parts.length == 3 && parts[1].equals("config") ? parts[0] + ":" + parts[2] : key;
    }

    private static Object decodeSecrets(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("secure")) {
                return SecretValue.encrypted();
            }
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), decodeSecrets(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(item -> copy.add(decodeSecrets(item)));
            return copy;
        }
        return value;
    }
}
