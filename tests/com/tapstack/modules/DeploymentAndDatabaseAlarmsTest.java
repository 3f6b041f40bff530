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
            assertThat(plan.named(SERVICE, P + service).input("alarms")).as(service).isNull();
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

    @Test
    void auroraServerlessIsWatchedForCapacityAndMemoryNotForLocalScratchSpace() {
        var plan = Fixtures.plan(Fixtures.FULL);
        var cluster = Map.of("DBClusterIdentifier", NAMES + "db");

        assertThat(plan.named(ALARM, P + "alarms-db-capacity").inputs()).containsAllEntriesOf(Map.of(
                "namespace", "AWS/RDS", "metricName", "ACUUtilization", "statistic", "Maximum", "dimensions", cluster,
                "threshold", 90L, "comparisonOperator", "GreaterThanThreshold"));
        assertThat(plan.named(ALARM, P + "alarms-db-memory").inputs()).containsAllEntriesOf(Map.of(
                "metricName", "FreeableMemory", "statistic", "Minimum", "dimensions", cluster,
                "threshold", 512L << 20, "comparisonOperator", "LessThanThreshold"));
        assertThat(plan.named(ALARM, P + "alarms-db-cpu").inputs()).containsAllEntriesOf(Map.of(
                "metricName", "CPUUtilization", "statistic", "Maximum", "threshold", 80L));
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
        assertThat(provisioned.byType(ALARM)).extracting(a -> a.input("metricName"))
                .contains("FreeableMemory").doesNotContain("ACUUtilization", "FreeLocalStorage", "FreeStorageSpace");
    }
}
