package com.tapstack.service;

import com.pulumi.core.Output;
import com.tapstack.ingress.LoadBalancer;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.platform.EcsCluster;
import com.tapstack.registry.ContainerRegistry;
import java.util.List;
import java.util.Optional;

/**
 * What every service of the stack runs on; built once by TapStack and handed to each service.
 *
 * @param privateNetwork what tasks need to leave the private subnets at their first start: route table
 *                      associations, NAT routes and VPC endpoints
 * @param secretSources the stack's parameters, database secret and key, for secrets that point inside the stack
 * @param database      how to reach the database, when the stack has one
 * @param deploymentAlarms per service name, the alarms its deployments roll back on (empty without tap:alarms)
 * @param alarmTopicArn where alarms notify, with tap:alarms
 */
public record SharedPlatform(
        EcsCluster cluster,
        ContainerRegistry registry,
        ServiceSecurityGroups securityGroups,
        Optional<LoadBalancer> loadBalancer,
        Output<List<String>> privateSubnetIds,
        List<com.pulumi.resources.Resource> privateNetwork,
        Output<String> kmsKeyArn,
        EncryptedLogGroups logGroups,
        Output<SecretSources> secretSources,
        Optional<DatabaseConnection> database,
        java.util.Map<String, DeploymentAlarms> deploymentAlarms,
        Optional<Output<String>> alarmTopicArn) {

    /** The database's address as services receive it, and what must be available before they connect. */
    public record DatabaseConnection(Output<String> host, Output<Integer> port, String name,
                                     List<com.pulumi.resources.Resource> readiness) {
        public DatabaseConnection {
            readiness = List.copyOf(readiness);
        }
    }

    public SharedPlatform {
        privateNetwork = List.copyOf(privateNetwork);
    }
}
