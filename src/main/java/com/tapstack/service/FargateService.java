package com.tapstack.service;

import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceAlarmsArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentControllerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceRegistriesArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionEphemeralStorageArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeEfsVolumeConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfigArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.discovery.CloudMap;
import com.tapstack.discovery.ServiceConnect;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One production Fargate service: its log group, execution and task roles scoped to exactly what it uses, a
 * task definition with a digest-pinned image, a Cloud Map registration, the ECS service (private subnets, no
 * public IP, circuit breaker with rollback, target group when public) and target-tracking autoscaling.
 */
public final class FargateService extends ComponentResource {

    /** pulumi up's wait for a service deployment to finish, after which it reports the service as failed. */
    public static final java.time.Duration STEADY_STATE_TIMEOUT = java.time.Duration.ofMinutes(20);

    public static final String TYPE = "tap:service:FargateService";
    public static final int MINIMUM_HEALTHY_PERCENT = 100;
    public static final int MAXIMUM_PERCENT = 200;

    private final Output<String> serviceName;
    private final Output<String> taskDefinitionFamily;
    private final Output<String> taskDefinitionArn;
    private final Optional<String> discoveryName;
    private final Optional<Output<String>> scheduleName;

    public FargateService(String name, ServiceConfig config, ServiceAttachments attachments,
                          SharedPlatform platform, StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var account = scope.account();
        var region = scope.region();
        var serviceKey = scope.key("services." + config.name());

        var logGroup = platform.logGroups().create(name + "-logs", config.name(), this);
        // A scheduled task is started by RunTask, which has no Service Connect configuration: it runs no proxy.
        var serviceConnect = platform.cluster().serviceConnectNamespaceArn().filter(ns -> config.schedule().isEmpty());
        // With Service Connect every task runs ECS's proxy, which logs to a group of its own ('/' keeps the name apart
        // from every service's group: service names have none).
        var proxyLogGroup = serviceConnect.map(namespace -> platform.logGroups().create(name + "-proxy-logs",
                config.name() + "/" + ServiceConnect.LOG_STREAM_PREFIX, this));
        var logGroupArns = proxyLogGroup.map(proxy -> Output.all(logGroup.arn(), proxy.arn()))
                .orElse(logGroup.arn().applyValue(List::of));
        var image = platform.imageCache().flatMap(cache -> cache.resolve(config.image(), account, scope.naming()))
                .orElseGet(() -> ResolvedImage.resolve(config.image(), attachments.repository(), account, this,
                        new ResolvedImage.UntaggedImage(scope.configFile(), serviceKey + ".image.digest",
                                platform.ecrUntaggedExpiryDays())));
        var secrets = Output.tuple(account, platform.secretSources()).applyValue(t -> secretsOf(config, t.t1, t.t2));
        var queues = attachments.queues();
        var connection = Output.tuple(databaseEnvironment(config, platform), queues.environment()).applyValue(t -> {
            var variables = new java.util.TreeMap<>(t.t1);
            variables.putAll(t.t2);
            return Map.copyOf(variables);
        });
        // An otel sidecar's metrics (EMF) go to a group of their own, encrypted like every other: "/" cannot be in a
        // service name, so no service's group takes this name.
        var metricsLogGroup = config.sidecar(com.tapstack.config.service.SidecarKind.OTEL).map(otel ->
                platform.logGroups().create(name + "-otel-metrics", config.name() + "/otel-metrics", this));
        var metricsLogGroupName = optional(metricsLogGroup.map(com.pulumi.aws.cloudwatch.LogGroup::name));
        var metricsLogGroupArn = optional(metricsLogGroup.map(com.pulumi.aws.cloudwatch.LogGroup::arn));

        var executionRole = role(name + "-execution", config.name() + "-execution",
                "ECS starts tasks of " + config.name() + " with it: image pull, logs, secrets",
                account.applyValue(a -> TaskPolicies.executionTrust(a).toJson()), scope, child);
        // A sidecar image of a registry the pull through cache serves comes through it too, as the service's does.
        var cachedSidecars = new java.util.LinkedHashMap<String, ResolvedImage>();
        platform.imageCache().ifPresent(cache -> config.sidecars().forEach(sidecar -> cache.resolve(
                new com.tapstack.config.service.ImageSpec.External(sidecar.image()), account, scope.naming())
                .ifPresent(cached -> cachedSidecars.put(sidecar.name(), cached))));
        var sidecarImages = cachedSidecars.isEmpty() ? Output.of(Map.<String, String>of())
                : Output.all(cachedSidecars.entrySet().stream().map(e -> e.getValue().reference()
                        .applyValue(reference -> Map.entry(e.getKey(), reference))).toList())
                .applyValue(entries -> Map.copyOf(new java.util.TreeMap<>(entries.stream().collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))));
        var cachedRepositories = new ArrayList<Output<String>>();
        if (image.pullThroughCache()) {
            image.repositoryArn().ifPresent(cachedRepositories::add);
        }
        cachedSidecars.values().forEach(cached -> cached.repositoryArn().ifPresent(cachedRepositories::add));
        var cachedRepositoryArns = cachedRepositories.isEmpty() ? Output.of(List.<String>of())
                : Output.all(cachedRepositories);
        var repositoryArns = repositoryArns(image, config, cachedSidecars, account, this);
        var executionPolicy = new RolePolicy(name + "-execution-policy", RolePolicyArgs.builder()
                .name("start-task")
                .role(executionRole.id())
                .policy(Output.tuple(account, repositoryArns, cachedRepositoryArns, logGroupArns, secrets)
                        .applyValue(t -> AwsSizeLimits.rolePolicy(TaskPolicies.execution(t.t1, t.t2, t.t3, t.t4,
                                t.t5).toJson(), scope.configFile(), serviceKey + ".secrets", "execution")))
                .build(), child);

