package com.tapstack.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import com.tapstack.support.AwsAnswers;
import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.tooling.offline.PlanSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zones recorded by id in the stack file are kept from run to run (subnets placed by zone id, in the recorded
 * order); a zone the region does not offer is refused with one line; a stack that records none is looked up
 * and told how to record them.
 */
class RecordedZonesTest {

    private static final String SUBNET = "aws:ec2/subnet:Subnet";
    private static final String P = Fixtures.project().name() + "-";

    @Test
    void recordedZonesPlaceTheSubnetsByZoneIdInTheirOrder() {
        var plan = Fixtures.plan(Fixtures.FULL);

        for (var tier : List.of("public", "private")) {
            assertThat(List.of(0, 1, 2)).allSatisfy(az -> {
                var subnet = plan.named(SUBNET, P + "network-" + tier + "-" + az);
                assertThat(subnet.input("availabilityZoneId")).isEqualTo(List.of("euw1-az3", "euw1-az1",
                        "euw1-az2").get(az));
                assertThat(subnet.input("availabilityZone")).isNull();
            });
        }
        assertThat(plan.outputs().get("availabilityZoneIds")).isEqualTo(List.of("euw1-az3", "euw1-az1", "euw1-az2"));
        assertThat(PlanSummary.render(plan)).doesNotContain("looked up on every run");
        assertThat(Checks.findings(plan, true, "TAP605")).isEmpty();
    }

    @Test
    void aSubnetsZoneIsChosenOnceAndNeverMovesWithALaterAnswer() {
        var plan = Fixtures.plan(Fixtures.FULL);

        assertThat(plan.byType(SUBNET)).hasSize(6).allSatisfy(subnet -> assertThat(subnet.ignoreChanges())
                .containsExactlyInAnyOrder("availabilityZone", "availabilityZoneId"));
    }

    @Test
    void aRecordThatDiffersFromWhereTheSubnetsAreIsRefused() {
        var config = Fixtures.config(Fixtures.FULL);
        // AWS reads the subnets back in other zones than the stack file records: an existing stack's zones.
        assertThatThrownBy(() -> com.tapstack.tooling.offline.OfflineEngine.plan(config, Fixtures.FULL,
                com.tapstack.tooling.offline.SimulatedAccount.forStack(config), aws -> AwsAnswers.readBack(aws,
                        args -> args.type.equals(SUBNET), state -> state.put("availabilityZoneId",
                                String.valueOf(state.get("availabilityZoneId")).replace("az3", "azX")
                                        .replace("az1", "az3").replace("azX", "az1")))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.full.yaml: shop:availabilityZones: euw1-az3, euw1-az1, euw1-az2 is not where this"
                        + " stack's subnets are (euw1-az1, euw1-az3, euw1-az2), and a subnet cannot move to another"
                        + " zone; allowed: the zones the stack has, in order: [euw1-az1, euw1-az3, euw1-az2]");
    }

    @Test
    void lookedUpZonesSkipTheZonesFargateDoesNotRunIn() {
        assertThat(AvailabilityZones.fargateZones(List.of("us-west-1a", "us-west-1b", "us-west-1c"),
                List.of("usw1-az1", "usw1-az2", "usw1-az3"))).containsExactly("us-west-1a", "us-west-1c");
    }

    @Test
    void aRecordedZoneTheRegionDoesNotOfferIsRefusedWithOneLine() {
        var values = Fixtures.values(Fixtures.FULL).set(Fixtures.key("availabilityZones"),
                List.of("euw1-az1", "euw1-az2", "euw1-az7"));

        assertThatThrownBy(() -> Fixtures.plan(Fixtures.FULL, values))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.full.yaml: shop:availabilityZones: \"euw1-az7\" is not an availability zone"
                        + " eu-west-1 offers this account; allowed: zone ids of eu-west-1: euw1-az1, euw1-az2, euw1-az3");
    }

    @Test
    void zonesOfAnotherRegionAreRefusedToo() {
        var values = Fixtures.values(Fixtures.FULL).set("aws:region", "eu-central-1");

        assertThatThrownBy(() -> Fixtures.plan(Fixtures.FULL, values))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Pulumi.full.yaml: shop:availabilityZones: \"euw1-az3\" is not an availability"
                        + " zone eu-central-1 offers this account");
    }

    @Test
    void withoutRecordedZonesTheyAreLookedUpByNameAndThePlanSaysHowToKeepThem() {
        var plan = Fixtures.plan(Fixtures.FULL, Fixtures.values(Fixtures.FULL).remove(Fixtures.key("availabilityZones")));

        assertThat(plan.named(SUBNET, P + "network-private-0").input("availabilityZone")).isEqualTo("eu-west-1a");
        assertThat(plan.named(SUBNET, P + "network-private-0").input("availabilityZoneId")).isNull();
        assertThat(PlanSummary.render(plan)).contains("note: the availability zones are looked up on every run; keep"
                + " them by recording their ids: shop:availabilityZones: [euw1-az1, euw1-az2, euw1-az3] offline;"
                + " after pulumi up, the ids in the stack output availabilityZoneIds");
        assertThat(Checks.findings(plan, true, "TAP605")).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("places its subnets in zones looked up on every run (eu-west-1a, eu-west-1b, eu-west-1c);"
                        + " record the zones by id in shop:availabilityZones (the plan prints them)"));
        assertThat(Checks.findings(plan, false, "TAP605")).isEmpty();
    }
}
