package com.tapstack.support;

import com.tapstack.config.ProjectFile;
import com.tapstack.config.StackFileSource;
import com.tapstack.stack.ConfigLoader;
import com.tapstack.stack.StackConfig;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' own project ({@code tests/fixtures/shop}): stack files that only tests read, so component and
 * rule tests keep passing however a fork edits the root stack files. Config defaults are the program's,
 * declared in the code.
 */
public final class Fixtures {

    public static final Path DIR = Project.DIR.resolve("tests/fixtures/shop");
    /** Two AZs, single NAT, Spot, ECS Exec: a disposable environment. */
    public static final String SMALL = "small";
    /** Protected, three AZs, every production module. */
    public static final String FULL = "full";

    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** The fixture project. */
    public static ProjectFile project() {
        return ProjectFile.read(DIR);
    }

    /** The config key {@code <project>:<key>} of the fixture project. */
    public static String key(String key) {
        return project().name() + ":" + key;
    }

    public static StackValues values(String stack) {
        return StackValues.read(DIR.resolve("Pulumi." + stack + ".yaml"));
    }

    public static StackConfig config(String stack) {
        return load(stack, values(stack).toMap());
    }

    /** Loads edited values as if they were {@code Pulumi.<stack>.yaml} of the fixture project. */
    public static StackConfig load(String stack, Map<String, Object> values) {
        var project = project();
        return ConfigLoader.load(StackFileSource.of(project, "Pulumi." + stack + ".yaml", values), project.name());
    }

    /** The plan of a fixture stack file, cached per JVM. */
    public static Plan plan(String stack) {
        return PLANS.computeIfAbsent(stack, s -> OfflineEngine.plan(config(s), s));
    }

    /** The plan of an edited fixture stack file, made once per JVM for the same values ({@link PlanCache}). */
    public static Plan plan(String stack, StackValues values) {
        var edited = values.toMap();
        return PlanCache.plan(DIR, stack, edited, () -> OfflineEngine.plan(load(stack, edited), stack));
    }
}
