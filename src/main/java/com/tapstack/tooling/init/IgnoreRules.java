package com.tapstack.tooling.init;

import com.tapstack.config.ConfigException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple patterns of a root {@code .gitignore}: {@code /target/} (a directory at the root), {@code .idea/}
 * (a directory anywhere), {@code *.iml} (a name anywhere, globs allowed), {@code /out} and {@code a/b} (anchored
 * to the root). A negation ({@code !x}) is refused rather than skipped: skipping it would silently leave out a
 * file git keeps.
 */
public final class IgnoreRules {

    /** One pattern: a glob over the whole relative path (anchored) or over the last name (anywhere). */
    private record Rule(PathMatcher matcher, boolean anchored, boolean directoriesOnly) {
    }

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static IgnoreRules none() {
        return new IgnoreRules(List.of());
    }

    /** The rules of {@code projectDir/.gitignore}; none when there is no such file. */
    public static IgnoreRules read(Path projectDir) throws IOException {
        var file = projectDir.resolve(".gitignore");
        return Files.isRegularFile(file) ? parse(Files.readAllLines(file)) : none();
    }

    public static IgnoreRules parse(List<String> lines) {
        var rules = new ArrayList<Rule>();
        for (var raw : lines) {
            var line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("!")) {
                throw new ConfigException(".gitignore", line, "is a negation, which ./tap init cannot follow",
                        "patterns without !, such as /target/, .idea/ or *.iml");
            }
            boolean directoriesOnly = line.endsWith("/");
            var pattern = directoriesOnly ? line.substring(0, line.length() - 1) : line;
            // As git: a slash at the start or in the middle anchors the pattern to the root.
            boolean anchored = pattern.contains("/");
            if (pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            rules.add(new Rule(matcher, anchored, directoriesOnly));
        }
        return new IgnoreRules(rules);
    }

    /** Whether {@code relative} (to the project root, {@code /}-separated) is ignored. */
    public boolean ignores(String relative, boolean directory) {
        var path = Path.of(relative);
        var name = path.getFileName();
        for (var rule : rules) {
            if (rule.directoriesOnly() && !directory) {
                continue;
            }
            if (rule.matcher().matches(rule.anchored() ? path : name)) {
                return true;
            }
        }
        return false;
    }
}
