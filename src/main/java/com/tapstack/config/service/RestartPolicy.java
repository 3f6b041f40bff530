package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The main container's restart policy: ECS restarts it in place when it exits, instead of replacing the task
 * (API ContainerRestartPolicy: restartAttemptPeriod 60 to 1800 seconds, default 300; at most 50 ignored exit codes;
 * Fargate platform 1.4.0). A container that exits before it ran restartAttemptPeriod seconds is not restarted, so a
 * crash at start still fails the task and the deployment circuit breaker still sees it.
 */
public record RestartPolicy(int restartAttemptPeriod, List<Integer> ignoredExitCodes) {

    static final int MAX_IGNORED_EXIT_CODES = 50;

    public static final IntKey RESTART_ATTEMPT_PERIOD = IntKey.of("restartAttemptPeriod", 60, 1800, 300, "Seconds the"
            + " container must have run before ECS restarts it after an exit");
    public static final ListKey IGNORED_EXIT_CODES = ListKey.of("ignoredExitCodes", List.of(), "at most 50 exit codes,"
            + " 0 to 255", "Exit codes that end the container for good (e.g. [0] for a clean stop)");
    public static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.restartPolicy", "Container restart"
            + " policy", "With the block, ECS restarts the service's container in place when it exits (not the"
            + " init container that prepares writable paths). Off without it.", RESTART_ATTEMPT_PERIOD,
            IGNORED_EXIT_CODES);
    public static final Structured BLOCK = Structured.table("restartPolicy", "off", "Restart the container in place"
            + " when it exits", KEYS);

    public RestartPolicy {
        ignoredExitCodes = List.copyOf(ignoredExitCodes);
    }

    static Optional<RestartPolicy> read(ConfigNode service) {
        return BLOCK.optional(service).map(node -> {
            var codes = new ArrayList<Integer>();
            for (var code : IGNORED_EXIT_CODES.read(node)) {
                if (!code.matches("\\d{1,3}") || Integer.parseInt(code) > 255) {
                    throw node.error(IGNORED_EXIT_CODES.name(), ConfigNode.show(code) + " is not an exit code",
                            IGNORED_EXIT_CODES.allowed());
                }
                if (codes.contains(Integer.parseInt(code))) {
                    throw node.error(IGNORED_EXIT_CODES.name(), "names " + code + " twice", "each exit code once");
                }
                codes.add(Integer.parseInt(code));
            }
            if (codes.size() > MAX_IGNORED_EXIT_CODES) {
                throw node.error(IGNORED_EXIT_CODES.name(), codes.size() + " exit codes are more than ECS takes",
                        IGNORED_EXIT_CODES.allowed());
            }
            return new RestartPolicy(RESTART_ATTEMPT_PERIOD.read(node), codes);
        });
    }
}