        var taskRole = role(name + "-task", taskRolePart(config),
                "The application in " + config.name() + " acts with it",
                account.applyValue(a -> TaskPolicies.taskTrust(a).toJson()), scope, child);
        var execGrants = config.exec()
                ? Output.tuple(platform.cluster().execLogGroupArn(), platform.kmsKeyArn()).applyValue(t ->
                        Optional.of(new TaskPolicies.ExecGrants(t.t1, t.t2)))
                : Output.of(Optional.<TaskPolicies.ExecGrants>empty());
        // Only a service with ready-made sidecars makes its task policy wait for its log groups.
        var sidecarStatements = SidecarPolicies.needed(config)
                ? Output.tuple(logGroup.arn(), metricsLogGroupArn).applyValue(t ->
                        SidecarPolicies.statements(config, t.t1, t.t2))
                : Output.of(List.<com.tapstack.iam.Statement>of());
        var needsTaskPolicy = !config.permissions().isEmpty() || config.exec() || SidecarPolicies.needed(config);
        var taskPolicy = needsTaskPolicy
                ? Optional.of(new RolePolicy(name + "-task-policy", RolePolicyArgs.builder()
                        .name("application")
                        .role(taskRole.id())
                        .policy(Output.tuple(execGrants, sidecarStatements).applyValue(t ->
                                AwsSizeLimits.rolePolicy(TaskPolicies.task(config.permissions(), t.t1, t.t2)
                                        .orElseThrow()
                                        .toJson(), scope.configFile(), serviceKey + ".permissions", "task")))
                        .build(), child))
                : Optional.<RolePolicy>empty();

        var queuePolicy = QueuePolicies.attach(name + "-queues-policy", queues, taskRole, platform.kmsKeyArn(), scope,
                serviceKey, child);
        var storagePolicy = attachments.fileSystems().isEmpty() ? Optional.<RolePolicy>empty()
                : Optional.of(new RolePolicy(name + "-storage-policy", RolePolicyArgs.builder()
                        .name("file-systems")
                        .role(taskRole.id())
                        .policy(Output.all(attachments.fileSystems().stream().map(mounted -> Output.tuple(
                                mounted.fileSystemArn(), mounted.accessPointArn()).applyValue(t ->
                                new FileSystemGrants.Grant(mounted.mount().fileSystem(), t.t1, t.t2,
                                        mounted.mount().readOnly()))).toList())
                                .applyValue(grants -> FileSystemGrants.policy(grants).toJson()))
                        .build(), child));

