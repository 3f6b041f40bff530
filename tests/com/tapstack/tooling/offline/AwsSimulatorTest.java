package com.tapstack.tooling.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.test.Mocks;
import com.tapstack.support.Reference;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AwsSimulatorTest {

    private final AwsSimulator simulator = new AwsSimulator(new SimulatedAccount("210987654321", "eu-central-1"), "dev");

    private Mocks.ResourceResult create(String type, String name, Map<String, Object> inputs) {
        return simulator.newResourceAsync(new Mocks.ResourceArgs(type, name, inputs, null, null)).join();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Mocks.ResourceResult result) {
        return (Map<String, Object>) result.state;
    }

    @Test
    void idsAndArnsHaveAwsFormatsForTheAccountAndRegion() {
        var vpc = create("aws:ec2/vpc:Vpc", Reference.P + "vpc", Map.of("cidrBlock", "10.0.0.0/16"));
        var key = create("aws:kms/key:Key", Reference.P + "key", Map.of());
        var role = create("aws:iam/role:Role", Reference.P + "role", Map.of("name", Reference.P + "dev-abc-flow"));
        var group = create("aws:cloudwatch/logGroup:LogGroup", Reference.P + "logs", Map.of("name", Reference.P + "dev-abc-web"));

        assertThat(vpc.id).get().asString().matches("vpc-0[0-9a-f]{16}");
        assertThat(state(vpc)).containsEntry("cidrBlock", "10.0.0.0/16")
                .containsEntry("arn", "arn:aws:ec2:eu-central-1:210987654321:vpc/" + vpc.id.get());
        assertThat(state(key).get("arn").toString()).matches("arn:aws:kms:eu-central-1:210987654321:key/[0-9a-f-]{36}");
        assertThat(state(role)).containsEntry("arn", "arn:aws:iam::210987654321:role/" + Reference.P + "dev-abc-flow");
        assertThat(role.id).contains(Reference.P + "dev-abc-flow");
        assertThat(state(group)).containsEntry("arn", "arn:aws:logs:eu-central-1:210987654321:log-group:" + Reference.P + "dev-abc-web");
    }

    @Test
    void theSameStackAndNameAlwaysGetTheSameId() {
        var first = create("aws:ec2/subnet:Subnet", Reference.P + "public-0", Map.of("availabilityZone", "eu-central-1b"));
        var again = create("aws:ec2/subnet:Subnet", Reference.P + "public-0", Map.of("availabilityZone", "eu-central-1b"));

        assertThat(first.id).isEqualTo(again.id);
        assertThat(state(first)).containsEntry("availabilityZoneId", "euc1-az2");
    }

    @Test
    void lookupsAnswerForTheRegionAndAccount() {
        var zones = simulator.callAsync(new Mocks.CallArgs("aws:index/getAvailabilityZones:getAvailabilityZones",
                com.google.common.collect.ImmutableMap.of(), null)).join();
        var identity = simulator.callAsync(new Mocks.CallArgs("aws:index/getCallerIdentity:getCallerIdentity",
                com.google.common.collect.ImmutableMap.of(), null)).join();

        assertThat(zones).containsEntry("names", java.util.List.of("eu-central-1a", "eu-central-1b", "eu-central-1c"))
                .containsEntry("zoneIds", java.util.List.of("euc1-az1", "euc1-az2", "euc1-az3"));
        assertThat(identity).containsEntry("accountId", "210987654321");
    }

    @Test
    void aLookupTheSimulatorDoesNotKnowFailsInsteadOfAnsweringEmpty() {
        var call = simulator.callAsync(new Mocks.CallArgs("aws:ec2/getAmi:getAmi",
                com.google.common.collect.ImmutableMap.of(), null));

        assertThatThrownBy(call::join).isInstanceOf(CompletionException.class)
                .hasMessageContaining("the offline AWS simulator has no answer for the lookup aws:ec2/getAmi:getAmi");
    }

    @Test
    void everyTypeInTheRealStacksHasAModelNotTheGenericAnswer() {
        for (var stack : java.util.List.of("dev", "prod")) {
            assertThat(com.tapstack.support.Reference.plan(stack).customResources())
                    .allSatisfy(r -> assertThat(ResourceModels.isModeled(r.type())).as(r.type()).isTrue());
        }
    }
}
