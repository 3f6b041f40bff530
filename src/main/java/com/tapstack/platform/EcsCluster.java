package com.tapstack.platform;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationExecuteCommandConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationExecuteCommandConfigurationLogConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterServiceConnectDefaultsArgs;
import com.pulumi.aws.ecs.inputs.ClusterConfigurationManagedStorageConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespace;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.config.service.Discovery;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.discovery.CloudMap;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.List;
import java.util.Map;

/**
 * The ECS cluster (Container Insights on, FARGATE and FARGATE_SPOT, ECS Exec sessions encrypted with the stack
 * key and logged to an encrypted group) and the Cloud Map private DNS namespace services register in (with
 * Service Connect, the cluster's default Service Connect namespace).
 */
public final class EcsCluster extends ComponentResource {

    public static final String TYPE = "tap:platform:EcsCluster";

    private final Cluster cluster;
    private final ClusterCapacityProviders capacityProviders;
    private final PrivateDnsNamespace namespace;
    private final LogGroup execLogGroup;
    private final List<PlatformConfig.CapacityShare> capacityStrategy;

    public EcsCluster(String name, PlatformConfig platform, Output<String> vpcId, Output<String> kmsKeyArn,
                      StackScope scope, EncryptedLogGroups logGroups, ComponentResourceOptions options) {
        this(name, platform, vpcId, kmsKeyArn, false, scope, logGroups, options);
    }

    /**
     * @param encryptEphemeralStorage Fargate encrypts the tasks' ephemeral storage with the stack key (the key's
     *                                policy must let Fargate use it for this cluster: KeyPolicies)
     */
    public EcsCluster(String name, PlatformConfig platform, Output<String> vpcId, Output<String> kmsKeyArn,
                      boolean encryptEphemeralStorage, StackScope scope, EncryptedLogGroups logGroups,
                      ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.execLogGroup = logGroups.create(name + "-exec-logs", "ecs-exec", this);
        this.namespace = CloudMap.namespace(name + "-namespace", vpcId, scope, child);
        var configuration = ClusterConfigurationArgs.builder()
                .executeCommandConfiguration(ClusterConfigurationExecuteCommandConfigurationArgs.builder()
                        .kmsKeyId(kmsKeyArn)
                        .logging("OVERRIDE")
                        .logConfiguration(
                                ClusterConfigurationExecuteCommandConfigurationLogConfigurationArgs.builder()
                                        .cloudWatchLogGroupName(execLogGroup.name())
                                        .cloudWatchEncryptionEnabled(true)
                                        .build())
                        .build());
        if (encryptEphemeralStorage) {
            // UpdateCluster sets it in place (CloudFormation: "Update requires: No interruption"; aws_ecs_cluster has
            // no ForceNew under configuration); a task's storage is made at its start, so running tasks keep theirs
            // (not stated by AWS: unverified). The key must be single-Region and named by ARN or id, not alias (ECS
            // developer guide, fargate-create-storage-key.html).
            configuration.managedStorageConfiguration(ClusterConfigurationManagedStorageConfigurationArgs.builder()
                    .fargateEphemeralStorageKmsKeyId(kmsKeyArn).build());
        }
        var clusterArgs = ClusterArgs.builder();
        if (platform.discovery() == Discovery.SERVICE_CONNECT) {
            // The cluster's default namespace for Service Connect, by ARN (ClusterServiceConnectDefaults.namespace);
            // each service names it too, so nothing depends on the default.
            clusterArgs.serviceConnectDefaults(ClusterServiceConnectDefaultsArgs.builder()
                    .namespace(namespace.arn()).build());
        }
        this.cluster = new Cluster(name, clusterArgs
                .name(nameOf(scope))
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .configuration(configuration.build())
                .tags(scope.commonTags())
                .build(), child);
        this.capacityStrategy = platform.capacityStrategy();
        this.capacityProviders = new ClusterCapacityProviders(name + "-capacity", ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategies(capacityStrategy.stream().map(share ->
                        ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                                .capacityProvider(share.provider())
                                .base(share.base())
                                .weight(share.weight())
                                .build()).toList())
                .build(), child);
        registerOutputs(Map.of("clusterName", cluster.name(), "clusterArn", cluster.arn(),
                "namespaceName", namespace.name()));
    }

    /** The cluster's name, known before the cluster exists (the stack key's policy names it for Fargate). */
    public static Output<String> nameOf(StackScope scope) {
        return scope.name("cluster", NameLimit.ECS);
    }

    public Output<String> arn() {
        return cluster.arn();
    }

    public Output<String> name() {
        return cluster.name();
    }

    public Output<String> namespaceId() {
        return namespace.id();
    }

    public Output<String> namespaceArn() {
        return namespace.arn();
    }

    public Output<String> namespaceNameOutput() {
        return namespace.name();
    }

    public Output<String> execLogGroupArn() {
        return execLogGroup.arn();
    }

    public List<PlatformConfig.CapacityShare> capacityStrategy() {
        return capacityStrategy;
    }

    /** Services must wait for the capacity providers to be attached before they can use them. */
    public Resource capacityProvidersResource() {
        return capacityProviders;
    }
}
