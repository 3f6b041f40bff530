package com.tapstack.support;

import com.tapstack.stack.ConfigLoader;
import com.tapstack.config.ProjectFile;
import com.tapstack.stack.StackConfig;
import com.tapstack.config.StackFileSource;
import com.tapstack.stack.StackFiles;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The project's real stack files, loaded and planned the way ./tap does it. Plans are cached per JVM. */
public final class Stacks {

    /** Surefire runs tests in the project directory. */
    public static final Path PROJECT_DIR = Path.of("").toAbsolutePath();

    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    private Stacks() {
    }

    public static ProjectFile project() {
        return ProjectFile.read(PROJECT_DIR);
    }

    public static StackConfig config(String stack) {
        return StackFiles.load(PROJECT_DIR, stack).config();
    }

    /** The offline plan of a real stack file (dev, prod). */
    public static Plan plan(String stack) {
        return PLANS.computeIfAbsent(stack, s -> OfflineEngine.plan(config(s), s));
    }

    /** Loads an edited copy of a stack file's values, as if it were {@code Pulumi.<stack>.yaml}. */
    public static StackConfig load(String stack, Map<String, Object> values) {
        var project = project();
        return ConfigLoader.load(StackFileSource.of(project, "Pulumi." + stack + ".yaml", values), project.name());
    }

    /** Plans an edited copy of a stack file. */
    public static Plan plan(String stack, Map<String, Object> values) {
        return OfflineEngine.plan(load(stack, values), stack);
    }

    /** The values of a real stack file, as a mutable map to edit. */
    public static StackValues values(String stack) {
        return StackValues.read(PROJECT_DIR.resolve("Pulumi." + stack + ".yaml"));
    }
}
