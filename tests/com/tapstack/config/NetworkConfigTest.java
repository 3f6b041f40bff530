package com.tapstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.network.Ipv4Cidr;
import com.tapstack.network.NatStrategy;
import com.tapstack.network.NetworkConfig;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkConfigTest {

    private static Ipv4Cidr cidr(String text) {
        return Ipv4Cidr.parse(text).orElseThrow().network();
    }

    @Test
    void threeAzsSplitA16IntoEighthsPublicLowPrivateHigh() {
        var network = new NetworkConfig(cidr("10.0.0.0/16"), 3, NatStrategy.PER_AZ, List.of());

        assertThat(IntStream.range(0, 3).mapToObj(az -> network.publicSubnetCidr(az).toString()))
                .containsExactly("10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19");
        assertThat(IntStream.range(0, 3).mapToObj(az -> network.privateSubnetCidr(az).toString()))
                .containsExactly("10.0.128.0/19", "10.0.160.0/19", "10.0.192.0/19");
    }

    @ParameterizedTest(name = "{0} AZs use /{1} subnets of a /16")
    @CsvSource({"1, 17", "2, 18", "3, 19", "4, 19", "5, 20", "6, 20"})
    void subnetsOfEveryAzCountAreDisjointAndInsideTheVpc(int azCount, int subnetPrefix) {
        var network = new NetworkConfig(cidr("10.0.0.0/16"), azCount, NatStrategy.SINGLE, List.of());

        var all = IntStream.range(0, azCount).boxed()
                .flatMap(az -> List.of(network.publicSubnetCidr(az), network.privateSubnetCidr(az)).stream())
                .toList();

        assertThat(all).hasSize(2 * azCount).doesNotHaveDuplicates()
                .allSatisfy(subnet -> {
                    assertThat(subnet.prefix()).isEqualTo(subnetPrefix);
                    assertThat(subnet.network() >>> 16).isEqualTo(cidr("10.0.0.0/16").network() >>> 16);
                });
    }

    @Test
    void theSmallestVpcForTwoAzsHoldsFourSlash28Subnets() {
        assertThat(NetworkConfig.longestVpcPrefix(2)).isEqualTo(26);
        var network = new NetworkConfig(cidr("10.0.0.0/26"), 2, NatStrategy.NONE, List.of());

        assertThat(network.publicSubnetCidr(1)).hasToString("10.0.0.16/28");
        assertThat(network.privateSubnetCidr(1)).hasToString("10.0.0.48/28");
        assertThatThrownBy(() -> new NetworkConfig(cidr("10.0.0.0/27"), 2, NatStrategy.NONE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void natGatewaysPerStrategy() {
        assertThat(NatStrategy.NONE.gatewayCount(3)).isZero();
        assertThat(NatStrategy.SINGLE.gatewayCount(3)).isEqualTo(1);
        assertThat(NatStrategy.PER_AZ.gatewayCount(3)).isEqualTo(3);
        assertThat(NatStrategy.SINGLE.gatewayFor(2)).isZero();
        assertThat(NatStrategy.PER_AZ.gatewayFor(2)).isEqualTo(2);
    }

    @Test
    void cidrParsingRejectsWhatIsNotABlock() {
        assertThat(Ipv4Cidr.parse("10.0.0.0/16")).isPresent();
        assertThat(Ipv4Cidr.parse("256.0.0.0/16")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.0.0/16")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.0.0.0/40")).isEmpty();
        assertThat(Ipv4Cidr.parse("10.0.0.5/16").orElseThrow().hasHostBits()).isTrue();
        assertThat(Ipv4Cidr.parse("10.0.0.5/16").orElseThrow().network()).hasToString("10.0.0.0/16");
    }
}
