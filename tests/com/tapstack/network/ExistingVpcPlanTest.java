package com.tapstack.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanAssertions;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.cost.CostEstimate;
import com.tapstack.tooling.cost.CostEstimator;
import com.tapstack.tooling.cost.PriceTable;
import com.tapstack.tooling.diagram.MermaidDiagram;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.SimulatedAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The full fixture (protected, database, endpoints, three AZs in eu-west-1) deployed into an existing VPC: nothing
 * of the network is created, and everything that lives in a network gets the user's ids exactly.
 */
class ExistingVpcPlanTest {

    static final String VPC = ExistingVpcConfigTest.VPC;
    /** Four private subnets: the simulator places them in euw1-az1, az2, az3 and az1 again. */
    static final List<String> PRIVATE = List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002",
            "subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004");
    static final List<String> PUBLIC = List.of("subnet-0f1e2d3c4b5a60001", "subnet-0f1e2d3c4b5a60002",
            "subnet-0f1e2d3c4b5a60003");
    /** Every type the created network consists of. */
    static final List<String> NETWORK_TYPES = List.of("aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet",
            "aws:ec2/internetGateway:InternetGateway", "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip",
            "aws:ec2/route:Route", "aws:ec2/routeTable:RouteTable", "aws:ec2/routeTableAssociation:RouteTableAssociation",
            "aws:ec2/flowLog:FlowLog");

    static StackValues full() {
        return Fixtures.values(Fixtures.FULL)
                .remove(Fixtures.key("vpcCidr"))
                .remove(Fixtures.key("azCount"))
                .remove(Fixtures.key("availabilityZones"))
                .remove(Fixtures.key("natStrategy"))
                .set(Fixtures.key("existingVpc"), Map.of("vpcId", VPC, "privateSubnetIds", PRIVATE,
                        "publicSubnetIds", PUBLIC));
    }

    private static final Plan PLAN = Fixtures.plan(Fixtures.FULL, full());

    @Test
    void anEfsFileSystemGetsOneMountTargetPerAzNotPerSubnet() {
        // EFS takes one mount target per AZ and file system (CreateMountTarget: MountTargetConflict); the user's
        // fourth private subnet shares euw1-az1 with the first.
        var plan = Fixtures.plan(Fixtures.FULL, full().set(Fixtures.key("storage"),
                Map.of("fileSystems", Map.of("shared", Map.of()))).setIn(Fixtures.key("services"), "orders.volumes",
                List.of(Map.of("fileSystem", "shared", "path", "/data"))));

        assertThat(plan.byType("aws:efs/mountTarget:MountTarget")).extracting(target -> target.input("subnetId"))
                .containsExactly(PRIVATE.get(0), PRIVATE.get(1), PRIVATE.get(2));
    }

    @Test
    void noNetworkResourceIsCreated() {
        assertThat(NETWORK_TYPES).allSatisfy(type -> assertThat(PLAN.byType(type)).as(type).isEmpty());
        assertThat(Fixtures.plan(Fixtures.FULL).byType("aws:ec2/flowLog:FlowLog")).as("a created VPC has one")
                .hasSize(1);
    }

    @Test
    void theServicesRunInThePrivateSubnetsWithoutAPublicIp() {
        var services = PLAN.byType("aws:ecs/service:Service");

        assertThat(services).hasSize(3).allSatisfy(service -> {
            assertThat(service.inputAt("networkConfiguration.subnets")).isEqualTo(PRIVATE);
            assertThat(service.inputAt("networkConfiguration.assignPublicIp")).isEqualTo(false);
        });
    }

    @Test
    void theLoadBalancerLivesInThePublicSubnetsAndItsTargetGroupsInTheVpc() {
        var balancer = PLAN.byType("aws:lb/loadBalancer:LoadBalancer");

        assertThat(balancer).singleElement().satisfies(lb -> assertThat(lb.input("subnets")).isEqualTo(PUBLIC));
        assertThat(PLAN.byType("aws:lb/targetGroup:TargetGroup")).isNotEmpty()
                .allSatisfy(group -> assertThat(group.input("vpcId")).isEqualTo(VPC));
    }

    @Test
    void securityGroupsCloudMapAndTheDatabaseAreInTheVpcAndItsPrivateSubnets() {
        assertThat(PLAN.byType("aws:ec2/securityGroup:SecurityGroup")).hasSizeGreaterThan(3)
                .allSatisfy(group -> assertThat(group.input("vpcId")).isEqualTo(VPC));
        assertThat(PLAN.byType("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace")).singleElement()
                .satisfies(namespace -> assertThat(namespace.input("vpc")).isEqualTo(VPC));
        assertThat(PLAN.byType("aws:rds/subnetGroup:SubnetGroup")).singleElement()
                .satisfies(group -> assertThat(group.input("subnetIds")).isEqualTo(PRIVATE));
        // DNS in the VPC: the looked-up VPC's CIDR, not a configured one.
        assertThat(PLAN.byType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"))
                .anySatisfy(rule -> assertThat(rule.input("cidrIpv4")).isEqualTo("10.0.0.0/16"))
                .noneSatisfy(rule -> assertThat(rule.input("cidrIpv4")).isEqualTo("10.40.0.0/16"));
    }

    @Test
    void endpointsTakeOnePrivateSubnetPerZoneAndEachRouteTableOnce() {
        var endpoints = PLAN.byType("aws:ec2/vpcEndpoint:VpcEndpoint");
        var interfaces = endpoints.stream().filter(e -> "Interface".equals(e.input("vpcEndpointType"))).toList();
        var gateway = endpoints.stream().filter(e -> "Gateway".equals(e.input("vpcEndpointType"))).toList();

        assertThat(endpoints).allSatisfy(e -> assertThat(e.input("vpcId")).isEqualTo(VPC));
        // subnet 4 is in euw1-az1 like subnet 1, and an interface endpoint takes one subnet per AZ.
        assertThat(interfaces).hasSize(5).allSatisfy(e -> assertThat(e.input("subnetIds"))
                .isEqualTo(PRIVATE.subList(0, 3)));
        assertThat(gateway).singleElement().satisfies(e -> assertThat(PlanAssertions.stringList(
                e.input("routeTableIds"))).hasSize(4).doesNotHaveDuplicates().allMatch(id -> id.startsWith("rtb-0")));
    }

    @Test
    void privateSubnetsWithoutTheirOwnRouteTableUseTheMainOneAndTheS3GatewayTakesItOnce() {
        var main = "rtb-0123456789abcdef0";
        var config = Fixtures.load(Fixtures.FULL, full().toMap());
        var plan = OfflineEngine.plan(config, Fixtures.FULL, SimulatedAccount.forStack(config),
                aws -> ExistingVpcLookupTest.mainTable(ExistingVpcLookupTest.unassociated(aws, PRIVATE), main));

        var gateway = plan.byType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(e -> "Gateway".equals(e.input("vpcEndpointType"))).toList();
        // No default route in the main table, but the stack's endpoints serve every need of the tasks.
        assertThat(gateway).singleElement().satisfies(e -> assertThat(e.input("routeTableIds"))
                .isEqualTo(List.of(main)));
    }

    @Test
    void theOutputsAreTheUsersIdsAndTheZonesOfThePrivateSubnets() {
        assertThat(PLAN.outputs()).containsEntry("vpcId", VPC)
                .containsEntry("privateSubnetIds", PRIVATE)
                .containsEntry("publicSubnetIds", PUBLIC)
                .containsEntry("availabilityZoneIds", List.of("euw1-az1", "euw1-az2", "euw1-az3"));
    }

    @Test
    void noNatIsPricedAndTheDiagramDrawsTheVpcByIdAsNotOurs() {
        var config = Fixtures.load(Fixtures.FULL, full().toMap());
        var estimate = CostEstimator.estimate(PLAN, config.costAssumptions(), config.logRetentionDays(),
                PriceTable.shipped());

        assertThat(estimate.lines()).extracting(CostEstimate.Line::family).doesNotContain(CostEstimator.NAT)
                .contains(CostEstimator.PUBLIC_IPV4);
        assertThat(MermaidDiagram.render(PLAN)).contains("subgraph vpc[\"Existing VPC " + VPC + " (not managed by"
                + " this stack): 4 private, 3 public subnets\"]").doesNotContain("NAT gateway");
    }

    @Test
    void theChecksLeaveTheUsersSubnetsToTheLookupsButStillCheckPlannedOnes() {
        // Without NAT routes in the plan TAP602 would report every service; the lookups checked the way out.
        assertThat(com.tapstack.support.Checks.findings(PLAN, true, "TAP602")).isEmpty();
        var planned = Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL).set(Fixtures.key("natStrategy"),
                "none"));
        assertThat(com.tapstack.support.Checks.findings(planned, false, "TAP602")).isNotEmpty();
    }
}
