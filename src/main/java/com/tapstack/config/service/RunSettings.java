package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.BoolKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigNode;
import java.util.Optional;

/**
 * How a service's tasks run and stop: Availability Zone rebalancing, the container's stop timeout, whether ECS
 * pins the image to the digest it resolved at deployment, and the restart policy.
 *
 * @param availabilityZoneRebalancing ECS moves tasks back into an Availability Zone after it recovers
 *                                    (service-rebalancing.html); set explicitly, since an update that leaves it out
 *                                    keeps a service created before 30 June 2025 at DISABLED (UpdateService API)
 * @param stopTimeoutSeconds          seconds between SIGTERM and SIGKILL; Fargate allows at most 120
 * @param versionConsistency          ECS resolves the image to a digest at deployment and every task runs it
 * @param restartPolicy               restart the container in place when it exits
 */
public record RunSettings(boolean availabilityZoneRebalancing, int stopTimeoutSeconds, boolean versionConsistency,
                          Optional<RestartPolicy> restartPolicy) {

    public static final BoolKey AZ_REBALANCING = BoolKey.of("availabilityZoneRebalancing", true, "ECS moves tasks"
            + " back into an Availability Zone after it recovers (AWS's default for new services)");
    public static final IntKey STOP_TIMEOUT = IntKey.of("stopTimeout", 2, 120, 30, "Seconds between SIGTERM and"
            + " SIGKILL when a task stops (Fargate's maximum is 120)");
    public static final BoolKey VERSION_CONSISTENCY = BoolKey.of("versionConsistency", true, "Every task of a"
            + " deployment runs the image digest ECS resolved at its start (false: each task resolves the tag anew)");

    /** The defaults, as a service without these keys gets them. */
    public static RunSettings defaults() {
        return new RunSettings(AZ_REBALANCING.defaultValue().orElseThrow(), STOP_TIMEOUT.defaultValue().orElseThrow(),
                VERSION_CONSISTENCY.defaultValue().orElseThrow(), Optional.empty());
    }

    static RunSettings read(ConfigNode service) {
        return new RunSettings(AZ_REBALANCING.read(service), STOP_TIMEOUT.read(service),
                VERSION_CONSISTENCY.read(service), RestartPolicy.read(service));
    }
}
