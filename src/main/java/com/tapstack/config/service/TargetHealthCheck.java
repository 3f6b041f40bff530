package com.tapstack.config.service;

/** The load balancer's health check of a public service's targets (aws-facts A3). */
public record TargetHealthCheck(String path, int interval, int timeout, int healthyThreshold,
                                int unhealthyThreshold, String matcher) {

    public static final String DEFAULT_PATH = "/";
    public static final int DEFAULT_INTERVAL = 30;
    public static final int DEFAULT_TIMEOUT = 5;
    public static final int DEFAULT_HEALTHY_THRESHOLD = 3;
    public static final int DEFAULT_UNHEALTHY_THRESHOLD = 2;
    public static final String DEFAULT_MATCHER = "200";
}
