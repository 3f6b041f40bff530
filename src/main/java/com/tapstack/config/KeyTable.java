package com.tapstack.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys of one configuration object (the project namespace, a service, {@code tap:database}...), in the order
 * the docs list them. A reader rejects fields not in its table and reads each field through its key.
 *
 * @param path        how the docs name the object, with {@code <project>} for the project name, e.g.
 *                    {@code <project>:services.<name>}
 * @param title       a few words for the docs' heading
 * @param description a paragraph for the docs: what the object creates and the rules between its keys
 */
public record KeyTable(String path, String title, String description, List<ConfigKey> keys) {

    public KeyTable {
        keys = List.copyOf(keys);
        var names = keys.stream().map(ConfigKey::name).collect(Collectors.toSet());
        if (names.size() != keys.size()) {
            throw new IllegalArgumentException("a key is declared twice in " + path);
        }
    }

    public static KeyTable of(String path, String title, String description, ConfigKey... keys) {
        return new KeyTable(path, title, description, List.of(keys));
    }

    public Set<String> names() {
        return keys.stream().map(ConfigKey::name).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<ConfigKey> key(String name) {
        return keys.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    /** "a mapping of a, b, c": the fields, for a message that says what a mapping holds. */
    public String summary() {
        return "a mapping of " + keys.stream().map(ConfigKey::name).collect(Collectors.joining(", "));
    }

    /** This table and every table nested in it, depth first, for the docs. */
    public List<KeyTable> withNested() {
        var all = new java.util.ArrayList<KeyTable>();
        all.add(this);
        for (var key : keys) {
            if (key instanceof ConfigKey.Structured structured) {
                structured.fields().ifPresent(fields -> all.addAll(fields.withNested()));
            }
        }
        return all;
    }
}
