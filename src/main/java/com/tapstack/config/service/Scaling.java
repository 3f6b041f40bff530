package com.tapstack.config.service;

/** Task counts and the target-tracking utilisation targets of a service. */
public record Scaling(int desiredCount, int minCount, int maxCount, int cpuTarget, int memoryTarget) {

    public static final int DEFAULT_DESIRED = 1;
    public static final int DEFAULT_MIN = 1;
    public static final int DEFAULT_MAX = 4;
    public static final int DEFAULT_TARGET_PERCENT = 70;
    public static final int SCALE_IN_COOLDOWN_SECONDS = 300;
    public static final int SCALE_OUT_COOLDOWN_SECONDS = 60;
}
