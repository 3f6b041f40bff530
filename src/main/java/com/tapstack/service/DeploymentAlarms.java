package com.tapstack.service;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * The CloudWatch alarms an ECS deployment of one service watches: when one goes off during a deployment, ECS
 * rolls the service back. The service waits for the alarms to exist.
 */
public record DeploymentAlarms(List<Output<String>> names, List<Resource> alarms) {

    public DeploymentAlarms {
        names = List.copyOf(names);
        alarms = List.copyOf(alarms);
    }
}
