package com.tapstack.service;

import com.google.gson.GsonBuilder;
import com.tapstack.config.service.ServiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The task definition's container definitions JSON for one service, as a pure function of its configuration,
 * its digest-pinned image, its log group and its resolved secrets.
 *
 * <p>A read-only root filesystem is the default. Paths listed in {@code writablePaths} get empty task volumes;
 * such volumes belong to root on Fargate, so when there are any, a short-lived {@value #PREPARE_CONTAINER}
 * container (same image, essential false) hands them to the service's user before the service starts. It runs
 * {@code chown} (or {@code chmod}) directly, with no shell to read the paths, and with every Linux capability
 * dropped but the ones that command needs.
 */
public final class ContainerDefinitions {

    public static final String PREPARE_CONTAINER = com.tapstack.config.service.Sidecar.INIT_CONTAINER;

    /**
     * Docker's default capability set, which Fargate containers start with: moby/moby
     * daemon/pkg/oci/caps/defaults.go (the same 14 were observed on Fargate, aws/containers-roadmap#409).
     * Fargate lets a container drop any of them (ECS API KernelCapabilities; it may add only SYS_PTRACE, so
     * "drop ALL, add CHOWN" is not an option).
     */
    static final List<String> DEFAULT_CAPABILITIES = List.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID",
            "SYS_CHROOT");
    /**
     * What the helper keeps. chown(2): changing a file's owner needs CAP_CHOWN; chmod(2) on a file the caller
     * owns (root owns the fresh volumes) needs nothing. Both must reach the path, and without CAP_DAC_OVERRIDE root
     * gets ordinary permission checks on the way: a path under a directory such as /home/app (0700, owned by the
     * app) would fail, the helper would exit non-zero and the service container (dependsOn SUCCESS) never start.
     * DAC_READ_SEARCH would be narrower, but it is not a default capability and Fargate adds none but SYS_PTRACE.
     */
    static final List<String> CHOWN_KEEPS = List.of("CHOWN", "DAC_OVERRIDE");
    static final List<String> CHMOD_KEEPS = List.of("DAC_OVERRIDE");

    private ContainerDefinitions() {
    }

    /** Volume name of the {@code index}-th writable path. */
    public static String volumeName(int index) {
        return "writable-" + (index + 1);
    }

    public static String toJson(ServiceConfig service, String image, String logGroupName, String region,
                                List<ResolvedSecret> secrets) {
        return toJson(service, image, logGroupName, region, secrets, Map.of());
    }

    /** With {@code connection}: variables the stack derives (the database's address) next to the configured ones. */
    public static String toJson(ServiceConfig service, String image, String logGroupName, String region,
                                List<ResolvedSecret> secrets, Map<String, String> connection) {
        return toJson(service, image, logGroupName, region, secrets, connection, java.util.Optional.empty());
    }

    /** With {@code metricsLogGroupName}: the log group an otel sidecar writes its metrics to (EMF). */
    public static String toJson(ServiceConfig service, String image, String logGroupName, String region,
                                List<ResolvedSecret> secrets, Map<String, String> connection,
                                java.util.Optional<String> metricsLogGroupName) {
        return toJson(service, image, logGroupName, region, secrets, connection, metricsLogGroupName, Map.of());
    }

    /** With {@code sidecarImages}: the image a sidecar runs instead of its configured one (through the cache). */
    public static String toJson(ServiceConfig service, String image, String logGroupName, String region,
                                List<ResolvedSecret> secrets, Map<String, String> connection,
                                java.util.Optional<String> metricsLogGroupName, Map<String, String> sidecarImages) {
        var containers = new ArrayList<Map<String, Object>>();
        var mountPoints = mountPoints(service);
        if (!mountPoints.isEmpty()) {
            containers.add(prepareContainer(service, image, logGroupName, region, mountPoints));
        }
        containers.add(serviceContainer(service, image, logGroupName, region, secrets, mountPoints, connection));
        containers.addAll(SidecarContainers.containers(service, logGroupName, region, metricsLogGroupName,
                sidecarImages));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(containers);
    }

    private static Map<String, Object> serviceContainer(ServiceConfig service, String image, String logGroupName,
                                                        String region, List<ResolvedSecret> secrets,
                                                        List<Map<String, Object>> mountPoints,
                                                        Map<String, String> connection) {
        var environment = new TreeMap<>(service.environment());
        environment.putAll(connection);
        environment.putAll(SidecarContainers.serviceEnvironment(service));
        var container = new LinkedHashMap<String, Object>();
        container.put("name", service.name());
        container.put("image", image);
        container.put("essential", true);
        if (!service.entryPoint().isEmpty()) {
            container.put("entryPoint", service.entryPoint());
        }
        if (!service.command().isEmpty()) {
            container.put("command", service.command());
        }
        service.port().ifPresent(port -> container.put("portMappings", List.of(portMapping(service, port))));
        container.put("environment", environment.entrySet().stream()
                .map(e -> ordered("name", e.getKey(), "value", e.getValue())).toList());
        container.put("secrets", secrets.stream()
                .sorted(java.util.Comparator.comparing(ResolvedSecret::variable))
                .map(s -> ordered("name", s.variable(), "valueFrom", s.valueFrom())).toList());
        container.put("readonlyRootFilesystem", service.readonlyRootFilesystem());
        service.user().ifPresent(user -> container.put("user", user));
        container.put("privileged", false);
        var allMountPoints = new ArrayList<>(mountPoints);
        allMountPoints.addAll(fileSystemMountPoints(service));
        if (!allMountPoints.isEmpty()) {
            container.put("mountPoints", allMountPoints);
        }
        var dependsOn = new ArrayList<Map<String, Object>>();
        if (!mountPoints.isEmpty()) {
            dependsOn.add(ordered("containerName", PREPARE_CONTAINER, "condition", "SUCCESS"));
        }
        dependsOn.addAll(SidecarContainers.dependencies(service));
        if (!dependsOn.isEmpty()) {
            container.put("dependsOn", dependsOn);
        }
        service.containerHealthCheck().ifPresent(check -> container.put("healthCheck", healthCheck(check)));
        if (service.exec()) {
            // ECS Exec sessions run beside the application; an init process reaps what they leave behind.
            container.put("linuxParameters", Map.of("initProcessEnabled", true));
        }
        container.put("stopTimeout", service.run().stopTimeoutSeconds());
        if (!service.run().versionConsistency()) {
            container.put("versionConsistency", "disabled");
        }
        service.run().restartPolicy().ifPresent(policy -> {
            var restart = new LinkedHashMap<String, Object>();
            restart.put("enabled", true);
            if (!policy.ignoredExitCodes().isEmpty()) {
                restart.put("ignoredExitCodes", policy.ignoredExitCodes());
            }
            restart.put("restartAttemptPeriod", policy.restartAttemptPeriod());
            container.put("restartPolicy", restart);
        });
        container.put("logConfiguration", SidecarContainers.firelensLogConfiguration(service, logGroupName, region)
                .orElseGet(() -> logConfiguration(logGroupName, region, service.name())));
        return container;
    }

    /**
     * Hands the empty writable volumes to the service's user (or opens them like /tmp when it has none). The
     * command is an argument list, not a shell line, so no path is ever read by a shell; paths are plain absolute
     * paths anyway (the loader refuses others).
     */
    private static Map<String, Object> prepareContainer(ServiceConfig service, String image, String logGroupName,
                                                        String region, List<Map<String, Object>> mountPoints) {
        var command = new ArrayList<String>();
        service.user().ifPresentOrElse(user -> command.addAll(List.of("chown", user)),
                () -> command.addAll(List.of("chmod", "1777")));
        command.addAll(service.writablePaths());
        var keep = service.user().isPresent() ? CHOWN_KEEPS : CHMOD_KEEPS;
        var container = new LinkedHashMap<String, Object>();
        container.put("name", PREPARE_CONTAINER);
        container.put("image", image);
        container.put("essential", false);
        container.put("user", "0");
        container.put("entryPoint", List.of(command.get(0)));
        container.put("command", command.subList(1, command.size()));
        container.put("readonlyRootFilesystem", true);
        container.put("privileged", false);
        container.put("linuxParameters", Map.of("capabilities", Map.of("drop",
                DEFAULT_CAPABILITIES.stream().filter(cap -> !keep.contains(cap)).toList())));
        container.put("mountPoints", mountPoints);
        container.put("logConfiguration", logConfiguration(logGroupName, region, service.name()));
        return container;
    }

    private static List<Map<String, Object>> mountPoints(ServiceConfig service) {
        var mounts = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < service.writablePaths().size(); i++) {
            var mount = ordered("sourceVolume", volumeName(i), "containerPath", service.writablePaths().get(i));
            mount.put("readOnly", false);
            mounts.add(mount);
        }
        return mounts;
    }

    /**
     * The EFS file systems the service mounts, on the service container only: the access point, not a chown,
     * gives them their owner, so the prepare container never touches them.
     */
    private static List<Map<String, Object>> fileSystemMountPoints(ServiceConfig service) {
        var mounts = new ArrayList<Map<String, Object>>();
        for (var mount : service.storage().mounts()) {
            var point = ordered("sourceVolume", mount.volumeName(), "containerPath", mount.path());
            point.put("readOnly", mount.readOnly());
            mounts.add(point);
        }
        return mounts;
    }

    /** awslogs to the service's own group; non-blocking so a CloudWatch Logs throttle never stalls the app. */
    static Map<String, Object> logConfiguration(String logGroupName, String region, String streamPrefix) {
        return ordered("logDriver", "awslogs", "options",
                com.tapstack.logs.AwsLogsDriver.options(logGroupName, region, streamPrefix));
    }

    /**
     * The container port; with Service Connect also its name, which the service's endpoint refers to, and its app
     * protocol when one is set (ECS API PortMapping: name, appProtocol).
     */
    private static Map<String, Object> portMapping(ServiceConfig service, int port) {
        var mapping = ordered("containerPort", port, "protocol", "tcp");
        service.serviceConnect().ifPresent(endpoint -> {
            mapping.put("name", endpoint.portName());
            endpoint.appProtocol().ifPresent(protocol -> mapping.put("appProtocol", protocol.configValue()));
        });
        return mapping;
    }

    /** A two-entry map that keeps its order, so the JSON reads the way AWS documents it. */
    static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
        var map = new LinkedHashMap<String, Object>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }

    /** A container health check as ECS takes it (the service's container and its sidecars'). */
    static Map<String, Object> healthCheck(com.tapstack.config.service.ContainerHealthCheck check) {
        var healthCheck = new LinkedHashMap<String, Object>();
        healthCheck.put("command", check.command());
        healthCheck.put("interval", check.interval());
        healthCheck.put("timeout", check.timeout());
        healthCheck.put("retries", check.retries());
        healthCheck.put("startPeriod", check.startPeriod());
        return healthCheck;
    }
}
