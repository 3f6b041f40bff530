package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.List;
import java.util.Optional;

/** The container's own health check, run by ECS inside the task (aws-facts A1). */
public record ContainerHealthCheck(List<String> command, int interval, int timeout, int retries, int startPeriod) {

    public static final ListKey COMMAND = ListKey.derived("command", "required", "a list starting with CMD or"
            + " CMD-SHELL", "The check, e.g. [CMD-SHELL, \"curl -f http://localhost:8080/ || exit 1\"]");
    public static final IntKey INTERVAL = IntKey.of("interval", 5, 300, 30, "Seconds between checks");
    public static final IntKey TIMEOUT = IntKey.of("timeout", 2, 60, 5, "Seconds a check may take; below interval");
    public static final IntKey RETRIES = IntKey.of("retries", 1, 10, 3, "Failed checks before the container is"
            + " unhealthy");
    public static final IntKey START_PERIOD = IntKey.of("startPeriod", 0, 300, 0, "Seconds after start in which"
            + " failures do not count");
    public static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.containerHealthCheck", "Container"
            + " health check", "A check ECS runs inside the container; an unhealthy container is replaced.", COMMAND,
            INTERVAL, TIMEOUT, RETRIES, START_PERIOD);
    public static final Structured BLOCK = Structured.table("containerHealthCheck", "none", "The container's own"
            + " health check", KEYS);

    public ContainerHealthCheck {
        command = List.copyOf(command);
    }

    /** The service's container health check, if it has one. */
    static Optional<ContainerHealthCheck> read(ConfigNode service) {
        return BLOCK.optional(service).map(node -> {
            var command = COMMAND.read(node);
            if (command.size() < 2 || !(command.get(0).equals("CMD") || command.get(0).equals("CMD-SHELL"))) {
                throw node.error(COMMAND.name(), ConfigNode.show(command) + " is not a container health check"
                        + " command", COMMAND.allowed() + ", e.g. [CMD-SHELL, \"curl -f http://localhost:8080/ ||"
                        + " exit 1\"]");
            }
            int interval = INTERVAL.read(node);
            int timeout = TIMEOUT.read(node);
            if (timeout >= interval) {
                throw node.error(TIMEOUT.name(), timeout + " is not below the interval of " + interval + " seconds",
                        TIMEOUT.min() + " to " + Math.min(TIMEOUT.max(), interval - 1) + " seconds for interval "
                                + interval);
            }
            return new ContainerHealthCheck(command, interval, timeout, RETRIES.read(node), START_PERIOD.read(node));
        });
    }
}
