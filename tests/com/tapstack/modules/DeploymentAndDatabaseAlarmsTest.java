package com.tapstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanEditor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deployments roll back only on signals of the new revision (the target group's 5xx and unhealthy targets); CPU
 * and memory notify. The database alarms watch what tells an operator it runs out of room.
 */
class DeploymentAndDatabaseAlarmsTest {

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String P = Fixtures.project().name() + "-";
    private static final String NAMES = "shop-live-eu1-";

    @Test
    void aPublicServiceRollsBackOnItsTargetGroupAloneAndOthersOnlyOnTheCircuitBreaker() {
        var plan = Fixtures.plan(Fixtures.FULL);

        assertThat(plan.named(SERVICE, P + "storefront").input("alarms")).isEqualTo(Map.of("alarmNames",
                List.of(NAMES + "storefront-unhealthy-targets", NAMES + "storefront-target-5xx"), "enable", true,
                "rollback", true));
        for (var service : List.of("orders", "mailer")) {
            // Switched off rather than absent: provider v5 ignores a removed alarms block, so a service that rolled
            // back on CPU before would keep doing so.
            assertThat(plan.named(SERVICE, P + service).input("alarms")).as(service).isEqualTo(Map.of("alarmNames",
                    List.of(NAMES + service + "-cpu-high"), "enable", false, "rollback", false));
            assertThat(plan.named(SERVICE, P + service).input("deploymentCircuitBreaker")).as(service)
                    .isEqualTo(Map.of("enable", true, "rollback", true));
        }
        assertThat(plan.named(ALARM, P + "alarms-storefront-cpu").input("alarmDescription"))
                .isEqualTo("CPU of storefront above 80% (notification only: deployments do not roll back on it)");
    }

    @Test
    void tap122RollingBackOnCpuIsAMediumFinding() {
        var edited = PlanEditor.of(Fixtures.plan(Fixtures.FULL)).set(SERVICE, P + "storefront", "alarms.alarmNames",
                List.of(NAMES + "storefront-cpu-high", NAMES + "storefront-target-5xx"));

        assertThat(Checks.findings(edited.build(), true, "TAP122")).singleElement().satisfies(f -> assertThat(
                f.message()).isEqualTo("rolls back on " + NAMES + "storefront-cpu-high (CPUUtilization); roll back on"
                + " its target group's 5xx and unhealthy targets and let CPU and memory notify"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> queries(com.tapstack.tooling.offline.PlannedResource alarm) {
        return (List<Map<String, Object>>) alarm.input("metricQueries");
    }

    /** The worst of the instances, each read by its own identifier: the cluster-level series is an average. */
    private static void assertWorstInstance(com.tapstack.tooling.offline.PlannedResource alarm, String expression,
                                            String metric, String stat) {
        var queries = queries(alarm);
        assertThat(queries).hasSize(3);
        for (int i = 0; i < 2; i++) {
            assertThat(queries.get(i)).containsEntry("id", "m" + (i + 1)).containsEntry("returnData", false);
            assertThat(queries.get(i).get("metric")).isEqualTo(Map.of("namespace", "AWS/RDS", "metricName", metric,
                    "stat", stat, "period", 60L, "dimensions", Map.of("DBInstanceIdentifier", NAMES + "db-" + (i + 1))));
        }
        assertThat(queries.get(2)).containsEntry("expression", expression).containsEntry("returnData", true);
    }

    @Test
    void auroraServerlessIsWatchedForTheWorstInstancesCapacityAndMemoryNotForLocalScratchSpace() {
        var plan = Fixtures.plan(Fixtures.FULL);

        var capacity = plan.named(ALARM, P + "alarms-db-capacity");
        assertWorstInstance(capacity, "MAX(METRICS())", "ACUUtilization", "Maximum");
        assertThat(capacity.inputs()).containsAllEntriesOf(Map.of("threshold", 90L,
                "comparisonOperator", "GreaterThanThreshold"));
        var memory = plan.named(ALARM, P + "alarms-db-memory");
        assertWorstInstance(memory, "MIN(METRICS())", "FreeableMemory", "Minimum");
        assertThat(memory.inputs()).containsAllEntriesOf(Map.of("threshold", 512L << 20,
                "comparisonOperator", "LessThanThreshold"));
        assertWorstInstance(plan.named(ALARM, P + "alarms-db-cpu"), "MAX(METRICS())", "CPUUtilization", "Maximum");
        assertThat(plan.byType(ALARM)).extracting(a -> a.input("metricName"))
                .doesNotContain("FreeLocalStorage", "FreeStorageSpace");
    }

    @Test
    void rdsIsWatchedForFreeStorageAndMemoryAndProvisionedAuroraHasNoCapacityAlarm() {
        var rds = Fixtures.plan(Fixtures.FULL, Fixtures.values(Fixtures.FULL).set(Fixtures.key("database"),
                Map.of("engine", "postgres", "instanceClass", "db.t4g.medium", "multiAz", true))
                .setIn(Fixtures.key("alarms"), "databaseFreeStorageGiB", 10));
        var instance = Map.of("DBInstanceIdentifier", NAMES + "db");

        assertThat(rds.named(ALARM, P + "alarms-db-storage").inputs()).containsAllEntriesOf(Map.of(
                "metricName", "FreeStorageSpace", "dimensions", instance, "threshold", 10L << 30));
        assertThat(rds.named(ALARM, P + "alarms-db-memory").input("dimensions")).isEqualTo(instance);
        assertThat(rds.byType(ALARM)).extracting(a -> a.input("metricName")).doesNotContain("ACUUtilization");

        var provisioned = Fixtures.plan(Fixtures.FULL, Fixtures.values(Fixtures.FULL)
                .set(Fixtures.key("database"), Map.of("instanceClass", "db.r7g.large", "instances", 2)));
        assertThat(provisioned.byType(ALARM)).extracting(a -> a.name()).contains(P + "alarms-db-memory")
                .doesNotContain(P + "alarms-db-capacity", P + "alarms-db-storage");
    }
}
