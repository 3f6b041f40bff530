package com.tapstack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/** Reads Pulumi's YAML files the way the Pulumi CLI (Go yaml.v3) reads them, and writes stack files. */
public final class YamlFiles {

    private YamlFiles() {
    }

    /** A SnakeYAML instance for writing stack files (and for reading a single value of a --set override). */
    public static Yaml newYaml() {
        var loaderOptions = new LoaderOptions();
        loaderOptions.setAllowDuplicateKeys(false);
        var dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(loaderOptions), new Representer(dumperOptions), dumperOptions,
                loaderOptions);
    }

    /** Parses a YAML file whose top level must be a mapping with text keys; every failure names the file. */
    public static Map<String, Object> readMapping(Path file, String displayName, String expected) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(displayName, "file", "not found at " + file, expected);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException(displayName, "file", "cannot be read (" + e.getMessage() + ")", expected);
        }
        var parsed = GoYaml.parse(text, displayName);
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ConfigException(displayName, "file", "top level is not a mapping", expected);
        }
        var result = new java.util.LinkedHashMap<String, Object>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new ConfigException(displayName, "file", "has the top-level key " + ConfigNode.show(key)
                        + ", and only text keys are allowed", expected);
            }
            result.put(name, value);
        });
        return result;
    }
}
