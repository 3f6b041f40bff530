package com.tapstack.tooling.diff;

import static com.tapstack.support.Reference.NS;
import static com.tapstack.support.Reference.P;
import static com.tapstack.tooling.diff.DiffScenariosTest.action;
import static com.tapstack.tooling.diff.DiffScenariosTest.diff;
import static com.tapstack.tooling.diff.DiffScenariosTest.hazardKinds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Moving the dev reference stack from the VPC it created into an existing one: `./tap diff` tells the truth, every
 * network resource deleted (with the cascade hazard), everything whose VPC is ForceNew replaced, the services and
 * the load balancer moved in place.
 */
class ExistingVpcDiffTest {

    private static final String VPC_ID = "vpc-0123456789abcdef0";

    private static DiffResult intoAnExistingVpc() {
        return diff("dev", v -> v.remove(NS + "vpcCidr").remove(NS + "azCount").remove(NS + "natStrategy")
                .set(NS + "existingVpc", Map.of("vpcId", VPC_ID,
                        "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
                        "publicSubnetIds", List.of("subnet-0f1e2d3c4b5a60001", "subnet-0f1e2d3c4b5a60002"))));
    }

    @Test
    void theCreatedNetworkIsDeletedWithTheCascadeHazard() {
        var result = intoAnExistingVpc();

        assertThat(action(result, DiffScenariosTest.VPC, P + "network-vpc")).isEqualTo(Action.DELETE);
        assertThat(action(result, DiffScenariosTest.SUBNET, P + "network-private-0")).isEqualTo(Action.DELETE);
        assertThat(action(result, DiffScenariosTest.NAT, P + "network-nat-0")).isEqualTo(Action.DELETE);
        assertThat(action(result, "aws:ec2/flowLog:FlowLog", P + "network-flow-logs")).isEqualTo(Action.DELETE);
        assertThat(hazardKinds(result)).contains(Hazard.Kind.NETWORK_CASCADE);
    }

    @Test
    void whatLivesInTheVpcIsReplacedAndTheServicesMoveInPlace() {
        var result = intoAnExistingVpc();

        assertThat(action(result, "aws:ec2/securityGroup:SecurityGroup", P + "security-groups-web"))
                .isEqualTo(Action.REPLACE);
        assertThat(action(result, DiffScenariosTest.TARGET_GROUP, P + "alb-web")).isEqualTo(Action.REPLACE);
        assertThat(action(result, "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
                P + "cluster-namespace")).isEqualTo(Action.REPLACE);
        assertThat(action(result, DiffScenariosTest.SERVICE, P + "web")).isEqualTo(Action.UPDATE);
        assertThat(action(result, "aws:lb/loadBalancer:LoadBalancer", P + "alb")).isEqualTo(Action.UPDATE);
    }
}
