package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigNode;

/** Task counts and the target-tracking utilisation targets of a service. */
public record Scaling(int desiredCount, int minCount, int maxCount, int cpuTarget, int memoryTarget) {

    public static final int SCALE_IN_COOLDOWN_SECONDS = 300;
    public static final int SCALE_OUT_COOLDOWN_SECONDS = 60;
    /** The task count a service starts with and keeps at least, unless its range says otherwise. */
    private static final int ONE_TASK = 1;

    public static final IntKey MAX_COUNT = IntKey.of("maxCount", 1, 5000, 4, "Most tasks autoscaling runs");
    public static final IntKey MIN_COUNT = IntKey.derived("minCount", 0, 5000, ONE_TASK + ", or maxCount when lower",
            "Fewest tasks autoscaling keeps").dependentRange("0 to maxCount; 0 only with a queue block");
    public static final IntKey DESIRED_COUNT = IntKey.derived("desiredCount", 0, 5000, ONE_TASK + ", within minCount"
            + " to maxCount", "Tasks at creation; autoscaling owns the count after that")
            .dependentRange("minCount to maxCount");
    public static final IntKey CPU_TARGET = IntKey.of("cpuTarget", 1, 100, 70, "CPU percent target tracking keeps"
            + " (scales out after " + SCALE_OUT_COOLDOWN_SECONDS + " s, in after " + SCALE_IN_COOLDOWN_SECONDS + " s)");
    public static final IntKey MEMORY_TARGET = IntKey.of("memoryTarget", 1, 100, 70, "Memory percent target"
            + " tracking keeps");

    /** Every setting at its declared default. */
    public static Scaling defaults() {
        int max = MAX_COUNT.defaultValue().orElseThrow();
        return new Scaling(Math.min(ONE_TASK, max), Math.min(ONE_TASK, max), max, CPU_TARGET.defaultValue().orElseThrow(),
                MEMORY_TARGET.defaultValue().orElseThrow());
    }

    /** The service's counts and targets; minCount and desiredCount default within the range maxCount sets. */
    static Scaling read(ConfigNode node) {
        int max = MAX_COUNT.read(node);
        int min = MIN_COUNT.optional(node, MIN_COUNT.min(), max).orElse(Math.min(ONE_TASK, max));
        int desired = DESIRED_COUNT.optional(node, min, max).orElse(Math.max(min, Math.min(ONE_TASK, max)));
        return new Scaling(desired, min, max, CPU_TARGET.read(node), MEMORY_TARGET.read(node));
    }
}
