package com.tapstack.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The {@code config:} values of a stack file as an editable map: tests change one key and load the result. */
public final class StackValues {

    private final LinkedHashMap<String, Object> values;

    private StackValues(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** A stack file's values, typed as the Pulumi CLI types them (yaml.v3: 0123 is 83, yes is text). */
    static StackValues read(Path file) {
        var values = new LinkedHashMap<String, Object>();
        com.tapstack.config.StackFileSource.configValues(file).forEach((k, v) -> values.put(String.valueOf(k), v));
        return new StackValues(values);
    }

    public StackValues set(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /**
     * Sets a value inside a mapping key: {@code setIn("tap:services", "web.cpu", 512)}. Intermediate mappings are
     * copied (or created), so the file's values are never shared between tests.
     */
    @SuppressWarnings("unchecked")
    public StackValues setIn(String key, String path, Object value) {
        var parts = path.split("\\.");
        var root = new LinkedHashMap<String, Object>(values.get(key) instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of());
        var current = root;
        for (int i = 0; i < parts.length - 1; i++) {
            var next = current.get(parts[i]);
            var copy = new LinkedHashMap<String, Object>(next instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
            current.put(parts[i], copy);
            current = copy;
        }
        if (value == null) {
            current.remove(parts[parts.length - 1]);
        } else {
            current.put(parts[parts.length - 1], value);
        }
        values.put(key, root);
        return this;
    }

    /** Removes a value inside a mapping key. */
    public StackValues removeIn(String key, String path) {
        return setIn(key, path, null);
    }

    public StackValues remove(String key) {
        values.remove(key);
        return this;
    }

    public Map<String, Object> toMap() {
        return new LinkedHashMap<>(values);
    }

    /** The values as the text of a {@code Pulumi.<stack>.yaml} file. */
    public String toYaml() {
        return new Yaml().dump(Map.of("config", values));
    }
}
