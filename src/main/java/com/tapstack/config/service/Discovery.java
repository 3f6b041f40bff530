package com.tapstack.config.service;

import com.tapstack.config.ConfigKey;

/**
 * How the services of one environment find each other (docs/stack.md, "Service discovery: Cloud Map DNS or
 * Service Connect").
 */
public enum Discovery implements ConfigKey.Choice {
    /** Each service registers A records in the private DNS namespace; callers resolve them with the VPC's DNS. */
    CLOUD_MAP,
    /**
     * ECS Service Connect: a proxy in every task, endpoints in the same namespace; callers reach a callee through
     * their own proxy, which balances, retries and times out requests.
     */
    SERVICE_CONNECT;
}