        var family = scope.name(config.name(), NameLimit.ECS);
        var definition = TaskDefinitionArgs.builder()
                .family(family)
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(String.valueOf(config.size().cpu()))
                .memory(String.valueOf(config.size().memory()))
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX").cpuArchitecture(config.architecture().configValue()).build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .volumes(volumes(config, attachments.fileSystems()))
                .containerDefinitions(Output.tuple(image.reference(), logGroup.name(), secrets, connection,
                                metricsLogGroupName, sidecarImages)
                        .applyValue(t -> AwsSizeLimits.containerDefinitions(ContainerDefinitions.toJson(config, t.t1,
                                t.t2, region, t.t3, t.t4, t.t5, t.t6), scope.configFile(), serviceKey)))
                .tags(scope.commonTags());
        // Absent, Fargate gives 20 GiB; sent only when the service asks for more (API EphemeralStorage).
        config.storage().ephemeralStorageGib().ifPresent(gib -> definition.ephemeralStorage(
                TaskDefinitionEphemeralStorageArgs.builder().sizeInGib(gib).build()));
        var taskDefinition = new TaskDefinition(name + "-task-definition", definition.build(), child);

        // Everything a task needs at its first start, so the first run does not race it: a task that cannot pull,
        // log, connect or mount fails, and a service's first deployment has no revision to roll back to.
        var firstStart = new ArrayList<Resource>();
        firstStart.add(executionPolicy);
        taskPolicy.ifPresent(firstStart::add);
        queuePolicy.ifPresent(firstStart::add);
        firstStart.addAll(platform.privateNetwork());
        firstStart.addAll(attachments.securityGroupRules());
        if (config.database()) {
            platform.database().ifPresent(db -> firstStart.addAll(db.readiness()));
        }
        // A task mounts its file systems at start: without a mount target in its subnet, the NFS rules or the
        // grant it fails ("ResourceInitializationError: failed to invoke EFS utils commands").
        attachments.fileSystems().forEach(mounted -> firstStart.addAll(mounted.readiness()));
        storagePolicy.ifPresent(firstStart::add);
        if (image.pullThroughCache() || !cachedSidecars.isEmpty()) {
            // The first pull creates the cached repository: its rule, template and the template's role come first.
            platform.imageCache().ifPresent(cache -> firstStart.addAll(cache.readiness()));
        }

        if (config.schedule().isPresent()) {
            // A scheduled task: the same task definition, started by EventBridge Scheduler; no ECS service, load
            // balancer, Cloud Map name, autoscaling or deployment alarms (ScheduledRun).
            var run = new ScheduledRun(name + "-schedule", new ScheduledRun.Task(config.name(), taskDefinition.arn(),
                    executionRole.arn(), taskRole.arn(), attachments.securityGroupId(), config.exec()),
                    config.schedule().get(), platform, firstStart, scope,
                    ComponentResourceOptions.builder().parent(this).build());
            this.serviceName = run.scheduleName();
            this.taskDefinitionFamily = taskDefinition.family();
            this.taskDefinitionArn = taskDefinition.arn();
            this.discoveryName = Optional.empty();
            this.scheduleName = Optional.of(run.scheduleName());
            registerOutputs(Map.of("scheduleName", run.scheduleName(), "taskDefinitionFamily", taskDefinitionFamily,
                    "taskDefinitionArn", taskDefinitionArn));
            return;
        }
        // With Service Connect, ECS creates the endpoint's Cloud Map service itself (named by its discovery name,
        // unique in the namespace): a registration of ours would be a second one that no caller uses.
        var discovery = serviceConnect.isPresent() ? Optional.<com.pulumi.aws.servicediscovery.Service>empty()
                : Optional.of(CloudMap.register(name + "-discovery", config.name(), platform.cluster().namespaceId(),
                        scope, child));

