package com.tapstack.service;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.tapstack.config.service.PlatformConfig.CapacityShare;
import com.tapstack.logs.EncryptedLogGroups;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every service of the stack runs on, as ids and ARNs (no component objects, so a service can be built and
 * tested alone); built once by TapStack and handed to each service.
 *
 * @param cluster        the ECS cluster and the Cloud Map namespace
 * @param privateNetwork what tasks need to leave the private subnets at their first start: route table
 *                       associations, NAT routes and VPC endpoints
 * @param ecrUntaggedExpiryDays days after which ECR expires untagged images (an untagged image is refused)
 * @param secretSources  the stack's parameters, database secret and key, for secrets that point inside the stack
 * @param database       how to reach the database, when the stack has one
 * @param deploymentAlarms per service name, the alarms its deployments roll back on (empty without alarms)
 * @param alarmTopicArn  where alarms notify, with the alarms module
 * @param imageCache     the ECR pull through cache public images come through, with that module
 */
public record SharedPlatform(
        Cluster cluster,
        Output<List<String>> privateSubnetIds,
        List<Resource> privateNetwork,
        Output<String> kmsKeyArn,
        EncryptedLogGroups logGroups,
        int ecrUntaggedExpiryDays,
        Output<SecretSources> secretSources,
        Optional<DatabaseConnection> database,
        Map<String, DeploymentAlarms> deploymentAlarms,
        Optional<Output<String>> alarmTopicArn,
        Optional<ImageCache> imageCache) {

    public SharedPlatform {
        privateNetwork = List.copyOf(privateNetwork);
        deploymentAlarms = Map.copyOf(deploymentAlarms);
    }

    /** The platform without a pull through cache. */
    public SharedPlatform(Cluster cluster, Output<List<String>> privateSubnetIds, List<Resource> privateNetwork,
                          Output<String> kmsKeyArn, EncryptedLogGroups logGroups, int ecrUntaggedExpiryDays,
                          Output<SecretSources> secretSources, Optional<DatabaseConnection> database,
                          Map<String, DeploymentAlarms> deploymentAlarms, Optional<Output<String>> alarmTopicArn) {
        this(cluster, privateSubnetIds, privateNetwork, kmsKeyArn, logGroups, ecrUntaggedExpiryDays, secretSources,
                database, deploymentAlarms, alarmTopicArn, Optional.empty());
    }

    /** The same platform, with public images pulled through {@code cache}. */
    public SharedPlatform withImageCache(Optional<ImageCache> cache) {
        return new SharedPlatform(cluster, privateSubnetIds, privateNetwork, kmsKeyArn, logGroups,
                ecrUntaggedExpiryDays, secretSources, database, deploymentAlarms, alarmTopicArn, cache);
    }

    /**
     * The cluster services run in.
     *
     * @param capacityProviders the cluster's capacity provider association, which a service's strategy needs first
     * @param serviceConnectNamespaceArn the namespace services join with Service Connect; empty with Cloud Map DNS
     */
    public record Cluster(Output<String> arn, Output<String> name, Output<String> namespaceId,
                          Output<String> execLogGroupArn, List<CapacityShare> capacityStrategy,
                          Resource capacityProviders, Optional<Output<String>> serviceConnectNamespaceArn) {
        public Cluster {
            capacityStrategy = List.copyOf(capacityStrategy);
        }
    }

    /** The database's address as services receive it, and what must be available before they connect. */
    public record DatabaseConnection(Output<String> host, Output<Integer> port, String name,
                                     List<Resource> readiness) {
        public DatabaseConnection {
            readiness = List.copyOf(readiness);
        }
    }
}
