package com.tapstack.config.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Fargate service, as {@code tap:services.<name>} declares it, validated. Every default is a constant
 * here and documented in {@code Pulumi.yaml}.
 *
 * @param name                 service name: container name, Cloud Map name, part of every physical name
 * @param image                where the image comes from, always ending pinned by digest
 * @param ecrRepository        create an ECR repository for this service (implied by an image in {@code self})
 * @param size                 task CPU units and memory
 * @param architecture         X86_64 or ARM64
 * @param port                 the container port, required for public services and for services others call
 * @param isPublic             behind the load balancer
 * @param pathPatterns         listener-rule paths (public services sharing the load balancer)
 * @param hostHeaders          listener-rule host names (public services sharing the load balancer)
 * @param targetHealthCheck    the load balancer's health check (public services)
 * @param healthCheckGracePeriodSeconds grace for new tasks before load balancer checks count (public)
 * @param deregistrationDelaySeconds    connection draining when a target leaves (public)
 * @param containerHealthCheck the container's own health check, if any
 * @param scaling              task counts and autoscaling targets
 * @param environment          plain environment variables
 * @param secrets              environment variables read from SSM or Secrets Manager at task start
 * @param permissions          extra task-role permissions
 * @param calls                services this one calls (their security groups admit it)
 * @param readonlyRootFilesystem the container's root filesystem is read-only
 * @param user                 the user the container runs as ({@code uid[:gid]} or a name)
 * @param writablePaths        paths given an empty, writable task volume (with a read-only root filesystem)
 * @param command              overrides the image's CMD
 * @param entryPoint           overrides the image's ENTRYPOINT
 * @param exec                 ECS Exec ({@code aws ecs execute-command}) enabled
 * @param database             the service uses the stack's database: it may reach it and gets its address and
 *                             credentials (DB_HOST, DB_PORT, DB_NAME, PGSSLMODE=require, and DB_USERNAME and
 *                             DB_PASSWORD as secrets)
 */
public record ServiceConfig(
        String name,
        ImageSpec image,
        boolean ecrRepository,
        FargateSize size,
        String architecture,
        Optional<Integer> port,
        boolean isPublic,
        List<String> pathPatterns,
        List<String> hostHeaders,
        TargetHealthCheck targetHealthCheck,
        int healthCheckGracePeriodSeconds,
        int deregistrationDelaySeconds,
        Optional<ContainerHealthCheck> containerHealthCheck,
        Scaling scaling,
        Map<String, String> environment,
        Map<String, SecretRef> secrets,
        List<Permission> permissions,
        List<String> calls,
        boolean readonlyRootFilesystem,
        Optional<String> user,
        List<String> writablePaths,
        List<String> command,
        List<String> entryPoint,
        boolean exec,
        boolean database) {

    public static final int DEFAULT_CPU = 256;
    public static final int DEFAULT_MEMORY = 512;
    public static final String DEFAULT_ARCHITECTURE = "X86_64";
    public static final int DEFAULT_GRACE_PERIOD_SECONDS = 60;
    public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 30;
    /** Variables a service that uses the database receives; its own settings may not take these names. */
    public static final List<String> DATABASE_VARIABLES = List.of("DB_HOST", "DB_PORT", "DB_NAME", "DB_USERNAME",
            "DB_PASSWORD", "PGSSLMODE");

    public ServiceConfig {
        pathPatterns = List.copyOf(pathPatterns);
        hostHeaders = List.copyOf(hostHeaders);
        environment = Map.copyOf(environment);
        secrets = Map.copyOf(secrets);
        permissions = List.copyOf(permissions);
        calls = List.copyOf(calls);
        writablePaths = List.copyOf(writablePaths);
        command = List.copyOf(command);
        entryPoint = List.copyOf(entryPoint);
    }

    /** Whether this service needs an ECR repository of its own. */
    public boolean ownsRepository() {
        return ecrRepository || image instanceof ImageSpec.Ecr ecr && ecr.ownRepository();
    }

    /** Whether a listener rule routes to this service (rather than the listener's default action). */
    public boolean hasRoutingRule() {
        return !pathPatterns.isEmpty() || !hostHeaders.isEmpty();
    }
}
