package com.tapstack.service;

import com.tapstack.config.service.ServiceConfig;
import com.tapstack.config.service.Sidecar;
import com.tapstack.config.service.SidecarKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The container definitions of a service's sidecars, and what they change on the service container: its
 * dependencies on them, its log configuration behind a FireLens router, the collector's address behind an ADOT
 * collector. Pure functions of the configuration, like {@link ContainerDefinitions}.
 */
final class SidecarContainers {

    /**
     * Where the service container's OpenTelemetry SDK sends: the collector in the same task (awsvpc: one network
     * namespace, so localhost). OTLP over HTTP is the transport the OpenTelemetry specification tells SDKs to
     * default to (specification/protocol/exporter.md); both are stated, so an SDK that defaults to gRPC still
     * reaches the collector. A service that sets either variable gets neither.
     */
    static final Map<String, String> OTLP_VARIABLES = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318",
            "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    /** The namespace of the metrics the collector writes as EMF: the one of ADOT's ECS default configuration. */
    static final String METRICS_NAMESPACE = "ECS/AWSOTel/Application";

    /**
     * ADOT's ECS default configuration (aws-otel-collector config/ecs/ecs-default-config.yaml, shipped in the image
     * as /etc/ecs/ecs-default-config.yaml: cmd/awscollector/Dockerfile copies config/ to /etc/; AWS's ECS examples
     * run it with --config=/etc/ecs/ecs-default-config.yaml): the same receivers, processors and exporters, with
     * two changes.
     * The awsemf exporter writes to the stack's encrypted log group of the service instead of the account-wide
     * /aws/ecs/application/metrics, which the collector would otherwise create itself, unencrypted
     * (opentelemetry-collector-contrib internal/aws/cwlogs/cwlog_client.go creates a missing group). And every
     * receiver listens on 127.0.0.1 instead of 0.0.0.0: only the task's own containers send to it. The health
     * check extension stays where the image's /healthcheck binary asks (127.0.0.1:13133, cmd/healthcheck/main.go).
     */
    static final String COLLECTOR_CONFIG = """
            extensions:
              health_check:
                endpoint: 127.0.0.1:13133
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 127.0.0.1:4317
                  http:
                    endpoint: 127.0.0.1:4318
              awsxray:
                endpoint: 127.0.0.1:2000
                transport: udp
              statsd:
                endpoint: 127.0.0.1:8125
                aggregation_interval: 60s
            processors:
              batch/traces:
                timeout: 1s
                send_batch_size: 50
              batch/metrics:
                timeout: 60s
            exporters:
              awsxray:
              awsemf:
                namespace: %s
                log_group_name: '%s'
            service:
              pipelines:
                traces:
                  receivers: [otlp, awsxray]
                  processors: [batch/traces]
                  exporters: [awsxray]
                metrics:
                  receivers: [otlp, statsd]
                  processors: [batch/metrics]
                  exporters: [awsemf]
              extensions: [health_check]
            """;

    private SidecarContainers() {
    }

    /** The collector configuration for a service whose metrics go to {@code metricsLogGroupName}. */
    static String collectorConfig(String metricsLogGroupName) {
        return COLLECTOR_CONFIG.formatted(METRICS_NAMESPACE, metricsLogGroupName);
    }

    /** @param images a sidecar's image where it runs another than its configured one (the pull through cache's) */
    static List<Map<String, Object>> containers(ServiceConfig service, String logGroupName, String region,
                                               Optional<String> metricsLogGroupName, Map<String, String> images) {
        var containers = new ArrayList<Map<String, Object>>();
        for (var sidecar : service.sidecars()) {
            containers.add(container(sidecar, images.getOrDefault(sidecar.name(), sidecar.image()), logGroupName,
                    region, metricsLogGroupName));
        }
        return containers;
    }

