package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanEditor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Capacity strategies change in place (tap:spotWeight, tap:onDemandBase on a live stack), and ARM64 services keep
 * Fargate Spot, which AWS supports for ARM64 on platform 1.4.0 and later.
 */
class CapacityStrategyTest {

    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String P = Fixtures.project().name() + "-";

    @Test
    void everyServiceWithAStrategyForcesANewDeploymentSoAStrategyChangeUpdatesItInPlace() {
        var plan = Fixtures.plan(Fixtures.SMALL);

        assertThat(plan.byType(SERVICE)).hasSize(3).allSatisfy(service -> {
            assertThat(service.input("forceNewDeployment")).isEqualTo(true);
            assertThat(service.input("capacityProviderStrategies")).isEqualTo(List.of(
                    Map.of("capacityProvider", "FARGATE", "base", 1L, "weight", 1L),
                    Map.of("capacityProvider", "FARGATE_SPOT", "base", 0L, "weight", 2L)));
        });
    }

    @Test
    void changingTheSpotWeightChangesOnlyTheStrategyOfTheSameService() {
        var before = Fixtures.plan(Fixtures.SMALL).named(SERVICE, P + "orders");
        var after = Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL)
                .set(Fixtures.key("spotWeight"), 0)).named(SERVICE, P + "orders");

        assertThat(after.urn()).isEqualTo(before.urn());
        assertThat(after.input("name")).isEqualTo(before.input("name"));
        assertThat(after.input("capacityProviderStrategies"))
                .isEqualTo(List.of(Map.of("capacityProvider", "FARGATE", "base", 1L, "weight", 1L)));
        assertThat(after.input("forceNewDeployment")).isEqualTo(true);
    }

    @Test
    void anArm64ServiceKeepsFargateSpotOnTheLatestPlatform() {
        var plan = Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL)
                .setIn(Fixtures.key("services"), "mailer.architecture", "ARM64"));
        var service = plan.named(SERVICE, P + "mailer");

        assertThat(plan.named("aws:ecs/taskDefinition:TaskDefinition", P + "mailer-task-definition")
                .inputAt("runtimePlatform.cpuArchitecture")).isEqualTo("ARM64");
        assertThat(service.input("capacityProviderStrategies")).asString().contains("FARGATE_SPOT");
        assertThat(service.input("platformVersion")).isEqualTo("LATEST");
        assertThat(Checks.findings(plan, false)).isEmpty();
    }

    @Test
    void tap118AStrategyWithoutForcedDeploymentsIsAHighFinding() {
        var edited = PlanEditor.of(Fixtures.plan(Fixtures.SMALL)).set(SERVICE, P + "orders", "forceNewDeployment", null);

        assertThat(Checks.findings(edited.build(), false, "TAP118")).singleElement().satisfies(f -> {
            assertThat(f.resource().name()).isEqualTo(P + "orders");
            assertThat(f.message()).isEqualTo("has a capacity provider strategy but forceNewDeployment is not true, so"
                    + " changing shop:spotWeight or shop:onDemandBase would replace it; set forceNewDeployment");
        });
    }

    @Test
    void tap121APlatformOlderThan140IsAHighFinding() {
        var edited = PlanEditor.of(Fixtures.plan(Fixtures.SMALL)).set(SERVICE, P + "mailer", "platformVersion", "1.3.0");

        assertThat(Checks.findings(edited.build(), false, "TAP121")).singleElement().satisfies(f ->
                assertThat(f.message()).isEqualTo("runs Fargate platform 1.3.0; use LATEST (1.4.0)"));
        assertThat(Checks.findings(PlanEditor.of(Fixtures.plan(Fixtures.SMALL))
                .set(SERVICE, P + "mailer", "platformVersion", "1.4.0").build(), false, "TAP121")).isEmpty();
    }
}
