package com.tapstack.support;

import com.tapstack.config.ProjectFile;
import com.tapstack.config.StackFileSource;
import com.tapstack.stack.ConfigLoader;
import com.tapstack.stack.StackConfig;
import com.tapstack.stack.StackFiles;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference stacks ({@code tests/fixtures/reference}: {@code dev} and {@code prod}, frozen copies of the sample
 * stacks), loaded and planned the way ./tap does it. Names in tests are built from the fixture's project name
 * ({@link #NAME}, {@link #P}, {@link #NS}), never typed in. Plans are cached per JVM.
 */
public final class Reference {

    public static final Path DIR = Project.DIR.resolve("tests/fixtures/reference");
    /** The fixture's project name, as its Pulumi.yaml says. */
    public static final String NAME = ProjectFile.read(DIR).name();
    /** What the stack's logical names start with: {@code <project>-}. */
    public static final String P = NAME + "-";
    /** The config namespace: {@code <project>:}. */
    public static final String NS = NAME + ":";

    /**
     * A text (an expected policy, a stack file) with the fixture's names put in: {@code {p}} becomes {@link #P},
     * {@code {ns}} {@link #NS} and {@code {name}} {@link #NAME}.
     */
    public static String expand(String text) {
        return text.replace("{p}", P).replace("{ns}", NS).replace("{name}", NAME);
    }

    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    private Reference() {
    }

    public static ProjectFile project() {
        return ProjectFile.read(DIR);
    }

    public static StackConfig config(String stack) {
        return StackFiles.load(DIR, stack).config();
    }

    /** The physical name prefix of a planned reference stack: {@code <project>-<environment>-<suffix>-}. */
    public static String prefix(String stack) {
        return P + config(stack).environment() + "-" + plan(stack).outputs().get("environmentSuffix") + "-";
    }

    /** The offline plan of a reference stack (dev, prod). */
    public static Plan plan(String stack) {
        return PLANS.computeIfAbsent(stack, s -> OfflineEngine.plan(config(s), s));
    }

    /** Loads an edited copy of a reference stack's values, as if it were {@code Pulumi.<stack>.yaml}. */
    public static StackConfig load(String stack, Map<String, Object> values) {
        var project = project();
        return ConfigLoader.load(StackFileSource.of(project, "Pulumi." + stack + ".yaml", values), project.name());
    }

    /** Plans an edited copy of a reference stack, once per JVM for the same values ({@link PlanCache}). */
    public static Plan plan(String stack, Map<String, Object> values) {
        return PlanCache.plan(DIR, stack, values, () -> OfflineEngine.plan(load(stack, values), stack));
    }

    /** The values of a reference stack, as a mutable map to edit. */
    public static StackValues values(String stack) {
        return StackValues.read(DIR.resolve("Pulumi." + stack + ".yaml"));
    }
}