    private static Map<String, Object> container(Sidecar sidecar, String image, String logGroupName, String region,
                                                 Optional<String> metricsLogGroupName) {
        var container = new LinkedHashMap<String, Object>();
        container.put("name", sidecar.name());
        container.put("image", image);
        container.put("essential", sidecar.essential());
        sidecar.cpu().ifPresent(cpu -> container.put("cpu", cpu));
        sidecar.memory().ifPresent(memory -> container.put("memory", memory));
        sidecar.memoryReservation().ifPresent(reservation -> container.put("memoryReservation", reservation));
        if (!sidecar.command().isEmpty()) {
            container.put("command", sidecar.command());
        }
        var environment = new TreeMap<>(sidecar.environment());
        if (sidecar.is(SidecarKind.OTEL)) {
            environment.put(Sidecar.COLLECTOR_CONFIG_VARIABLE, collectorConfig(metricsLogGroupName.orElseThrow(() ->
                    new IllegalStateException("an otel sidecar's service has a metrics log group"))));
        }
        container.put("environment", environment.entrySet().stream()
                .map(e -> ContainerDefinitions.ordered("name", e.getKey(), "value", e.getValue())).toList());
        container.put("readonlyRootFilesystem", sidecar.readonlyRootFilesystem());
        container.put("privileged", false);
        sidecar.healthCheck().ifPresent(check -> container.put("healthCheck", ContainerDefinitions.healthCheck(check)));
        if (sidecar.is(SidecarKind.FIRELENS)) {
            // ECS writes the router's Fluent Bit configuration from the other containers' awsfirelens options and
            // mounts it at /fluent-bit/etc/fluent-bit.conf; AWS recommends the router be essential (ECS developer
            // guide, firelens-taskdef.html).
            container.put("firelensConfiguration", Map.of("type", "fluentbit"));
        }
        // Its own output goes to the service's group with awslogs (the execution role writes it): a router cannot
        // route its own logs, and AWS's FireLens examples log the router this way.
        container.put("logConfiguration", ContainerDefinitions.logConfiguration(logGroupName, region, sidecar.name()));
        return container;
    }

    /** The service container's dependencies on its sidecars, in the sidecars' order. */
    static List<Map<String, Object>> dependencies(ServiceConfig service) {
        return service.sidecars().stream().filter(s -> s.dependsOn().isPresent())
                .map(s -> ContainerDefinitions.ordered("containerName", s.name(), "condition",
                        s.dependsOn().get().configValue()))
                .toList();
    }

    /** Variables the service container gets from its sidecars: the collector's address, unless it sets its own. */
    static Map<String, String> serviceEnvironment(ServiceConfig service) {
        if (service.sidecar(SidecarKind.OTEL).isEmpty()
                || OTLP_VARIABLES.keySet().stream().anyMatch(service.environment()::containsKey)) {
            return Map.of();
        }
        return OTLP_VARIABLES;
    }

    /**
     * Behind a FireLens router, the service container logs with the awsfirelens driver, whose options become the
     * router's output section: Fluent Bit's cloudwatch_logs plugin (docs.fluentbit.io, pipeline/outputs/cloudwatch:
     * region, log_group_name, log_stream_prefix, auto_create_group) to the service's own encrypted group, which
     * exists, so the router never creates one (auto_create_group false: no logs:CreateLogGroup, no unencrypted
     * group). The stream is the prefix followed by the FireLens tag (the container name, -firelens- and the task id).
     */
    static Optional<Map<String, Object>> firelensLogConfiguration(ServiceConfig service, String logGroupName,
                                                                   String region) {
        if (service.sidecar(SidecarKind.FIRELENS).isEmpty()) {
            return Optional.empty();
        }
        var options = new LinkedHashMap<String, String>();
        options.put("Name", "cloudwatch_logs");
        options.put("region", region);
        options.put("log_group_name", logGroupName);
        options.put("log_stream_prefix", service.name() + "/");
        options.put("auto_create_group", "false");
        return Optional.of(ContainerDefinitions.ordered("logDriver", "awsfirelens", "options", options));
    }
}
