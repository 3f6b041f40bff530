package com.tapstack.config.service;

import java.util.Map;

/**
 * The container platform shared by all services: capacity providers, ECR lifecycle, HTTPS, and the services.
 *
 * @param spotWeight          share of tasks on FARGATE_SPOT relative to FARGATE's weight of 1; 0 = no Spot
 * @param onDemandBase        tasks per service always on on-demand FARGATE before weights apply
 * @param ecrKeepImages       images an ECR repository keeps (older ones expire)
 * @param ecrUntaggedExpiryDays days after which untagged images expire
 * @param services            the services by name, in name order
 */
public record PlatformConfig(int spotWeight, int onDemandBase, int ecrKeepImages, int ecrUntaggedExpiryDays,
                             Map<String, ServiceConfig> services) {

    public PlatformConfig {
        services = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(services));
    }

    public boolean hasPublicServices() {
        return services.values().stream().anyMatch(ServiceConfig::isPublic);
    }
}