        var dependencies = new ArrayList<Resource>();
        dependencies.add(platform.cluster().capacityProviders());
        dependencies.addAll(firstStart);
        var targetGroupArn = attachments.targetGroupArn();
        dependencies.addAll(attachments.routing());
        var alarms = Optional.ofNullable(platform.deploymentAlarms().get(config.name()));
        alarms.ifPresent(a -> dependencies.addAll(a.alarms()));
        var args = serviceArgs(config, platform, attachments, scope, taskDefinition, discovery, alarms);
        proxyLogGroup.ifPresent(proxy -> args.serviceConnectConfiguration(ServiceConnect.configuration(config,
                serviceConnect.get(), proxy.name(), region, scope)));
        var service = new Service(name, args.build(), CustomResourceOptions.builder()
                .parent(this)
                .dependsOn(dependencies)
                // Autoscaling owns the task count once the service exists; a deployment must not reset it.
                .ignoreChanges("desiredCount")
                // How long pulumi up waits for a deployment to reach steady state (waitForSteadyState) before it
                // fails: the circuit breaker gives up well before (after about 10 failed task launches).
                .customTimeouts(CustomTimeouts.builder().create(STEADY_STATE_TIMEOUT)
                        .update(STEADY_STATE_TIMEOUT).build())
                .build());

        if (config.queue().isPresent() && queues.own().isPresent()) {
            BacklogScaling.create(name + "-scaling", config.name(), config.scaling(),
                    config.queue().get().backlogPerTask(), queues.own().get().queueName(), platform.cluster().name(),
                    service.name(), scope, child);
        } else {
            ServiceAutoscaling.create(name + "-scaling", config.name(), config.scaling(), platform.cluster().name(),
                    service.name(), scope, child);
        }
        if (readsRotatingSecrets(config)) {
            var secretArns = secrets.applyValue(list -> list.stream()
                    .filter(secret -> secret.store() == ResolvedSecret.Store.SECRETS_MANAGER)
                    .map(ResolvedSecret::resourceArn).distinct().sorted().toList());
            // An ECS service's id is its ARN.
            new RotationRedeploy(name + "-rotation", config.name(), platform.cluster().arn(), service.id(),
                    secretArns, platform.alarmTopicArn(), scope, ComponentResourceOptions.builder().parent(this).build());
        }

