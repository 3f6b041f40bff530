package com.tapstack.config.service;

import java.util.List;

/** The container's own health check, run by ECS inside the task (aws-facts A1). */
public record ContainerHealthCheck(List<String> command, int interval, int timeout, int retries, int startPeriod) {

    public static final int DEFAULT_INTERVAL = 30;
    public static final int DEFAULT_TIMEOUT = 5;
    public static final int DEFAULT_RETRIES = 3;
    public static final int DEFAULT_START_PERIOD = 0;

    public ContainerHealthCheck {
        command = List.copyOf(command);
    }
}
