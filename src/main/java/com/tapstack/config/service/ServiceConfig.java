package com.tapstack.config.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Fargate service, as {@code <project>:services.<name>} declares it, validated. Its keys, defaults and ranges
 * are declared once in {@link ServiceKeys}; {@link #builder} starts from those defaults (tests build services
 * with it).
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
 * @param run                  Availability Zone rebalancing, stop timeout, version consistency, restart policy
 * @param serviceConnect       the service's Service Connect endpoint: present only where the environment uses
 *                             Service Connect and the service has a port
 * @param sidecars             extra containers of the task, by name
 * @param queue                the queue the service works off, when it is a queue worker
 * @param storage              the task's ephemeral storage size and the EFS file systems it mounts
 * @param schedule             when present, a scheduled task: EventBridge Scheduler runs the task definition on
 *                             this schedule, and there is no ECS service (no load balancer, Cloud Map, scaling)
 */
public record ServiceConfig(
        String name,
        ImageSpec image,
        boolean ecrRepository,
        FargateSize size,
        Architecture architecture,
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
        boolean database,
        RunSettings run,
        Optional<ServiceConnectSettings> serviceConnect, List<Sidecar> sidecars, Optional<QueueSettings> queue,
        ServiceStorage storage, Optional<TaskSchedule> schedule) {

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
        sidecars = List.copyOf(sidecars);
    }

    /**
     * The images this service's task runs that are given by reference (not from the stack's ECR), by their key
     * under the service: {@code image}, then {@code sidecars.<name>.image}.
     */
    public Map<String, String> imageReferences() {
        var references = new java.util.LinkedHashMap<String, String>();
        if (image instanceof ImageSpec.External external) {
            references.put("image", external.reference());
        }
        sidecars.forEach(sidecar -> references.put("sidecars." + sidecar.name() + ".image", sidecar.image()));
        return java.util.Collections.unmodifiableMap(references);
    }

    /** Whether this service needs an ECR repository of its own. */
    public boolean ownsRepository() {
        return ecrRepository || image instanceof ImageSpec.Ecr ecr && ecr.ownRepository();
    }

    /** The sidecar of {@code kind}, if the service has one (at most one of each kind). */
    public Optional<Sidecar> sidecar(SidecarKind kind) {
        return sidecars.stream().filter(s -> s.is(kind)).findFirst();
    }

    /** Whether a listener rule routes to this service (rather than the listener's default action). */
    public boolean hasRoutingRule() {
        return !pathPatterns.isEmpty() || !hostHeaders.isEmpty();
    }

    /** A service named {@code name} running {@code image}, every other setting at its default. */
    public static Builder builder(String name, ImageSpec image) {
        return new Builder(name, image);
    }

    /** This service's settings, to change some of them. */
    public Builder toBuilder() {
        var builder = new Builder(name, image);
        builder.ecrRepository = ecrRepository;
        builder.size = size;
        builder.architecture = architecture;
        builder.port = port;
        builder.isPublic = isPublic;
        builder.pathPatterns = pathPatterns;
        builder.hostHeaders = hostHeaders;
        builder.targetHealthCheck = targetHealthCheck;
        builder.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
        builder.deregistrationDelaySeconds = deregistrationDelaySeconds;
        builder.containerHealthCheck = containerHealthCheck;
        builder.scaling = scaling;
        builder.environment = environment;
        builder.secrets = secrets;
        builder.permissions = permissions;
        builder.calls = calls;
        builder.readonlyRootFilesystem = readonlyRootFilesystem;
        builder.user = user;
        builder.writablePaths = writablePaths;
        builder.command = command;
        builder.entryPoint = entryPoint;
        builder.exec = exec;
        builder.database = database;
        builder.run = run;
        builder.serviceConnect = serviceConnect;
        builder.sidecars = sidecars;
        builder.queue = queue;
        builder.storage = storage;
        builder.schedule = schedule;
        return builder;
    }

    /** Builds a {@link ServiceConfig}; starts from the defaults of {@link ServiceKeys}. */
    public static final class Builder {
        private final String name;
        private final ImageSpec image;
        private boolean ecrRepository = ServiceKeys.ECR_REPOSITORY.defaultValue().orElseThrow();
        private FargateSize size = new FargateSize(ServiceKeys.CPU.defaultValue().orElseThrow(),
                ServiceKeys.MEMORY.defaultValue().orElseThrow());
        private Architecture architecture = ServiceKeys.ARCHITECTURE.defaultValue().orElseThrow();
        private Optional<Integer> port = Optional.empty();
        private boolean isPublic = ServiceKeys.PUBLIC.defaultValue().orElseThrow();
        private List<String> pathPatterns = List.of();
        private List<String> hostHeaders = List.of();
        private TargetHealthCheck targetHealthCheck = TargetHealthCheck.defaults();
        private int healthCheckGracePeriodSeconds = ServiceKeys.HEALTH_CHECK_GRACE_PERIOD.defaultValue().orElseThrow();
        private int deregistrationDelaySeconds = ServiceKeys.DEREGISTRATION_DELAY.defaultValue().orElseThrow();
        private Optional<ContainerHealthCheck> containerHealthCheck = Optional.empty();
        private Scaling scaling = Scaling.defaults();
        private Map<String, String> environment = Map.of();
        private Map<String, SecretRef> secrets = Map.of();
        private List<Permission> permissions = List.of();
        private List<String> calls = List.of();
        private boolean readonlyRootFilesystem = ServiceKeys.READONLY_ROOT_FILESYSTEM.defaultValue().orElseThrow();
        private Optional<String> user = Optional.empty();
        private List<String> writablePaths = List.of();
        private List<String> command = List.of();
        private List<String> entryPoint = List.of();
        private boolean exec = ServiceKeys.EXEC.defaultValue().orElseThrow();
        private boolean database = ServiceKeys.DATABASE.defaultValue().orElseThrow();
        private RunSettings run = RunSettings.defaults();
        private Optional<ServiceConnectSettings> serviceConnect = Optional.empty();
        private List<Sidecar> sidecars = List.of();
        private Optional<QueueSettings> queue = Optional.empty();
        private ServiceStorage storage = ServiceStorage.none();
        private Optional<TaskSchedule> schedule = Optional.empty();

        private Builder(String name, ImageSpec image) {
            this.name = name;
            this.image = image;
        }

        public Builder ecrRepository(boolean value) {
            ecrRepository = value;
            return this;
        }

        public Builder size(FargateSize value) {
            size = value;
            return this;
        }

        public Builder architecture(Architecture value) {
            architecture = value;
            return this;
        }

        public Builder port(int value) {
            port = Optional.of(value);
            return this;
        }

        public Builder port(Optional<Integer> value) {
            port = value;
            return this;
        }

        public Builder isPublic(boolean value) {
            isPublic = value;
            return this;
        }

        public Builder pathPatterns(List<String> value) {
            pathPatterns = value;
            return this;
        }

        public Builder hostHeaders(List<String> value) {
            hostHeaders = value;
            return this;
        }

        public Builder targetHealthCheck(TargetHealthCheck value) {
            targetHealthCheck = value;
            return this;
        }

        public Builder healthCheckGracePeriodSeconds(int value) {
            healthCheckGracePeriodSeconds = value;
            return this;
        }

        public Builder deregistrationDelaySeconds(int value) {
            deregistrationDelaySeconds = value;
            return this;
        }

        public Builder containerHealthCheck(Optional<ContainerHealthCheck> value) {
            containerHealthCheck = value;
            return this;
        }

        public Builder scaling(Scaling value) {
            scaling = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder secrets(Map<String, SecretRef> value) {
            secrets = value;
            return this;
        }

        public Builder permissions(List<Permission> value) {
            permissions = value;
            return this;
        }

        public Builder calls(List<String> value) {
            calls = value;
            return this;
        }

        public Builder readonlyRootFilesystem(boolean value) {
            readonlyRootFilesystem = value;
            return this;
        }

        public Builder user(Optional<String> value) {
            user = value;
            return this;
        }

        public Builder writablePaths(List<String> value) {
            writablePaths = value;
            return this;
        }

        public Builder command(List<String> value) {
            command = value;
            return this;
        }

        public Builder entryPoint(List<String> value) {
            entryPoint = value;
            return this;
        }

        public Builder exec(boolean value) {
            exec = value;
            return this;
        }

        public Builder database(boolean value) {
            database = value;
            return this;
        }

        public Builder run(RunSettings value) {
            run = value;
            return this;
        }

        public Builder serviceConnect(Optional<ServiceConnectSettings> value) {
            serviceConnect = value;
            return this;
        }

        public Builder sidecars(List<Sidecar> value) {
            sidecars = value;
            return this;
        }

        public Builder queue(Optional<QueueSettings> value) {
            queue = value;
            return this;
        }

        public Builder storage(ServiceStorage value) {
            storage = value;
            return this;
        }

        public Builder schedule(Optional<TaskSchedule> value) {
            schedule = value;
            return this;
        }

        public ServiceConfig build() {
            return new ServiceConfig(name, image, ecrRepository, size, architecture, port, isPublic, pathPatterns,
                    hostHeaders, targetHealthCheck, healthCheckGracePeriodSeconds, deregistrationDelaySeconds,
                    containerHealthCheck, scaling, environment, secrets, permissions, calls, readonlyRootFilesystem,
                    user, writablePaths, command, entryPoint, exec, database, run, serviceConnect, sidecars, queue,
                    storage, schedule);
        }
    }
}
