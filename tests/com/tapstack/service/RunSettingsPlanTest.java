package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Fixtures;
import com.tapstack.tooling.offline.Plan;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a service's tasks run and stop (issue 15, item 8): Availability Zone rebalancing on the service, the stop
 * timeout, version consistency and the restart policy on its container, exactly as sent; the loader's lines.
 */
class RunSettingsPlanTest {

    static final String S = Fixtures.key("services");

    static Plan plan(UnaryOperator<com.tapstack.support.StackValues> edit) {
        return Fixtures.plan(Fixtures.SMALL, edit.apply(Fixtures.values(Fixtures.SMALL)));
    }

    static List<Map<String, Object>> containers(Plan plan, String service) {
        return com.tapstack.support.TaskContainers.of(plan, service);
    }

    static Map<String, Object> container(Plan plan, String service) {
        return containers(plan, service).stream().filter(c -> c.get("name").equals(service)).findFirst().orElseThrow();
    }

    static Object serviceInput(Plan plan, String service, String key) {
        return plan.byType("aws:ecs/service:Service").stream().filter(s -> s.name().endsWith(service)).findFirst()
                .orElseThrow().input(key);
    }

    @Test
    void byDefaultRebalancingIsOnTheStopTimeoutIsStatedAndNothingRestartsInPlace() {
        var plan = Fixtures.plan(Fixtures.SMALL);
        assertThat(serviceInput(plan, "storefront", "availabilityZoneRebalancing")).isEqualTo("ENABLED");
        var container = container(plan, "storefront");
        assertThat(container.get("stopTimeout")).isEqualTo(30.0);
        assertThat(container).doesNotContainKeys("restartPolicy", "versionConsistency");
    }

    @Test
    void eachSettingReachesTheServiceOrItsContainerAsWritten() {
        var plan = plan(v -> v.setIn(S, "storefront.availabilityZoneRebalancing", false)
                .setIn(S, "storefront.stopTimeout", 90)
                .setIn(S, "storefront.versionConsistency", false)
                .setIn(S, "storefront.restartPolicy", Map.of("restartAttemptPeriod", 120, "ignoredExitCodes",
                        List.of(0, 143))));
        assertThat(serviceInput(plan, "storefront", "availabilityZoneRebalancing")).isEqualTo("DISABLED");
        var container = container(plan, "storefront");
        assertThat(container.get("stopTimeout")).isEqualTo(90.0);
        assertThat(container.get("versionConsistency")).isEqualTo("disabled");
        assertThat(container.get("restartPolicy")).isEqualTo(Map.of("enabled", true, "ignoredExitCodes",
                List.of(0.0, 143.0), "restartAttemptPeriod", 120.0));
        // The init container that prepares writable paths runs once: it is never restarted.
        assertThat(containers(plan, "storefront")).filteredOn(c -> !c.get("name").equals("storefront"))
                .isNotEmpty().allSatisfy(c -> assertThat(c).doesNotContainKey("restartPolicy"));
        // The other service keeps its defaults.
        assertThat(serviceInput(plan, "orders", "availabilityZoneRebalancing")).isEqualTo("ENABLED");
        assertThat(container(plan, "orders")).doesNotContainKey("restartPolicy");
    }

    @Test
    void anEmptyBlockTurnsTheRestartPolicyOnWithAwssDefaultPeriod() {
        var plan = plan(v -> v.setIn(S, "orders.restartPolicy", Map.of()));
        assertThat(container(plan, "orders").get("restartPolicy")).isEqualTo(Map.of("enabled", true,
                "restartAttemptPeriod", 300.0));
    }

    static Stream<Arguments> refused() {
        var file = "Pulumi." + Fixtures.SMALL + ".yaml: " + S + ".storefront.";
        return Stream.of(
                BrokenConfig.broken("a stop timeout over Fargate's", v -> v.setIn(S, "storefront.stopTimeout", 121),
                        file + "stopTimeout: 121 is out of range; allowed: 2 to 120"),
                BrokenConfig.broken("a restart period too short", v -> v.setIn(S, "storefront.restartPolicy",
                        Map.of("restartAttemptPeriod", 30)),
                        file + "restartPolicy.restartAttemptPeriod: 30 is out of range; allowed: 60 to 1800"),
                BrokenConfig.broken("an exit code that is none", v -> v.setIn(S, "storefront.restartPolicy",
                        Map.of("ignoredExitCodes", List.of(256))),
                        file + "restartPolicy.ignoredExitCodes: 256 is not an exit code; allowed: at most 50 exit"
                                + " codes, 0 to 255"),
                BrokenConfig.broken("an exit code twice", v -> v.setIn(S, "storefront.restartPolicy",
                        Map.of("ignoredExitCodes", List.of(1, 1))),
                        file + "restartPolicy.ignoredExitCodes: names 1 twice; allowed: each exit code once"),
                BrokenConfig.broken("more exit codes than ECS takes", v -> v.setIn(S, "storefront.restartPolicy",
                        Map.of("ignoredExitCodes", java.util.stream.IntStream.range(0, 51).boxed().toList())),
                        file + "restartPolicy.ignoredExitCodes: 51 exit codes are more than ECS takes; allowed: at"
                                + " most 50 exit codes, 0 to 255"),
                BrokenConfig.broken("rebalancing as text", v -> v.setIn(S, "storefront.availabilityZoneRebalancing",
                        "sometimes"), file + "availabilityZoneRebalancing: \"sometimes\" is not a boolean; allowed:"
                        + " true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badValuesAreOneLine(String what, UnaryOperator<com.tapstack.support.StackValues> edit, String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.SMALL, edit, message);
    }
}
