package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanEditor;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each ECS service waits for what its first tasks need: routes out, endpoints, its rules, the database. */
class FirstStartDependenciesTest {

    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String P = Fixtures.project().name() + "-";

    private static List<String> urns(Plan plan, String type) {
        return plan.byType(type).stream().map(PlannedResource::urn).toList();
    }

    private static List<String> privateEgress(Plan plan) {
        return plan.resources().stream().filter(r -> r.name().startsWith(P + "network-private-")
                && (r.type().equals("aws:ec2/route:Route")
                || r.type().equals("aws:ec2/routeTableAssociation:RouteTableAssociation")))
                .map(PlannedResource::urn).toList();
    }

    @Test
    void everyServiceWaitsForThePrivateRoutesToNatAndForEveryEndpoint() {
        var plan = Fixtures.plan(Fixtures.FULL);
        var egress = privateEgress(plan);

        assertThat(egress).hasSize(6);
        for (var service : plan.byType(SERVICE)) {
            assertThat(service.dependencies()).as(service.name()).containsAll(egress)
                    .containsAll(urns(plan, "aws:ec2/vpcEndpoint:VpcEndpoint"));
        }
    }

    @Test
    void aServiceWaitsForItsOwnSecurityGroupRulesAndNotForOthers() {
        var plan = Fixtures.plan(Fixtures.FULL);
        var orders = plan.named(SERVICE, P + "orders");
        var mailer = plan.named(SERVICE, P + "mailer");

        assertThat(orders.dependencies()).contains(
                plan.named("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", P + "security-groups-orders-https").urn(),
                plan.named("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", P + "security-groups-orders-to-database").urn(),
                plan.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", P + "security-groups-database-from-orders").urn(),
                plan.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", P + "security-groups-orders-from-storefront").urn(),
                plan.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", P + "security-groups-endpoints-from-orders").urn());
        assertThat(mailer.dependencies()).doesNotContain(
                plan.named("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", P + "security-groups-orders-https").urn());
    }

    @Test
    void onlyTheServiceThatUsesTheDatabaseWaitsForItsInstances() {
        var plan = Fixtures.plan(Fixtures.FULL);
        var database = new java.util.ArrayList<>(urns(plan, "aws:rds/clusterInstance:ClusterInstance"));
        database.addAll(urns(plan, "aws:rds/cluster:Cluster"));

        assertThat(database).hasSize(3);
        assertThat(plan.named(SERVICE, P + "orders").dependencies()).containsAll(database);
        assertThat(plan.named(SERVICE, P + "mailer").dependencies()).doesNotContainAnyElementsOf(database);
    }

    @Test
    void tap120AServiceThatDoesNotWaitIsAHighFindingNamingWhatItMisses() {
        var plan = Fixtures.plan(Fixtures.FULL);
        var orders = plan.named(SERVICE, P + "orders");
        var instances = urns(plan, "aws:rds/clusterInstance:ClusterInstance");
        var edited = PlanEditor.of(plan).dependencies(SERVICE, P + "orders", orders.dependencies().stream()
                .filter(urn -> !instances.contains(urn)).toList());

        assertThat(Checks.findings(edited.build(), true, "TAP120")).singleElement().satisfies(f -> {
            assertThat(f.resource().name()).isEqualTo(P + "orders");
            assertThat(f.message()).isEqualTo("may start tasks before " + P + "database-1, " + P + "database-2 exist;"
                    + " make it depend on them (dependsOn)");
        });
    }
}
