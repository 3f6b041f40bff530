package com.tapstack.config.service;

import com.tapstack.config.ConfigKey;

/**
 * What the service container waits for before it starts (ECS API ContainerDependency): START, the sidecar has
 * started; COMPLETE, it has exited; SUCCESS, it has exited with status 0 (both "can't be set on an essential
 * container"); HEALTHY, its health check passed ("requires that the dependent container has health checks
 * configured", confirmed only at task start).
 */
public enum DependencyCondition implements ConfigKey.Choice {
    START,
    COMPLETE,
    SUCCESS,
    HEALTHY;

    /** COMPLETE and SUCCESS wait for the sidecar to exit. */
    public boolean waitsForExit() {
        return this == COMPLETE || this == SUCCESS;
    }

    @Override
    public String configValue() {
        return name();
    }
}
