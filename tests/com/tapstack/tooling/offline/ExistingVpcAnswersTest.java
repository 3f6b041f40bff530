package com.tapstack.tooling.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.pulumi.test.Mocks;
import com.tapstack.network.ExistingVpcConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulator's network for the ids of tap:existingVpc: consistent, valid, in the region's zones. */
class ExistingVpcAnswersTest {

    private static final String VPC = "vpc-0123456789abcdef0";
    private static final List<String> PRIVATE = List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002",
            "subnet-0a1b2c3d4e5f60003", "subnet-0a1b2c3d4e5f60004");
    private static final List<String> PUBLIC = List.of("subnet-0f1e2d3c4b5a60001", "subnet-0f1e2d3c4b5a60002");

    private final AwsSimulator simulator = new AwsSimulator(new SimulatedAccount("210987654321", "eu-central-1",
            Optional.of(new ExistingVpcConfig(VPC, PRIVATE, PUBLIC))), "dev");

    private Map<String, Object> call(String function, Map<String, Object> args) {
        return simulator.callAsync(new Mocks.CallArgs("aws:ec2/" + function + ":" + function,
                ImmutableMap.copyOf(args), null)).join();
    }

    private String tableOf(String subnet) {
        var tables = call("getRouteTables", Map.of("vpcId", VPC, "filters", List.of(Map.of("name",
                "association.subnet-id", "values", List.of(subnet)))));
        return ((List<?>) tables.get("ids")).get(0).toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> defaultRoute(String table) {
        var routes = (List<Map<String, Object>>) call("getRouteTable", Map.of("routeTableId", table)).get("routes");
        assertThat(routes).hasSize(1);
        return routes.get(0);
    }

    @Test
    void theVpcIsAvailableWithDnsOnInTheAccount() {
        assertThat(call("getVpc", Map.of("id", VPC))).containsEntry("id", VPC).containsEntry("cidrBlock", "10.0.0.0/16")
                .containsEntry("state", "available").containsEntry("enableDnsSupport", true)
                .containsEntry("enableDnsHostnames", true).containsEntry("ownerId", "210987654321")
                .containsEntry("arn", "arn:aws:ec2:eu-central-1:210987654321:vpc/" + VPC);
    }

    @Test
    void subnetsAreInTheVpcInTheRegionsZonesInTurnWithCidrsInsideIt() {
        assertThat(PRIVATE).extracting(id -> call("getSubnet", Map.of("id", id)))
                .allSatisfy(subnet -> assertThat(subnet).containsEntry("vpcId", VPC))
                .extracting(subnet -> subnet.get("availabilityZoneId") + " " + subnet.get("cidrBlock"))
                .containsExactly("euc1-az1 10.0.128.0/22", "euc1-az2 10.0.132.0/22", "euc1-az3 10.0.136.0/22",
                        "euc1-az1 10.0.140.0/22");
        assertThat(call("getSubnet", Map.of("id", PUBLIC.get(1)))).containsEntry("availabilityZone", "eu-central-1b")
                .containsEntry("cidrBlock", "10.0.4.0/22").containsEntry("mapPublicIpOnLaunch", false);
    }

    @Test
    void privateSubnetsRouteThroughTheirZonesNatAndPublicOnesThroughTheInternetGateway() {
        assertThat(defaultRoute(tableOf(PRIVATE.get(0)))).containsEntry("cidrBlock", "0.0.0.0/0")
                .containsEntry("gatewayId", "").extractingByKey("natGatewayId").asString().matches("nat-0[0-9a-f]{16}");
        assertThat(defaultRoute(tableOf(PRIVATE.get(0))).get("natGatewayId"))
                .isEqualTo(defaultRoute(tableOf(PRIVATE.get(3))).get("natGatewayId"))
                .isNotEqualTo(defaultRoute(tableOf(PRIVATE.get(1))).get("natGatewayId"));
        assertThat(tableOf(PUBLIC.get(0))).isEqualTo(tableOf(PUBLIC.get(1))).isNotEqualTo(tableOf(PRIVATE.get(0)));
        assertThat(defaultRoute(tableOf(PUBLIC.get(0)))).containsEntry("natGatewayId", "")
                .extractingByKey("gatewayId").asString().matches("igw-0[0-9a-f]{16}");
    }

    @Test
    void theMainRouteTableHasNoDefaultRouteAndTheVpcNoEndpoints() {
        var main = call("getVpc", Map.of("id", VPC)).get("mainRouteTableId").toString();

        assertThat(call("getRouteTable", Map.of("routeTableId", main)).get("routes")).isEqualTo(List.of());
        assertThatThrownBy(() -> call("getVpcEndpoint", Map.of("vpcId", VPC,
                "serviceName", "com.amazonaws.eu-central-1.logs"))).hasMessageContaining("no matching EC2 VPC Endpoint found");
    }
}
