package com.tapstack.tooling.newenv;

import com.tapstack.config.ConfigException;
import com.tapstack.config.GoYaml;
import com.tapstack.config.ProjectFile;
import com.tapstack.config.StackFileSource;
import com.tapstack.config.YamlFiles;
import com.tapstack.network.NetworkConfig;
import com.tapstack.stack.ConfigLoader;
import com.tapstack.stack.StackConfig;
import com.tapstack.stack.StackFiles;
import com.tapstack.stack.StackKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Derives a new {@code Pulumi.<name>.yaml} from an existing stack file: the environment renamed, region, suffix
 * and any {@code key=value} overrides applied, Cloud Map names that mention the old environment rewritten, and
 * the result validated with the same loader as every other stack file.
 */
public final class EnvironmentGenerator {

    /** What to generate. */
    public record Request(String name, String from, Optional<String> region, Optional<String> suffix,
                          List<String> overrides) {
        public Request {
            overrides = List.copyOf(overrides);
        }
    }

    /** The generated file's path and text, and its validated configuration. */
    public record Generated(Path file, String yaml, StackConfig config, Path source, String header,
                            Map<String, Object> values, ProjectFile project) {
    }

    private EnvironmentGenerator() {
    }

    public static Generated generate(Path projectDir, Request request) {
        var project = ProjectFile.read(projectDir);
        var target = "Pulumi." + request.name() + ".yaml";
        var source = StackFiles.locate(projectDir, request.from());
        var top = YamlFiles.readMapping(source, source.getFileName().toString(), "a Pulumi stack file");
        @SuppressWarnings("unchecked")
        var original = top.get("config") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();

        var ns = project.name() + ":";
        var oldNamespace = "." + original.get(ns + StackKeys.ENVIRONMENT.name()) + "." + project.name() + ".local";
        var newNamespace = "." + request.name() + "." + project.name() + ".local";
        var values = rewrite(original, oldNamespace, newNamespace);
        values.put(ns + StackKeys.ENVIRONMENT.name(), request.name());
        request.region().ifPresent(region -> {
            // Zone ids belong to one region: the source's recorded zones do not exist in another.
            if (!region.equals(original.get("aws:region"))) {
                values.remove(ns + NetworkConfig.AVAILABILITY_ZONES.name());
            }
            values.put("aws:region", region);
        });
        request.suffix().ifPresent(suffix -> values.put(ns + StackKeys.ENVIRONMENT_SUFFIX.name(), suffix));
        for (var override : request.overrides()) {
            apply(values, override, ns, target);
        }

        var config = ConfigLoader.load(StackFileSource.of(project, target, values), project.name());
        var header = header(request, source);
        return new Generated(projectDir.resolve(target), header + dump(values), config, source, header, values,
                project);
    }

    /**
     * The file with its availability zones recorded by id (the zones the offline plan chose, when the source
     * recorded none), so every later run of the new stack keeps them.
     */
    public static Generated recordZones(Generated generated, List<String> zoneIds) {
        var ns = generated.project().name() + ":";
        if (generated.config().network().zonesRecorded() || zoneIds.isEmpty()) {
            return generated;
        }
        var values = new LinkedHashMap<String, Object>();
        generated.values().forEach((key, value) -> {
            values.put(key, value);
            if (key.equals(ns + NetworkConfig.AZ_COUNT.name())) {
                values.put(ns + NetworkConfig.AVAILABILITY_ZONES.name(), List.copyOf(zoneIds));
            }
        });
        values.putIfAbsent(ns + NetworkConfig.AVAILABILITY_ZONES.name(), List.copyOf(zoneIds));
        var target = generated.file().getFileName().toString();
        var config = ConfigLoader.load(StackFileSource.of(generated.project(), target, values),
                generated.project().name());
        return new Generated(generated.file(), generated.header() + dump(values), config, generated.source(),
                generated.header(), values, generated.project());
    }

    /** Refuses to replace an existing stack file unless {@code force}. */
    public static void refuseOverwrite(Generated generated, boolean force) {
        if (Files.exists(generated.file()) && !force) {
            throw new ConfigException(generated.file().getFileName().toString(), "file", "already exists",
                    "a new environment name, or --force to overwrite it");
        }
    }

    /** Writes the file, refusing to replace an existing one unless {@code force}. */
    public static void write(Generated generated, boolean force) throws java.io.IOException {
        refuseOverwrite(generated, force);
        Files.writeString(generated.file(), generated.yaml());
    }

    /** {@code tap:azCount=3}, {@code tap:services.web.cpu=512} or {@code azCount=3}; the value is YAML. */
    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> values, String override, String ns, String target) {
        int equals = override.indexOf('=');
        if (equals <= 0) {
            throw new ConfigException(target, "--set " + override, "is not key=value",
                    "e.g. --set " + ns + "azCount=3 or --set " + ns + "services.web.cpu=512");
        }
        var key = override.substring(0, equals);
        var value = YamlFiles.newYaml().load(override.substring(equals + 1));
        var fullKey = key.contains(":") ? key : ns + key;
        var path = fullKey.split("\\.");
        if (path.length == 1) {
            values.put(fullKey, value);
            return;
        }
        Map<String, Object> current = values;
        for (int i = 0; i < path.length - 1; i++) {
            var next = current.get(path[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(path[i], next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(path[path.length - 1], value);
    }

    private static String header(Request request, Path source) {
        var command = new StringBuilder("./tap new-env " + request.name() + " --from " + request.from());
        request.region().ifPresent(r -> command.append(" --region ").append(r));
        request.suffix().ifPresent(s -> command.append(" --suffix ").append(s));
        request.overrides().forEach(o -> command.append(" --set ").append(o));
        return "# Generated from " + source.getFileName() + " by `" + command + "`.\n"
                + "# Every key is documented in Pulumi.yaml. Check it with ./tap plan " + request.name()
                + " and ./tap check " + request.name() + ".\n";
    }

    private static String dump(Map<String, Object> values) {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        var config = new LinkedHashMap<String, Object>();
        config.put("config", values);
        return new Yaml(options).dump(config);
    }

    private static Map<String, Object> rewrite(Map<?, ?> map, String from, String to) {
        var copy = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), rewriteValue(v, from, to)));
        return copy;
    }

    private static Object rewriteValue(Object value, String from, String to) {
        if (value instanceof String text) {
            return text.replace(from, to);
        }
        if (value instanceof GoYaml.Timestamp timestamp) {
            return timestamp.written();
        }
        if (value instanceof Map<?, ?> map) {
            return rewrite(map, from, to);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(item -> copy.add(rewriteValue(item, from, to)));
            return copy;
        }
        return value;
    }
}
