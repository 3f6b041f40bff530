package com.tapstack.config.service;

import com.tapstack.config.ConfigKey;
import com.tapstack.config.ConfigNode;
import java.util.List;
import java.util.Map;

/**
 * What a scheduled task (an entry with {@code schedule}) may not set: everything that belongs to an ECS service
 * (traffic, load balancer routing and checks, task counts and autoscaling, Availability Zone rebalancing), and no
 * other entry may call it, since it listens on nothing between runs.
 */
final class ScheduledTaskKeys {

    /** Each key a service has and a scheduled task does not, with what it belongs to. */
    static final List<ConfigKey> SERVICE_ONLY = List.of(ServiceKeys.PUBLIC, ServiceKeys.PORT,
            ServiceKeys.PATH_PATTERNS, ServiceKeys.HOST_HEADERS, TargetHealthCheck.BLOCK,
            ServiceKeys.HEALTH_CHECK_GRACE_PERIOD, ServiceKeys.DEREGISTRATION_DELAY, Scaling.DESIRED_COUNT,
            Scaling.MIN_COUNT, Scaling.MAX_COUNT, Scaling.CPU_TARGET, Scaling.MEMORY_TARGET,
            RunSettings.AZ_REBALANCING, QueueSettings.BLOCK);

    private ScheduledTaskKeys() {
    }

    /** An entry with a schedule sets none of the service-only keys. */
    static void refuseServiceKeys(ConfigNode service) {
        if (!service.has(TaskSchedule.BLOCK.name())) {
            return;
        }
        for (var key : SERVICE_ONLY) {
            if (service.has(key.name())) {
                throw service.error(key.name(), "is a setting of a service, and this entry has a schedule",
                        "no " + key.name() + " next to schedule (a scheduled task has no ECS service, load balancer,"
                                + " port or autoscaling; taskCount in schedule sets how many tasks a run starts)");
            }
        }
    }

    /** No entry calls a scheduled task: it has no port and no Cloud Map name. */
    static void refuseCallsToScheduledTasks(ConfigNode services, Map<String, ServiceConfig> all) {
        for (var service : all.values()) {
            for (var callee : service.calls()) {
                var target = all.get(callee);
                if (target != null && target.schedule().isPresent()) {
                    throw services.error(service.name() + ".calls", ConfigNode.show(callee) + " is a scheduled task,"
                            + " which listens on nothing", "names of services with a port");
                }
            }
        }
    }
}
