package com.tapstack.stack;

import com.tapstack.config.ConfigException;
import com.tapstack.config.ProjectFile;
import com.tapstack.config.StackFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and loads a stack's configuration offline: {@code dev} means {@code Pulumi.dev.yaml} in the project
 * directory; a path to a {@code .yaml} file is used as it is (its stack name taken from the file name).
 */
public final class StackFiles {

    private static final Pattern STACK_FILE = Pattern.compile("^Pulumi\\.(.+)\\.ya?ml$");

    private StackFiles() {
    }

    /** A stack file and everything read from it. */
    public record LoadedStack(String stackName, Path file, ProjectFile project, StackConfig config,
                              java.util.List<String> warnings) {
    }

    public static LoadedStack load(Path projectDir, String stack) {
        var project = ProjectFile.read(projectDir);
        var file = locate(projectDir, stack);
        var source = StackFileSource.read(project, file);
        var loaded = ConfigLoader.loadWithWarnings(source, project.name());
        return new LoadedStack(stackName(file), file, project, loaded.config(), loaded.warnings());
    }

    public static Path locate(Path projectDir, String stack) {
        if (stack.endsWith(".yaml") || stack.endsWith(".yml") || stack.contains("/")) {
            return Path.of(stack);
        }
        var file = projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Pulumi." + stack + ".yaml", "file", "not found in " + projectDir.toAbsolutePath(),
                    "a stack of this project: " + knownStacks(projectDir) + " (or `./tap new-env " + stack + "`)");
        }
        return file;
    }

    public static String stackName(Path file) {
        var name = file.getFileName().toString();
        var matcher = STACK_FILE.matcher(name);
        return matcher.matches() ? matcher.group(1) : name.replaceFirst("\\.ya?ml$", "");
    }

    static String knownStacks(Path projectDir) {
        try (Stream<Path> files = Files.list(projectDir)) {
            var names = files.map(p -> p.getFileName().toString())
                    .filter(n -> STACK_FILE.matcher(n).matches())
                    .map(n -> stackName(Path.of(n)))
                    .sorted()
                    .collect(Collectors.joining(", "));
            return names.isEmpty() ? "none yet" : names;
        } catch (IOException e) {
            return "none readable";
        }
    }
}
