package com.tapstack.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads Pulumi's YAML files the way the Pulumi CLI (Go yaml.v3, YAML 1.2) reads them. */
final class YamlFiles {

    private YamlFiles() {
    }

    /**
     * YAML 1.2 core schema: only {@code true}/{@code false} are booleans and dates stay strings, so a tag
     * value such as {@code Backup: yes} or {@code Since: 2024-01-01} reaches AWS as the text written.
     */
    private static final class Yaml12Resolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT,
                    Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|)$"), "~n\0");
        }
    }

    static Yaml newYaml() {
        var loaderOptions = new LoaderOptions();
        loaderOptions.setAllowDuplicateKeys(false);
        var dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(loaderOptions), new Representer(dumperOptions), dumperOptions,
                loaderOptions, new Yaml12Resolver());
    }

    /** Parses a YAML file whose top level must be a mapping; every failure names the file. */
    static Map<String, Object> readMapping(Path file, String displayName, String expected) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(displayName, "file", "not found at " + file, expected);
        } catch (IOException e) {
            throw new ConfigException(displayName, "file", "cannot be read (" + e.getMessage() + ")", expected);
        }
        Object parsed;
        try {
            parsed = newYaml().load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new ConfigException(displayName, "line " + (mark.getLine() + 1),
                    "not valid YAML (" + e.getProblem() + ")", expected);
        } catch (YAMLException e) {
            throw new ConfigException(displayName, "file", "not valid YAML (" + e.getMessage() + ")", expected);
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ConfigException(displayName, "file", "top level is not a mapping", expected);
        }
        @SuppressWarnings("unchecked")
        var result = (Map<String, Object>) map;
        return result;
    }
}
