package com.tapstack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline configuration: the values of {@code Pulumi.<stack>.yaml} over the defaults of {@code Pulumi.yaml},
 * turned into exactly the texts the Pulumi CLI would hand the program in {@code PULUMI_CONFIG}: the YAML typed
 * as yaml.v3 types it ({@link GoYaml}), keys and values as the CLI writes them ({@link CliConfig}), then decoded
 * like the engine's ({@link ConfigText}). Encrypted values ({@code secure: v1:...}) become
 * {@link SecretValue#encrypted()}, because decrypting them needs the stack's secrets provider; the other values
 * of a key that holds one are secret too, as under {@code pulumi up}.
 */
public final class StackFileSource implements ConfigSource {

    private final String origin;
    private final Map<String, String> texts;
    private final Set<String> secretKeys;
    /** Keys whose value is the project's default: errors about them name Pulumi.yaml. */
    private final Set<String> projectDefaults;
    private final List<String> warnings;

    private StackFileSource(String origin, Map<String, String> texts, Set<String> secretKeys,
                            Set<String> projectDefaults, List<String> warnings) {
        this.origin = origin;
        this.texts = texts;
        this.secretKeys = secretKeys;
        this.projectDefaults = projectDefaults;
        this.warnings = List.copyOf(warnings);
    }

    /** Reads {@code file}, resolving project defaults from {@code project}. */
    public static StackFileSource read(ProjectFile project, Path file) {
        var name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, "file", "not found at " + file, "a Pulumi stack file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException(name, "file", "cannot be read as UTF-8 text (" + e.getMessage() + ")",
                    "a Pulumi stack file");
        }
        var surprises = new ArrayList<GoYaml.Surprise>();
        var top = GoYaml.parse(text, name, surprises);
        var warnings = new ArrayList<String>();
        surprises.stream().filter(s -> s.path().startsWith("config.")).forEach(s -> warnings.add(
                com.tapstack.text.OneLine.escape(name) + ": "
                        + com.tapstack.text.OneLine.shorten(s.path().substring("config.".length())) + ": " + surprise(s)));
        if (top == null) {
            return of(project, name, Map.of(), warnings);
        }
        if (!(top instanceof Map<?, ?> document)) {
            throw new ConfigException(name, "file", "top level is not a mapping", "a Pulumi stack file with a config:"
                    + " mapping");
        }
        for (var key : document.keySet()) {
            if (!(key instanceof String)) {
                throw new ConfigException(name, "file", "has the top-level key " + ConfigNode.show(key) + ", and the"
                        + " Pulumi CLI expects only string keys", "config:, secretsprovider:, encryptedkey:, ...");
            }
        }
        escEnvironments(name, document.get("environment")).ifPresent(environments -> warnings.add(
                com.tapstack.text.OneLine.escape(name) + ": environment: imports the ESC environment"
                        + (environments.size() == 1 ? " " : "s ") + com.tapstack.text.OneLine.shorten(
                        String.join(", ", environments)) + ", which ./tap cannot open offline: what they provide is not"
                        + " in this plan (pulumi up reads it, with the same checks)"));
        var config = document.get("config");
        if (config != null && !(config instanceof Map)) {
            throw new ConfigException(name, "config", "is not a mapping", "key: value pairs such as <project>:environment: dev");
        }
        return of(project, name, config == null ? Map.of() : (Map<?, ?>) config, warnings);
    }

    /**
     * The ESC environments a stack file imports ({@code environment: [project/env, ...]}, Pulumi's stack settings
     * file), or empty without them; anything but a list of names is refused, as the CLI refuses it.
     */
    static java.util.Optional<List<String>> escEnvironments(String origin, Object value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof String text) || text.isBlank())) {
            throw new ConfigException(origin, "environment", ConfigNode.show(value) + " is not a list of ESC"
                    + " environment names", "a list such as [tap/prod] (project/environment)");
        }
        return list.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(list.stream().map(String::valueOf).toList());
    }

    /**
     * The {@code config:} values of a stack file as the Pulumi CLI types them (for tools and tests that edit a
     * stack file's values and load the result with {@link #of}).
     */
    public static Map<Object, Object> configValues(Path file) {
        var top = YamlFiles.readMapping(file, file.getFileName().toString(), "a Pulumi stack file");
        var config = top.get("config");
        var values = new LinkedHashMap<Object, Object>();
        if (config instanceof Map<?, ?> map) {
            values.putAll(map);
        }
        return values;
    }

    /** A source from already parsed stack values; {@code origin} names the file in messages. */
    public static StackFileSource of(ProjectFile project, String origin, Map<?, ?> stackValues) {
        return of(project, origin, stackValues, List.of());
    }

    private static StackFileSource of(ProjectFile project, String origin, Map<?, ?> stackValues,
                                      List<String> readWarnings) {
        var texts = new LinkedHashMap<String, String>();
        var secrets = new HashSet<String>();
        var defaults = new HashSet<String>();
        var warnings = new ArrayList<>(readWarnings);
        project.configDefaults().forEach((key, value) -> {
            put(CliConfig.entry(key, value, ProjectFile.FILE), texts, secrets);
            defaults.add(key);
        });
        var seen = new LinkedHashMap<String, Object>();
        stackValues.forEach((rawKey, value) -> {
            var key = CliConfig.key(rawKey, project.name(), origin);
            var previous = seen.put(key, rawKey);
            if (previous != null) {
                throw new ConfigException(origin, key, "is set twice (as " + previous + " and " + rawKey + "), and"
                        + " the Pulumi CLI keeps either of them at random", "one of the two spellings");
            }
            if (value == null) {
                warnings.add(com.tapstack.text.OneLine.escape(origin) + ": " + com.tapstack.text.OneLine.shorten(key)
                        + ": has no value; the Pulumi CLI treats it as an empty string");
            }
            put(CliConfig.entry(key, value, origin), texts, secrets);
            defaults.remove(key);
        });
        return new StackFileSource(origin, texts, Set.copyOf(secrets), Set.copyOf(defaults), warnings);
    }

    private static void put(CliConfig.Entry entry, Map<String, String> texts, Set<String> secrets) {
        texts.put(entry.key(), entry.text());
        if (entry.secret()) {
            secrets.add(entry.key());
        } else {
            secrets.remove(entry.key());
        }
    }

    private static String surprise(GoYaml.Surprise surprise) {
        if (surprise.value() instanceof GoYaml.Timestamp timestamp) {
            var written = com.tapstack.text.OneLine.shorten(surprise.written());
            return written + " is a date to the Pulumi CLI, which hands it over as \"" + timestamp.goString()
                    + "\"; quote it (\"" + written + "\") to keep the text";
        }
        var written = com.tapstack.text.OneLine.shorten(surprise.written());
        return written + " is read by the Pulumi CLI as the number "
                + CliConfig.entry("", surprise.value(), "").text() + " (a leading zero makes YAML octal, or drops)"
                + "; quote it (\"" + written + "\") to keep the text";
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String originOf(String key) {
        return projectDefaults.contains(key) ? ProjectFile.FILE : origin;
    }

    /** What the Pulumi CLI would warn about, or a reader would not expect: one line each. */
    public List<String> warnings() {
        return warnings;
    }

    /** The texts the Pulumi CLI would hand the program, by full key: what {@code PULUMI_CONFIG} would hold. */
    public Map<String, String> texts() {
        return java.util.Collections.unmodifiableMap(texts);
    }

    public Set<String> secretKeys() {
        return secretKeys;
    }

    @Override
    public Set<String> keys() {
        return texts.keySet();
    }

    @Override
    public Map<String, Object> namespace(String namespace) {
        var prefix = namespace + ":";
        var result = new LinkedHashMap<String, Object>();
        texts.forEach((key, text) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), ConfigText.decode(text, secretKeys.contains(key)));
            }
        });
        return result;
    }

    /** Pulumi once wrote keys as {@code tap:config:name}; both spellings mean {@code tap:name}. */
    static String cleanKey(String key) {
        var parts = key.split(":", 3);
        return parts.length == 3 && parts[1].equals("config") ? parts[0] + ":" + parts[2] : key;
    }
}
