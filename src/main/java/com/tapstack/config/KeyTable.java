package com.tapstack.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys of one configuration object ({@code tap:}, a service, {@code tap:database}...), in the order the docs
 * list them. A reader rejects fields not in its table and reads each field through its key.
 *
 * @param path  how the docs and Pulumi.yaml name the object, e.g. {@code <project>:services.<name>}
 * @param title a few words for the docs' heading
 */
public record KeyTable(String path, String title, List<ConfigKey> keys) {

    public KeyTable {
        keys = List.copyOf(keys);
        var names = keys.stream().map(ConfigKey::name).collect(Collectors.toSet());
        if (names.size() != keys.size()) {
            throw new IllegalArgumentException("a key is declared twice in " + path);
        }
    }

    public static KeyTable of(String path, String title, ConfigKey... keys) {
        return new KeyTable(path, title, List.of(keys));
    }

    public Set<String> names() {
        return keys.stream().map(ConfigKey::name).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<ConfigKey> key(String name) {
        return keys.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    /** "{a, b, c}": the fields, for a message that says what a mapping holds. */
    public String summary() {
        return "a mapping of " + keys.stream().map(ConfigKey::name).collect(Collectors.joining(", "));
    }
}
