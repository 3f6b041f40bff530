package com.tapstack.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code Pulumi.yaml}: the project name and the project-level {@code config:} block. The Pulumi CLI applies
 * each declared {@code default} (and each plain project-level value) to every stack before the program runs;
 * offline runs apply the same values here, so both paths see identical configuration.
 */
public record ProjectFile(String name, Map<String, Object> configDefaults) {

    private static final Pattern PROJECT_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,14}$");

    public ProjectFile {
        configDefaults = Map.copyOf(configDefaults);
    }

    public static ProjectFile read(Path projectDir) {
        var file = projectDir.resolve("Pulumi.yaml");
        var top = YamlFiles.readMapping(file, "Pulumi.yaml", "a Pulumi project file with name and runtime");
        var name = String.valueOf(top.get("name"));
        if (!PROJECT_NAME.matcher(name).matches()) {
            throw new ConfigException("Pulumi.yaml", "name",
                    "project name \"" + name + "\" cannot prefix AWS resource names",
                    "1 to 15 lowercase letters, digits or hyphens, starting with a letter");
        }
        return new ProjectFile(name, defaultsOf(name, top.get("config")));
    }

    /** Full key ({@code tap:azCount}) to value, from declarations with a default and plain values. */
    private static Map<String, Object> defaultsOf(String project, Object configBlock) {
        var defaults = new LinkedHashMap<String, Object>();
        if (!(configBlock instanceof Map<?, ?> block)) {
            return defaults;
        }
        block.forEach((rawKey, declaration) -> {
            var key = String.valueOf(rawKey);
            var fullKey = key.contains(":") ? key : project + ":" + key;
            if (declaration instanceof Map<?, ?> typed) {
                if (typed.containsKey("default")) {
                    defaults.put(fullKey, typed.get("default"));
                } else if (typed.containsKey("value")) {
                    defaults.put(fullKey, typed.get("value"));
                }
            } else if (declaration != null) {
                defaults.put(fullKey, declaration);
            }
        });
        return defaults;
    }
}
