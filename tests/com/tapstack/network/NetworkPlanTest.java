package com.tapstack.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkPlanTest {

    private static final String VPC = "aws:ec2/vpc:Vpc";
    private static final String SUBNET = "aws:ec2/subnet:Subnet";
    private static final String NAT = "aws:ec2/natGateway:NatGateway";
    private static final String EIP = "aws:ec2/eip:Eip";
    private static final String IGW = "aws:ec2/internetGateway:InternetGateway";
    private static final String ROUTE = "aws:ec2/route:Route";
    private static final String ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
    private static final String ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";

    @Test
    void vpcHasDnsSupportAndHostnamesAndTheConfiguredCidr() {
        var vpc = Reference.plan("dev").byType(VPC);

        assertThat(vpc).singleElement().satisfies(v -> {
            assertThat(v.input("cidrBlock")).isEqualTo("10.10.0.0/16");
            assertThat(v.input("enableDnsSupport")).isEqualTo(true);
            assertThat(v.input("enableDnsHostnames")).isEqualTo(true);
        });
    }

    @Test
    void devHasOnePublicAndOnePrivateSubnetInEachOfItsTwoLookedUpZones() {
        var plan = Reference.plan("dev");

        assertThat(subnets(plan, "public")).extracting(s -> s.input("availabilityZone"), s -> s.input("cidrBlock"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us-east-1a", "10.10.0.0/18"),
                        org.assertj.core.groups.Tuple.tuple("us-east-1b", "10.10.64.0/18"));
        assertThat(subnets(plan, "private")).extracting(s -> s.input("availabilityZone"), s -> s.input("cidrBlock"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us-east-1a", "10.10.128.0/18"),
                        org.assertj.core.groups.Tuple.tuple("us-east-1b", "10.10.192.0/18"));
        var vpcId = plan.byType(VPC).get(0).id().orElseThrow();
        assertThat(plan.byType(SUBNET)).hasSize(4).allSatisfy(s -> {
            assertThat(s.input("vpcId")).isEqualTo(vpcId);
            assertThat(s.input("mapPublicIpOnLaunch")).isEqualTo(false);
        });
    }

    @Test
    void singleStrategyGivesDevOneNatGatewayThatBothPrivateSubnetsRouteThrough() {
        var plan = Reference.plan("dev");

        var nat = plan.byType(NAT);
        assertThat(nat).singleElement().satisfies(n -> {
            assertThat(n.input("subnetId")).isEqualTo(subnets(plan, "public").get(0).id().orElseThrow());
            assertThat(n.input("allocationId")).isEqualTo(plan.byType(EIP).get(0).id().orElseThrow());
            assertThat(n.input("connectivityType")).isEqualTo("public");
            assertThat(n.dependencies()).contains(plan.byType(IGW).get(0).urn());
        });
        assertThat(plan.byType(EIP)).singleElement().satisfies(e -> assertThat(e.input("domain")).isEqualTo("vpc"));
        for (var subnet : subnets(plan, "private")) {
            assertThat(defaultRoute(plan, subnet)).map(r -> r.input("natGatewayId"))
                    .contains(nat.get(0).id().orElseThrow());
        }
    }

    @Test
    void perAzStrategyGivesProdOneNatGatewayPerZoneAndEachPrivateSubnetUsesItsOwnZones() {
        var plan = Reference.plan("prod");

        assertThat(plan.byType(NAT)).hasSize(3);
        assertThat(plan.byType(EIP)).hasSize(3);
        assertThat(subnets(plan, "private")).hasSize(3);
        for (var subnet : subnets(plan, "private")) {
            var natId = defaultRoute(plan, subnet).orElseThrow().input("natGatewayId");
            var nat = com.tapstack.support.PlanAssertions.byId(plan, NAT, natId);
            var natSubnet = com.tapstack.support.PlanAssertions.byId(plan, SUBNET, nat.input("subnetId"));
            assertThat(natSubnet.input("availabilityZone")).isEqualTo(subnet.input("availabilityZone"));
            assertThat(natSubnet.inputAt("tags.Tier")).isEqualTo("public");
        }
    }

    @Test
    void publicSubnetsRouteToTheInternetGatewayOnly() {
        var plan = Reference.plan("prod");
        var gatewayId = plan.byType(IGW).get(0).id().orElseThrow();

        for (var subnet : subnets(plan, "public")) {
            var route = defaultRoute(plan, subnet).orElseThrow();
            assertThat(route.input("gatewayId")).isEqualTo(gatewayId);
            assertThat(route.input("natGatewayId")).isNull();
        }
        assertThat(plan.byType(ROUTE)).filteredOn(r -> r.input("gatewayId") != null).hasSize(1);
    }

    @Test
    void strategyNoneCreatesNoNatAndNoDefaultRouteForPrivateSubnets() {
        var plan = Reference.plan("dev", Reference.values("dev").set(Reference.NS + "natStrategy", "none").toMap());

        assertThat(plan.byType(NAT)).isEmpty();
        assertThat(plan.byType(EIP)).isEmpty();
        for (var subnet : subnets(plan, "private")) {
            assertThat(defaultRoute(plan, subnet)).isEmpty();
        }
        assertThat(plan.byType(ROUTE)).hasSize(1);
    }

    @Test
    void everySubnetIsAssociatedWithExactlyOneRouteTable() {
        var plan = Reference.plan("prod");

        assertThat(plan.byType(ROUTE_TABLE)).hasSize(1 + 3);
        for (var subnet : plan.byType(SUBNET)) {
            assertThat(plan.byType(ASSOCIATION)).filteredOn(a -> a.input("subnetId").equals(subnet.id().orElseThrow()))
                    .hasSize(1);
        }
    }

    @Test
    void moreZonesThanTheRegionOffersIsAConfigErrorAtPlanTime() {
        var values = Reference.values("prod").remove(Reference.NS + "availabilityZones").set("aws:region", "eu-central-1")
                .set(Reference.NS + "azCount", 4).toMap();

        assertThatThrownBy(() -> Reference.plan("prod", values))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.prod.yaml: " + Reference.NS + "azCount: 4 is more than the 3 availability zones eu-central-1"
                        + " offers this account without opt-in (eu-central-1a, eu-central-1b, eu-central-1c);"
                        + " allowed: 1 to 3 in eu-central-1");
    }

    @Test
    void zonesComeFromTheLookupOfTheConfiguredRegion() {
        var plan = Reference.plan("prod", Reference.values("prod").remove(Reference.NS + "availabilityZones")
                .set("aws:region", "ap-northeast-1").toMap());

        assertThat(subnets(plan, "public")).extracting(s -> s.input("availabilityZone"))
                .containsExactly("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
    }

    private static List<PlannedResource> subnets(Plan plan, String tier) {
        return plan.byType(SUBNET).stream()
                .filter(s -> tier.equals(s.inputAt("tags.Tier")))
                .sorted(java.util.Comparator.comparing(PlannedResource::name))
                .toList();
    }

    private static Optional<PlannedResource> defaultRoute(Plan plan, PlannedResource subnet) {
        var tableId = plan.byType(ASSOCIATION).stream()
                .filter(a -> a.input("subnetId").equals(subnet.id().orElseThrow()))
                .map(a -> a.input("routeTableId"))
                .findFirst().orElseThrow();
        return plan.byType(ROUTE).stream()
                .filter(r -> r.input("routeTableId").equals(tableId) && "0.0.0.0/0".equals(r.input("destinationCidrBlock")))
                .findFirst();
    }
}
