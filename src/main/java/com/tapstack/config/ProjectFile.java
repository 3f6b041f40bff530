package com.tapstack.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code Pulumi.yaml}: the project name and the project-level {@code config:} block. The Pulumi CLI applies
 * each declared {@code default} (and each plain project-level value) to every stack before the program runs;
 * offline runs apply the same values here, so both paths see identical configuration. A problem in this file is
 * reported as this file's, never as the stack file's.
 */
public record ProjectFile(String name, Map<String, Object> configDefaults) {

    public static final String FILE = "Pulumi.yaml";
    private static final Pattern PROJECT_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,14}$");
    /** What a project name may be: it prefixes every physical name and every config key. */
    public static final String NAME_RULE = "1 to 15 lowercase letters, digits or hyphens, starting with a letter";
    /** The types a project config declaration may state (Pulumi project file schema). */
    private static final Set<String> TYPES = Set.of("string", "integer", "boolean", "array");
    private static final Set<String> DECLARATION_FIELDS = Set.of("type", "description", "default", "value", "secret",
            "items");

    public ProjectFile {
        configDefaults = Map.copyOf(configDefaults);
    }

    public static ProjectFile read(Path projectDir) {
        var top = YamlFiles.readMapping(projectDir.resolve(FILE), FILE, "a Pulumi project file with name and runtime");
        var name = top.get("name");
        if (name == null) {
            throw new ConfigException(FILE, "name", "is missing", NAME_RULE);
        }
        if (!(name instanceof String text) || !isProjectName(text)) {
            throw new ConfigException(FILE, "name", ConfigNode.show(name) + " cannot prefix AWS resource names",
                    NAME_RULE);
        }
        return new ProjectFile(text, defaultsOf(text, top.get("config")));
    }

    /** Whether {@code name} may be a project's name ({@link #NAME_RULE}); also the rule for ./tap init's --name. */
    public static boolean isProjectName(String name) {
        return name != null && PROJECT_NAME.matcher(name).matches();
    }

    /** Full key ({@code tap:azCount}) to value, from declarations with a default and plain values. */
    private static Map<String, Object> defaultsOf(String project, Object configBlock) {
        var defaults = new LinkedHashMap<String, Object>();
        if (configBlock == null) {
            return defaults;
        }
        if (!(configBlock instanceof Map<?, ?> block)) {
            throw new ConfigException(FILE, "config", "is not a mapping", "key: {type, description, default} entries");
        }
        block.forEach((rawKey, declaration) -> {
            if (!(rawKey instanceof String key) || key.isBlank()) {
                throw new ConfigException(FILE, "config", ConfigNode.show(rawKey) + " is not a config key",
                        "names such as azCount (the project's namespace) or aws:region");
            }
            // The CLI's key rules (workspace ParseKey): a bare key is the project's, ns:config:x is ns:x.
            var fullKey = CliConfig.key(key, project, FILE);
            if (declaration instanceof Map<?, ?> typed) {
                declared(fullKey, typed).ifPresent(value -> defaults.put(fullKey, value));
            } else if (declaration != null) {
                defaults.put(fullKey, declaration);
            }
        });
        return defaults;
    }

    /** A declaration's default (or value), checked against its declared type. */
    private static java.util.Optional<Object> declared(String key, Map<?, ?> declaration) {
        var where = "config." + key.substring(key.indexOf(':') + 1);
        for (var field : declaration.keySet()) {
            if (!DECLARATION_FIELDS.contains(String.valueOf(field))) {
                throw new ConfigException(FILE, where + "." + field, "is not part of a config declaration",
                        String.join(", ", new java.util.TreeSet<>(DECLARATION_FIELDS)));
            }
        }
        var type = declaration.get("type");
        if (type != null && !(type instanceof String t && TYPES.contains(t))) {
            throw new ConfigException(FILE, where + ".type", ConfigNode.show(type) + " is not a config type",
                    String.join(", ", new java.util.TreeSet<>(TYPES)));
        }
        var field = declaration.containsKey("default") ? "default" : "value";
        var value = declaration.get(field);
        // An integer written 30.0: the CLI writes the file back before reading it, and 30.0 comes back as 30.
        if ("integer".equals(type) && value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
            value = (long) d.doubleValue();
        }
        if (value != null && type != null && !fits(String.valueOf(type), value)) {
            throw new ConfigException(FILE, where + "." + field, ConfigNode.show(value) + " is not of the declared"
                    + " type " + type, "a value of type " + type);
        }
        return java.util.Optional.ofNullable(value);
    }

    private static boolean fits(String type, Object value) {
        return switch (type) {
            case "integer" -> value instanceof Integer || value instanceof Long
                    || value instanceof java.math.BigInteger;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List;
            default -> value instanceof String;
        };
    }
}
