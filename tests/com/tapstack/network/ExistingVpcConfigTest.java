package com.tapstack.network;

import static com.tapstack.support.BrokenConfig.broken;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tap:existingVpc in the loader: ids of the right shape, no duplicates, public subnets exactly when a service is
 * public, and the keys that size a new VPC refused next to it, each with one line naming the key and the value.
 */
class ExistingVpcConfigTest {

    static final String VPC = "vpc-0123456789abcdef0";
    static final List<String> PRIVATE = List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002");
    static final List<String> PUBLIC = List.of("subnet-0f1e2d3c4b5a60001", "subnet-0f1e2d3c4b5a60002");
    private static final String BLOCK = Fixtures.key("existingVpc");
    private static final String FILE = "Pulumi.small.yaml: ";

    /** The small fixture (storefront is public) deployed into an existing VPC: its sizing keys removed. */
    static StackValues existing() {
        return Fixtures.values(Fixtures.SMALL)
                .remove(Fixtures.key("vpcCidr"))
                .remove(Fixtures.key("azCount"))
                .remove(Fixtures.key("natStrategy"))
                .set(BLOCK, Map.of("vpcId", VPC, "privateSubnetIds", PRIVATE, "publicSubnetIds", PUBLIC));
    }

    @org.junit.jupiter.api.Test
    void theBlockIsReadIntoTheNetworkConfig() {
        var network = Fixtures.load(Fixtures.SMALL, existing().toMap()).network();

        assertThat(network.existingVpc()).contains(new ExistingVpcConfig(VPC, PRIVATE, PUBLIC));
        assertThat(network.existing()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aSizingKeySetToItsDefaultIsLetThroughBecauseTheEngineCannotTellItFromNone() {
        var network = Fixtures.load(Fixtures.SMALL, existing().set(Fixtures.key("natStrategy"), "perAz")
                .set(Fixtures.key("azCount"), 3).toMap()).network();

        assertThat(network.existingVpc()).isPresent();
    }

    static Stream<Arguments> brokenBlocks() {
        return Stream.of(
                broken("a CIDR for a VPC we do not create", v -> v.set(Fixtures.key("vpcCidr"), "10.30.0.0/16"),
                        FILE + "shop:vpcCidr: sizes a VPC this stack creates, but shop:existingVpc deploys into an"
                                + " existing one; allowed: remove shop:vpcCidr or shop:existingVpc"),
                broken("an AZ count", v -> v.set(Fixtures.key("azCount"), 2),
                        FILE + "shop:azCount: sizes a VPC this stack creates, but shop:existingVpc deploys into an"
                                + " existing one; allowed: remove shop:azCount or shop:existingVpc"),
                broken("a NAT strategy", v -> v.set(Fixtures.key("natStrategy"), "single"),
                        FILE + "shop:natStrategy: sizes a VPC this stack creates, but shop:existingVpc deploys into"
                                + " an existing one; allowed: remove shop:natStrategy or shop:existingVpc"),
                broken("recorded zones", v -> v.set(Fixtures.key("availabilityZones"), List.of("use1-az1",
                                "use1-az2", "use1-az4")),
                        FILE + "shop:availabilityZones: sizes a VPC this stack creates, but shop:existingVpc deploys"
                                + " into an existing one; allowed: remove shop:availabilityZones or shop:existingVpc"),
                broken("no VPC id", v -> v.removeIn(BLOCK, "vpcId"),
                        FILE + "shop:existingVpc.vpcId: is missing (set it in Pulumi.small.yaml or with `pulumi"
                                + " config set --path 'shop:existingVpc.vpcId' <value>`); allowed: a VPC id such as"
                                + " vpc-0a1b2c3d4e5f67890"),
                broken("a VPC id of the wrong shape", v -> v.setIn(BLOCK, "vpcId", "vpc-12345"),
                        FILE + "shop:existingVpc.vpcId: \"vpc-12345\" is not a VPC id; allowed: a VPC id such as"
                                + " vpc-0a1b2c3d4e5f67890"),
                broken("a subnet id for the VPC", v -> v.setIn(BLOCK, "vpcId", "subnet-0a1b2c3d4e5f60001"),
                        FILE + "shop:existingVpc.vpcId: \"subnet-0a1b2c3d4e5f60001\" is not a VPC id; allowed: a"
                                + " VPC id such as vpc-0a1b2c3d4e5f67890"),
                broken("an upper-case subnet id", v -> v.setIn(BLOCK, "privateSubnetIds",
                                List.of("subnet-0A1B2C3D4E5F60001", PRIVATE.get(1))),
                        FILE + "shop:existingVpc.privateSubnetIds: \"subnet-0A1B2C3D4E5F60001\" is not a subnet"
                                + " id; allowed: 1 to 16 distinct subnet ids of the VPC, such as"
                                + " subnet-0a1b2c3d4e5f67890"),
                broken("a subnet twice", v -> v.setIn(BLOCK, "privateSubnetIds", List.of(PRIVATE.get(0),
                                PRIVATE.get(1), PRIVATE.get(0))),
                        FILE + "shop:existingVpc.privateSubnetIds: lists \"subnet-0a1b2c3d4e5f60001\" twice; allowed:"
                                + " 1 to 16 distinct subnet ids of the VPC, such as subnet-0a1b2c3d4e5f67890"),
                broken("no private subnets", v -> v.removeIn(BLOCK, "privateSubnetIds"),
                        FILE + "shop:existingVpc.privateSubnetIds: is missing (set it in Pulumi.small.yaml or with"
                                + " `pulumi config set --path 'shop:existingVpc.privateSubnetIds' <value>`); allowed:"
                                + " 1 to 16 distinct subnet ids of the VPC, such as subnet-0a1b2c3d4e5f67890"),
                broken("an empty list of private subnets", v -> v.setIn(BLOCK, "privateSubnetIds", List.of()),
                        FILE + "shop:existingVpc.privateSubnetIds: is empty; allowed: 1 to 16 distinct subnet ids of"
                                + " the VPC, such as subnet-0a1b2c3d4e5f67890"),
                broken("more subnets than a service takes", v -> v.setIn(BLOCK, "privateSubnetIds",
                                java.util.stream.IntStream.range(10, 27).mapToObj(i -> "subnet-0a1b2c3d4e5f600" + i)
                                        .toList()),
                        FILE + "shop:existingVpc.privateSubnetIds: lists 17 subnets, more than the 16 an ECS service"
                                + " takes; allowed: 1 to 16 distinct subnet ids of the VPC, such as"
                                + " subnet-0a1b2c3d4e5f67890"),
                broken("a subnet both private and public", v -> v.setIn(BLOCK, "publicSubnetIds",
                                List.of(PUBLIC.get(0), PRIVATE.get(1))),
                        FILE + "shop:existingVpc.publicSubnetIds: \"subnet-0a1b2c3d4e5f60002\" is listed in"
                                + " shop:existingVpc.privateSubnetIds too, and a subnet is either private or public;"
                                + " allowed: at least 2 distinct subnet ids of the VPC in distinct AZs"),
                broken("a public service without public subnets", v -> v.removeIn(BLOCK, "publicSubnetIds"),
                        FILE + "shop:existingVpc.publicSubnetIds: is missing (set it in Pulumi.small.yaml or with"
                                + " `pulumi config set --path 'shop:existingVpc.publicSubnetIds' <value>`); allowed:"
                                + " at least 2 distinct subnet ids of the VPC in distinct AZs (a service is public,"
                                + " and its load balancer lives there)"),
                broken("one public subnet", v -> v.setIn(BLOCK, "publicSubnetIds", List.of(PUBLIC.get(0))),
                        FILE + "shop:existingVpc.publicSubnetIds: lists 1 subnet, and the load balancer a public"
                                + " service needs takes subnets in two AZs; allowed: at least 2 distinct subnet ids"
                                + " of the VPC in distinct AZs"),
                broken("public subnets while no service is public", v -> v.setIn(Fixtures.key("services"),
                                "storefront.public", false),
                        FILE + "shop:existingVpc.publicSubnetIds: is set, but no service is public, so nothing would"
                                + " be placed there; allowed: no publicSubnetIds while no service sets public: true"),
                broken("a key the block does not have", v -> v.setIn(BLOCK, "vpcCidr", "10.0.0.0/16"),
                        FILE + "shop:existingVpc.vpcCidr: is not a known key (did you mean shop:existingVpc.vpcId?);"
                                + " allowed: shop:existingVpc.privateSubnetIds, shop:existingVpc.publicSubnetIds,"
                                + " shop:existingVpc.vpcId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenBlocks")
    void aBrokenBlockIsRefusedWithOneLine(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.SMALL, v -> edit.apply(existing()), message);
    }
}
