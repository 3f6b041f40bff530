package com.tapstack.service;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * The CloudWatch alarms an ECS deployment of one service watches: when one goes off during a deployment, ECS
 * rolls the service back. The service waits for the alarms to exist.
 *
 * @param rollback whether ECS watches them at all. A service with no signal of its new revision (no target group)
 *                 still gets the block, switched off: provider v5 suppresses the removal of an alarms block
 *                 (SuppressMissingOptionalConfigurationBlock on {@code alarms} in internal/service/ecs/service.go),
 *                 so a service that used to roll back on CPU would otherwise keep doing so. ECS requires alarm
 *                 names even then.
 */
public record DeploymentAlarms(List<Output<String>> names, List<Resource> alarms, boolean rollback) {

    public DeploymentAlarms {
        names = List.copyOf(names);
        alarms = List.copyOf(alarms);
    }
}
