package com.tapstack.config.service;

import com.tapstack.config.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a service's {@code sidecars}: each one's fields, then the rules between them and the task (names, the one
 * FireLens router and collector, the CPU and memory they take out of the task's Fargate size).
 */
final class SidecarReader {

    static final String ALLOWED = "a mapping of sidecar name to {image: <reference>@sha256:<64 hex>, kind:"
            + " firelens|otel, ...}";
    /**
     * Containers per task definition: 10, a quota AWS does not raise (Amazon ECS endpoints and quotas,
     * docs.aws.amazon.com/general/latest/gr/ecs-service.html; not read in a stored copy: AWS Batch's EcsProperties,
     * which runs ECS tasks, states the same "up to 10 containers").
     */
    static final int MAX_CONTAINERS = 10;

    /**
     * "FireLens listens on port 24224 ... you must not allow ingress traffic on port 24224 in the security group your
     * task uses" (ECS developer guide, firelens-taskdef.html).
     */
    static final int FIRELENS_PORT = 24224;

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,31}$");

    private SidecarReader() {
    }

    /**
     * @param service                the service's node
     * @param size                   the task's Fargate size, which the sidecars share with the service container
     * @param readonlyRootFilesystem the service's setting, the sidecars' default
     * @param initContainer          whether the task has the init container for writable paths
     */
    static List<Sidecar> read(ConfigNode service, String serviceName, FargateSize size, boolean readonlyRootFilesystem,
                              boolean initContainer, Optional<Integer> port) {
        var node = service.object(ServiceKeys.SIDECARS.name(), ALLOWED);
        var sidecars = new ArrayList<Sidecar>();
        for (var name : new java.util.TreeSet<>(node.fields())) {
            if (!NAME.matcher(name).matches() || name.endsWith("-")) {
                throw node.error(name, "is not a sidecar name", "1 to 32 lowercase letters, digits or hyphens,"
                        + " starting with a letter");
            }
            if (name.equals(serviceName) || name.equals(Sidecar.INIT_CONTAINER)) {
                throw node.error(name, "is the name of the " + (name.equals(serviceName) ? "service's container"
                        : "init container that prepares writable paths"), "another name: container names are unique"
                        + " in a task");
            }
            var sidecarNode = node.optionalObject(name, ALLOWED)
                    .orElseThrow(() -> node.invalid(name, "is empty", "a mapping with at least image"));
            sidecars.add(sidecar(name, sidecarNode, readonlyRootFilesystem));
        }
        for (var kind : SidecarKind.values()) {
            var ofKind = sidecars.stream().filter(s -> s.is(kind)).map(Sidecar::name).toList();
            if (ofKind.size() > 1) {
                throw node.errorHere("has " + ofKind.size() + " sidecars of kind " + kind.configValue() + " ("
                        + String.join(", ", ofKind) + ")", "at most one " + kind.configValue() + " sidecar per service");
            }
        }
        int room = MAX_CONTAINERS - 1 - (initContainer ? 1 : 0);
        if (sidecars.size() > room) {
            throw node.errorHere("has " + sidecars.size() + " sidecars, more than fit next to the service container"
                    + (initContainer ? " and the init container for writablePaths" : ""), "at most " + room
                    + " (ECS takes " + MAX_CONTAINERS + " containers per task definition)");
        }
        checkSize(node, sidecars, size);
        if (port.equals(Optional.of(FIRELENS_PORT)) && sidecars.stream().anyMatch(s -> s.is(SidecarKind.FIRELENS))) {
            throw service.error(ServiceKeys.PORT.name(), FIRELENS_PORT + " is the port the FireLens router listens on,"
                    + " and the service's security group admits its callers on it", "another port (AWS: the task's"
                    + " security group must not allow ingress on " + FIRELENS_PORT + ")");
        }
        return List.copyOf(sidecars);
    }

    private static Sidecar sidecar(String name, ConfigNode node, boolean serviceReadonly) {
        node.rejectUnknownFields(Sidecar.KEYS.names());
        var kind = Sidecar.KIND.optional(node);
        if (node.raw(Sidecar.IMAGE.name()).orElse(null) instanceof Map) {
            throw node.invalid(Sidecar.IMAGE.name(), "is a mapping; a sidecar's image is a reference",
                    Sidecar.IMAGE.allowed());
        }
        var image = Sidecar.IMAGE.optional(node).orElseThrow(() -> node.missing(Sidecar.IMAGE.name(),
                Sidecar.IMAGE.allowed() + kind.map(k -> ", e.g. " + Sidecar.officialImage(k) + "@sha256:<its digest>")
                        .orElse("")));
        ImageReader.referenceProblem(image).ifPresent(problem -> {
            throw node.invalid(Sidecar.IMAGE.name(), problem, Sidecar.IMAGE.allowed());
        });
        boolean firelens = kind.equals(Optional.of(SidecarKind.FIRELENS));
        boolean otel = kind.equals(Optional.of(SidecarKind.OTEL));
        var essentialSet = node.optionalBoolean(Sidecar.ESSENTIAL.name());
        if (firelens && essentialSet.equals(Optional.of(false))) {
            throw node.error(Sidecar.ESSENTIAL.name(), "is false for a firelens router: the task would run on with"
                    + " its logs going nowhere", "true (or leave it out)");
        }
        boolean essential = firelens || essentialSet.orElse(Sidecar.ESSENTIAL.defaultValue().orElseThrow());
        var dependsOn = Sidecar.DEPENDS_ON.optional(node)
                .or(() -> kind.isPresent() ? Optional.of(DependencyCondition.START) : Optional.empty());
        var healthCheck = ContainerHealthCheck.read(node);
        if (dependsOn.isPresent() && dependsOn.get().waitsForExit() && essential) {
            throw node.error(Sidecar.DEPENDS_ON.name(), dependsOn.get() + " waits for the sidecar to exit, which ECS"
                    + " does not allow on an essential container", "START or HEALTHY, or essential: false");
        }
        if (dependsOn.equals(Optional.of(DependencyCondition.HEALTHY)) && healthCheck.isEmpty()) {
            throw node.error(Sidecar.DEPENDS_ON.name(), "HEALTHY needs the sidecar's containerHealthCheck (without"
                    + " one the service container never starts)", "START, or a containerHealthCheck next to it");
        }
        var command = Sidecar.COMMAND.read(node);
        var environment = ServiceConfigReader.environment(node, Sidecar.ENVIRONMENT);
        if (otel && !command.isEmpty()) {
            throw node.error(Sidecar.COMMAND.name(), "is set on an otel sidecar, whose configuration the stack"
                    + " writes (" + Sidecar.COLLECTOR_CONFIG_VARIABLE + ")", "no command (kind otel), or no kind");
        }
        if (otel && environment.containsKey(Sidecar.COLLECTOR_CONFIG_VARIABLE)) {
            throw node.error("environment." + Sidecar.COLLECTOR_CONFIG_VARIABLE, "is the collector configuration the stack"
                    + " writes", "other variables (or no kind, with your own configuration)");
        }
        var cpu = Sidecar.CPU.optional(node);
        var memory = Sidecar.MEMORY.optional(node);
        var reservation = Sidecar.MEMORY_RESERVATION.optional(node);
        if (memory.isPresent() && reservation.isPresent() && reservation.get() >= memory.get()) {
            throw node.error(Sidecar.MEMORY_RESERVATION.name(), reservation.get() + " MiB is not below memory "
                    + memory.get() + " MiB", "6 to " + (memory.get() - 1) + " MiB (the soft limit under the hard one)");
        }
        var readonly = node.optionalBoolean(Sidecar.READONLY_ROOT_FILESYSTEM.name()).orElse(serviceReadonly);
        return new Sidecar(name, kind, image, essential, dependsOn, cpu, memory, reservation, command, environment,
                healthCheck, readonly);
    }

    /** Container cpu and memory are carved out of the task's; the service container keeps the rest. */
    private static void checkSize(ConfigNode node, List<Sidecar> sidecars, FargateSize size) {
        int cpu = sidecars.stream().mapToInt(s -> s.cpu().orElse(0)).sum();
        if (cpu >= size.cpu()) {
            throw node.errorHere("take " + cpu + " CPU units of the task's " + size.cpu(), "together less than "
                    + size.cpu() + " CPU units, so the service container keeps a share (or a larger cpu)");
        }
        int memory = sidecars.stream().mapToInt(Sidecar::memoryTaken).sum();
        if (memory >= size.memory()) {
            throw node.errorHere("take " + memory + " MiB of the task's " + size.memory() + " MiB", "together less"
                    + " than " + size.memory() + " MiB, so the service container keeps memory (or a larger memory)");
        }
    }
}
