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
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
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
    private final String discoveryName;

    public FargateService(String name, ServiceConfig config, ServiceAttachments attachments,
                          SharedPlatform platform, StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var account = scope.account();
        var region = scope.region();
        var serviceKey = scope.key("services." + config.name());

        var logGroup = platform.logGroups().create(name + "-logs", config.name(), this);
        var image = platform.imageCache().flatMap(cache -> cache.resolve(config.image(), account, scope.naming()))
                .orElseGet(() -> ResolvedImage.resolve(config.image(), attachments.repository(), account, this,
                        new ResolvedImage.UntaggedImage(scope.configFile(), serviceKey + ".image.digest",
                                platform.ecrUntaggedExpiryDays())));
        var secrets = Output.tuple(account, platform.secretSources()).applyValue(t -> secretsOf(config, t.t1, t.t2));
        var connection = databaseEnvironment(config, platform);

        var executionRole = role(name + "-execution", config.name() + "-execution",
                "ECS starts tasks of " + config.name() + " with it: image pull, logs, secrets",
                account.applyValue(a -> TaskPolicies.executionTrust(a).toJson()), scope, child);
        var repositoryArn = image.repositoryArn().map(arn -> arn.applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        var executionPolicy = new RolePolicy(name + "-execution-policy", RolePolicyArgs.builder()
                .name("start-task")
                .role(executionRole.id())
                .policy(Output.tuple(account, repositoryArn, logGroup.arn(), secrets).applyValue(t ->
                        AwsSizeLimits.rolePolicy(TaskPolicies.execution(t.t1, t.t2, image.pullThroughCache(), t.t3,
                                t.t4).toJson(), scope.configFile(), serviceKey + ".secrets", "execution")))
                .build(), child);

        var taskRole = role(name + "-task", config.name() + "-task",
                "The application in " + config.name() + " acts with it",
                account.applyValue(a -> TaskPolicies.taskTrust(a).toJson()), scope, child);
        var execGrants = config.exec()
                ? Output.tuple(platform.cluster().execLogGroupArn(), platform.kmsKeyArn()).applyValue(t ->
                        Optional.of(new TaskPolicies.ExecGrants(t.t1, t.t2)))
                : Output.of(Optional.<TaskPolicies.ExecGrants>empty());
        var needsTaskPolicy = !config.permissions().isEmpty() || config.exec();
        var taskPolicy = needsTaskPolicy
                ? Optional.of(new RolePolicy(name + "-task-policy", RolePolicyArgs.builder()
                        .name("application")
                        .role(taskRole.id())
                        .policy(execGrants.applyValue(grants ->
                                AwsSizeLimits.rolePolicy(TaskPolicies.task(config.permissions(), grants).orElseThrow()
                                        .toJson(), scope.configFile(), serviceKey + ".permissions", "task")))
                        .build(), child))
                : Optional.<RolePolicy>empty();

        var family = scope.name(config.name(), NameLimit.ECS);
        var taskDefinition = new TaskDefinition(name + "-task-definition", TaskDefinitionArgs.builder()
                .family(family)
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(String.valueOf(config.size().cpu()))
                .memory(String.valueOf(config.size().memory()))
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX").cpuArchitecture(config.architecture().configValue()).build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .volumes(volumes(config))
                .containerDefinitions(Output.tuple(image.reference(), logGroup.name(), secrets, connection)
                        .applyValue(t -> AwsSizeLimits.containerDefinitions(ContainerDefinitions.toJson(config, t.t1,
                                t.t2, region, t.t3, t.t4), scope.configFile(), serviceKey)))
                .tags(scope.commonTags())
                .build(), child);

        var discovery = CloudMap.register(name + "-discovery", config.name(), platform.cluster().namespaceId(), scope,
                child);

        // Everything a task needs at its first start, so the first deployment does not race it: a task that cannot
        // pull, log or connect fails, and a service's first deployment has no revision to roll back to.
        var dependencies = new ArrayList<Resource>();
        dependencies.add(platform.cluster().capacityProviders());
        dependencies.add(executionPolicy);
        taskPolicy.ifPresent(dependencies::add);
        dependencies.addAll(platform.privateNetwork());
        if (image.pullThroughCache()) {
            // The first pull creates the cached repository: its rule, template and the template's role come first.
            platform.imageCache().ifPresent(cache -> dependencies.addAll(cache.readiness()));
        }
        dependencies.addAll(attachments.securityGroupRules());
        if (config.database()) {
            platform.database().ifPresent(db -> dependencies.addAll(db.readiness()));
        }
        var targetGroupArn = attachments.targetGroupArn();
        dependencies.addAll(attachments.routing());
        var alarms = Optional.ofNullable(platform.deploymentAlarms().get(config.name()));
        alarms.ifPresent(a -> dependencies.addAll(a.alarms()));
        var service = new Service(name, serviceArgs(config, platform, attachments, scope, taskDefinition,
                discovery, alarms), CustomResourceOptions.builder()
                .parent(this)
                .dependsOn(dependencies)
                // Autoscaling owns the task count once the service exists; a deployment must not reset it.
                .ignoreChanges("desiredCount")
                // How long pulumi up waits for a deployment to reach steady state (waitForSteadyState) before it
                // fails: the circuit breaker gives up well before (after about 10 failed task launches).
                .customTimeouts(CustomTimeouts.builder().create(STEADY_STATE_TIMEOUT)
                        .update(STEADY_STATE_TIMEOUT).build())
                .build());

        ServiceAutoscaling.create(name + "-scaling", config.name(), config.scaling(), platform.cluster().name(),
                service.name(), scope, child);
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
        this.discoveryName = CloudMap.discoveryName(config.name(), scope);
        registerOutputs(Map.of("serviceName", serviceName, "taskDefinitionFamily", taskDefinitionFamily,
                "taskDefinitionArn", taskDefinitionArn, "discoveryName", Output.of(discoveryName)));
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

    private static List<TaskDefinitionVolumeArgs> volumes(ServiceConfig config) {
        var volumes = new ArrayList<TaskDefinitionVolumeArgs>();
        for (int i = 0; i < config.writablePaths().size(); i++) {
            volumes.add(TaskDefinitionVolumeArgs.builder().name(ContainerDefinitions.volumeName(i)).build());
        }
        return volumes;
    }

    private static ServiceArgs serviceArgs(ServiceConfig config, SharedPlatform platform,
                                           ServiceAttachments attachments, StackScope scope,
                                           TaskDefinition taskDefinition,
                                           com.pulumi.aws.servicediscovery.Service discovery,
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
                .serviceRegistries(ServiceServiceRegistriesArgs.builder().registryArn(discovery.arn()).build())
                // pulumi up waits until the deployment is complete and fails when ECS rolled it back.
                .waitForSteadyState(true)
                .tags(scope.commonTags());
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
        return args.build();
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

    /** The name other services resolve: {@code api.dev.tap.local}. */
    public String discoveryName() {
        return discoveryName;
    }
}
