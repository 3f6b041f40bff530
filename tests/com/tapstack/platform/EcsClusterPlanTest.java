package com.tapstack.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcsClusterPlanTest {

    @Test
    void clusterHasContainerInsightsAndEncryptedLoggedExecSessions() {
        var plan = Reference.plan("prod");
        var cluster = plan.byType("aws:ecs/cluster:Cluster").get(0);
        var execLogs = plan.named("aws:cloudwatch/logGroup:LogGroup", Reference.P + "cluster-exec-logs");

        assertThat(cluster.input("name")).isEqualTo(Reference.P + "prod-core-cluster");
        assertThat(cluster.input("settings")).isEqualTo(List.of(Map.of("name", "containerInsights", "value", "enabled")));
        assertThat(cluster.input("configuration")).isEqualTo(Map.of("executeCommandConfiguration", Map.of(
                "kmsKeyId", plan.outputs().get("kmsKeyArn"),
                "logging", "OVERRIDE",
                "logConfiguration", Map.of("cloudWatchLogGroupName", Reference.P + "prod-core-ecs-exec",
                        "cloudWatchEncryptionEnabled", true))));
        assertThat(execLogs.input("kmsKeyId")).isEqualTo(plan.outputs().get("kmsKeyArn"));
        assertThat(execLogs.input("retentionInDays")).isEqualTo(30L);
    }

    @Test
    void devMayUseSpotWhileProdRunsOnDemandOnly() {
        var dev = Reference.plan("dev").byType("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").get(0);
        var prod = Reference.plan("prod").byType("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").get(0);

        assertThat(dev.input("capacityProviders")).isEqualTo(List.of("FARGATE", "FARGATE_SPOT"));
        assertThat(dev.input("defaultCapacityProviderStrategies")).isEqualTo(List.of(
                Map.of("capacityProvider", "FARGATE", "base", 1L, "weight", 1L),
                Map.of("capacityProvider", "FARGATE_SPOT", "base", 0L, "weight", 3L)));
        assertThat(prod.input("defaultCapacityProviderStrategies")).isEqualTo(List.of(
                Map.of("capacityProvider", "FARGATE", "base", 0L, "weight", 1L)));
        assertThat(prod.input("clusterName")).isEqualTo(Reference.P + "prod-core-cluster");
    }

    @Test
    void servicesResolveInAPrivateNamespaceOfTheVpc() {
        var plan = Reference.plan("dev");
        var namespace = plan.byType("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").get(0);

        assertThat(namespace.input("name")).isEqualTo("dev" + "." + Reference.NAME + ".local");
        assertThat(namespace.input("vpc")).isEqualTo(plan.outputs().get("vpcId"));
        assertThat(plan.outputs().get("namespaceName")).isEqualTo("dev" + "." + Reference.NAME + ".local");
    }
}