        this.serviceName = service.name();
        this.taskDefinitionFamily = taskDefinition.family();
        this.taskDefinitionArn = DeploymentCheck.runningRevision(service.name(), service.taskDefinition(),
                taskDefinition.arn(), service.loadBalancers(), targetGroupArn);
        // The name callers use: the Cloud Map DNS name, or with Service Connect the endpoint's client alias (a
        // client-only service has none).
        this.discoveryName = serviceConnect.isEmpty() ? Optional.of(CloudMap.discoveryName(config.name(), scope))
                : config.serviceConnect().map(endpoint -> ServiceConnect.dnsName(endpoint, config.name(), scope));
        this.scheduleName = Optional.empty();
        registerOutputs(Map.of("serviceName", serviceName, "taskDefinitionFamily", taskDefinitionFamily,
                "taskDefinitionArn", taskDefinitionArn, "discoveryName", Output.of(discoveryName.orElse(""))));
    }

    private static Output<Optional<String>> optional(Optional<Output<String>> value) {
        return value.map(output -> output.applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
    }

    /**
     * The ECR repositories the task pulls from: the service image's, then those of sidecar images given by an ECR
     * URI (the execution role pulls every image of the task).
     */
    private static Output<List<String>> repositoryArns(ResolvedImage image, ServiceConfig config,
                                                       Map<String, ResolvedImage> cachedSidecars,
                                                       Output<com.tapstack.aws.AwsAccount> account, Resource parent) {
        var arns = new ArrayList<Output<String>>();
        image.repositoryArn().ifPresent(arns::add);
        for (var sidecar : config.sidecars()) {
            if (cachedSidecars.containsKey(sidecar.name())) {
                cachedSidecars.get(sidecar.name()).repositoryArn().ifPresent(arns::add);
                continue;
            }
            // A reference is never looked up, so no untagged-image check applies to it.
            ResolvedImage.resolve(new com.tapstack.config.service.ImageSpec.External(sidecar.image()),
                    Optional.empty(), account, parent, null).repositoryArn().ifPresent(arns::add);
        }
        return arns.isEmpty() ? Output.of(List.of()) : Output.all(arns);
    }

    /** Secrets Manager secrets rotate (the database's does every 7 days); SSM parameters do not. */
    static boolean readsRotatingSecrets(ServiceConfig config) {
        return config.database() || config.secrets().values().stream()
                .anyMatch(ref -> ref instanceof com.tapstack.config.service.SecretRef.SecretsManager);
    }

    /** The configured secrets, and the database's user name and password when the service uses it. */
    static List<ResolvedSecret> secretsOf(ServiceConfig config, com.tapstack.aws.AwsAccount account,
                                          SecretSources sources) {
        var secrets = new ArrayList<ResolvedSecret>();
        config.secrets().forEach((variable, ref) -> secrets.add(ResolvedSecret.resolve(variable, ref, account, sources)));
        if (config.database()) {
            secrets.add(ResolvedSecret.databaseKey("DB_USERNAME", "username", sources));
            secrets.add(ResolvedSecret.databaseKey("DB_PASSWORD", "password", sources));
        }
        return secrets;
    }

    /**
     * DB_HOST, DB_PORT, DB_NAME and PGSSLMODE for a service that uses the database; nothing otherwise. The
     * database refuses plain connections, and libpq-based clients read PGSSLMODE themselves.
     */
    private static Output<Map<String, String>> databaseEnvironment(ServiceConfig config, SharedPlatform platform) {
        if (!config.database() || platform.database().isEmpty()) {
            return Output.of(Map.of());
        }
        var db = platform.database().get();
        return Output.tuple(db.host(), db.port()).applyValue(t ->
                Map.of("DB_HOST", t.t1, "DB_PORT", String.valueOf(t.t2), "DB_NAME", db.name(), "PGSSLMODE", "require"));
    }

    private static Role role(String logicalName, String part, String description, Output<String> trust,
                             StackScope scope, CustomResourceOptions options) {
        return new Role(logicalName, RoleArgs.builder()
                .name(scope.name(part, NameLimit.IAM_ROLE))
                .description(description)
                .assumeRolePolicy(trust)
                .tags(scope.commonTags())
                .build(), options);
    }

    private static List<TaskDefinitionVolumeArgs> volumes(ServiceConfig config, List<MountedFileSystem> fileSystems) {
        var volumes = new ArrayList<TaskDefinitionVolumeArgs>();
        for (int i = 0; i < config.writablePaths().size(); i++) {
            volumes.add(TaskDefinitionVolumeArgs.builder().name(ContainerDefinitions.volumeName(i)).build());
        }
        // Through the service's access point (its root directory, so none here), TLS to the mount target and the
        // task role's IAM identity (API EFSVolumeConfiguration: iam needs transitEncryption ENABLED and an access
        // point needs rootDirectory omitted or /); Fargate platform 1.4.0 or later, which LATEST is.
        for (var mounted : fileSystems) {
            volumes.add(TaskDefinitionVolumeArgs.builder()
                    .name(mounted.mount().volumeName())
                    .efsVolumeConfiguration(TaskDefinitionVolumeEfsVolumeConfigurationArgs.builder()
                            .fileSystemId(mounted.fileSystemId())
                            .transitEncryption("ENABLED")
                            .authorizationConfig(TaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfigArgs
                                    .builder().accessPointId(mounted.accessPointId()).iam("ENABLED").build())
                            .build())
                    .build());
        }
        return volumes;
    }

    private static ServiceArgs.Builder serviceArgs(ServiceConfig config, SharedPlatform platform,
                                           ServiceAttachments attachments, StackScope scope,
                                           TaskDefinition taskDefinition,
                                           Optional<com.pulumi.aws.servicediscovery.Service> discovery,
                                           Optional<DeploymentAlarms> alarms) {
        var args = ServiceArgs.builder()
                .name(serviceNameOf(config, scope))
                .cluster(platform.cluster().arn())
                .taskDefinition(taskDefinition.arn())
                .desiredCount(config.scaling().desiredCount())
                .capacityProviderStrategies(platform.cluster().capacityStrategy().stream().map(share ->
                        ServiceCapacityProviderStrategyArgs.builder()
                                .capacityProvider(share.provider()).base(share.base()).weight(share.weight())
                                .build()).toList())
                // A changed capacity provider strategy (tap:spotWeight, tap:onDemandBase) replaces the service in
                // provider v5 unless forceNewDeployment is true (capacityProviderStrategyCustomizeDiff in
                // internal/service/ecs/service.go), and the replacement collides on the service's name; ECS itself
                // requires a new deployment for it ("...making a change to a capacity provider strategy on a service
                // that is already using one, you must force a new deployment"). With it set, the provider forces a
                // deployment only inside an update that changes something (UpdateService is called only then), so
                // an unchanged pulumi up starts none; an in-place change such as alarms restarts the tasks.
                .forceNewDeployment(true)
                // 1.4.0 and later: ECR through interface endpoints, ARM64 on Fargate Spot (API_CapacityProviderStrategyItem).
                .platformVersion("LATEST")
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(platform.privateSubnetIds())
                        .securityGroups(attachments.securityGroupId().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .deploymentController(ServiceDeploymentControllerArgs.builder().type("ECS").build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder()
                        .enable(true).rollback(true).build())
                .deploymentMinimumHealthyPercent(MINIMUM_HEALTHY_PERCENT)
                .deploymentMaximumPercent(MAXIMUM_PERCENT)
                .enableExecuteCommand(config.exec())
                .availabilityZoneRebalancing(config.run().availabilityZoneRebalancing() ? "ENABLED" : "DISABLED")
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                // pulumi up waits until the deployment is complete and fails when ECS rolled it back.
                .waitForSteadyState(true)
                .tags(scope.commonTags());
        discovery.ifPresent(registry -> args.serviceRegistries(ServiceServiceRegistriesArgs.builder()
                .registryArn(registry.arn()).build()));
        alarms.ifPresent(a -> args.alarms(ServiceAlarmsArgs.builder()
                .alarmNames(Output.all(a.names()))
                .enable(a.rollback())
                .rollback(a.rollback())
                .build()));
        attachments.targetGroupArn().ifPresent(arn -> args
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(arn)
                        .containerName(config.name())
                        .containerPort(config.port().orElseThrow())
                        .build())
                .healthCheckGracePeriodSeconds(config.healthCheckGracePeriodSeconds()));
        return args;
    }

    /** The task role's name part: {@code <service>-task}. */
    private static String taskRolePart(ServiceConfig config) {
        return config.name() + "-task";
    }

    /** The task role's name, known before the role exists (a file system's policy names the role). */
    public static Output<String> taskRoleNameOf(ServiceConfig config, StackScope scope) {
        return scope.name(taskRolePart(config), NameLimit.IAM_ROLE);
    }

    /** The ECS service's name, known before the service exists (alarms name it in their dimensions). */
    public static Output<String> serviceNameOf(ServiceConfig config, StackScope scope) {
        return scope.name(config.name(), NameLimit.ECS);
    }

    public Output<String> serviceName() {
        return serviceName;
    }

    public Output<String> taskDefinitionFamily() {
        return taskDefinitionFamily;
    }

    /** The task definition the service runs, verified to be the one this update registered. */
    public Output<String> taskDefinitionArn() {
        return taskDefinitionArn;
    }

    /**
     * The name other services resolve: {@code api.dev.tap.local}; with Service Connect the endpoint's client alias,
     * empty for a service without a port and for a scheduled task.
     */
    public Optional<String> discoveryName() {
        return discoveryName;
    }

    /** A scheduled task's schedule name (serviceName() is then that name too); empty for a service. */
    public Optional<Output<String>> scheduleName() {
        return scheduleName;
    }
}
