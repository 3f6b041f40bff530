package com.tapstack.tooling.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tapstack.config.CostAssumptions;
import com.tapstack.support.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost preview's arithmetic, line by line, for the reference stacks, from the shipped price table. */
class CostEstimatorTest {

    private static final PriceTable PRICES = PriceTable.shipped();
    private static final double H = 730;

    private static CostEstimate estimate(String stack) {
        var config = Reference.config(stack);
        return CostEstimator.estimate(Reference.plan(stack), config.costAssumptions(), config.logRetentionDays(), PRICES);
    }

    private static double p(String name) {
        return PRICES.price(name);
    }

    @Test
    void thePriceTableStatesItsRegionCurrencyAndDate() {
        assertThat(PRICES.region()).isEqualTo("us-east-1");
        assertThat(PRICES.currency()).isEqualTo("USD");
        assertThat(PRICES.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(PRICES.hoursPerMonth()).isEqualTo(730);
    }

    @Test
    void devIsOneNatThreeServicesOnTheirBaseTasksTheLoadBalancerLogsAndTheKey() {
        var dev = estimate("dev");

        assertThat(dev.of(CostEstimator.NAT)).isCloseTo(1 * H * p("natGatewayHour") + 30 * p("natGatewayGB"), within(0.01));
        // One NAT address, the load balancer's two (one per public subnet).
        assertThat(dev.of(CostEstimator.PUBLIC_IPV4)).isCloseTo(3 * H * p("publicIpv4Hour"), within(0.01));
        // Three services of 0.25 vCPU / 0.5 GB, one task each, all on the on-demand base of 1.
        assertThat(dev.of(CostEstimator.FARGATE)).isCloseTo(
                3 * H * (0.25 * p("fargateVcpuHour") + 0.5 * p("fargateGBHour")), within(0.01));
        assertThat(dev.of(CostEstimator.LOAD_BALANCER)).isCloseTo(H * (p("albHour") + p("albLcuHour")), within(0.01));
        // 1 GB a day, kept 7 days.
        assertThat(dev.of(CostEstimator.LOGS)).isCloseTo(30 * p("logsIngestedGB") + 7 * p("logsStoredGBMonth"),
                within(0.01));
        assertThat(dev.of(CostEstimator.KMS)).isEqualTo(1.0);
        assertThat(dev.lines()).extracting(CostEstimate.Line::family).doesNotContain(CostEstimator.DATABASE,
                CostEstimator.ENDPOINTS, CostEstimator.MONITORING);
        assertThat(dev.total()).isCloseTo(dev.lines().stream().mapToDouble(CostEstimate.Line::monthly).sum(),
                within(0.001));
    }

    @Test
    void prodAddsNatPerAzTwoTasksPerServiceTheDatabaseEndpointsAndAlarms() {
        var prod = estimate("prod");

        assertThat(prod.of(CostEstimator.NAT)).isCloseTo(3 * H * p("natGatewayHour") + 30 * p("natGatewayGB"),
                within(0.01));
        // web 0.5/1 x2, api 1/2 x2, worker 0.5/1 x1: 3.5 vCPU and 7 GB on demand.
        assertThat(prod.of(CostEstimator.FARGATE)).isCloseTo(H * (3.5 * p("fargateVcpuHour") + 7 * p("fargateGBHour")),
                within(0.01));
        // Five interface endpoints in three AZs.
        assertThat(prod.of(CostEstimator.ENDPOINTS)).isCloseTo(15 * H * p("interfaceEndpointAzHour"), within(0.01));
        // Two serverless instances at their minimum of 0.5 ACU.
        assertThat(prod.of(CostEstimator.DATABASE)).isCloseTo(2 * 0.5 * H * p("auroraAcuHour"), within(0.01));
        assertThat(prod.of(CostEstimator.SECRETS)).isEqualTo(p("secretMonth"));
        // 10 single-metric alarms (CPU and memory x 3, web's unhealthy targets and 5xx, api's missed and failed
        // rotation redeploys), 4 metric-math alarms reading two metrics each (tasks x 3, load balancer 5xx) and 3
        // reading one metric per Aurora instance, two (database CPU, capacity and memory); one dashboard.
        assertThat(prod.of(CostEstimator.MONITORING)).isCloseTo(24 * p("alarmMetricMonth") + p("dashboardMonth"),
                within(0.01));
        assertThat(prod.of(CostEstimator.LOGS)).isCloseTo(30 * p("logsIngestedGB") + 30 * p("logsStoredGBMonth"),
                within(0.01));
    }

    @Test
    void devIsClearlyCheaperThanProd() {
        assertThat(estimate("dev").total()).isLessThan(estimate("prod").total() / 3);
    }

    @Test
    void tasksGoToTheBaseFirstThenByWeight() {
        var strategy = List.of(Map.of("capacityProvider", "FARGATE", "base", 1L, "weight", 1L),
                Map.of("capacityProvider", "FARGATE_SPOT", "base", 0L, "weight", 3L));

        assertThat(CostEstimator.split(1, strategy)).containsExactly(1.0, 0.0);
        assertThat(CostEstimator.split(5, strategy)).containsExactly(2.0, 3.0);
        assertThat(CostEstimator.split(4, List.of())).containsExactly(4.0, 0.0);
    }

    @Test
    void theAssumptionsComeFromTheStackFile() {
        var values = Reference.values("dev").set(Reference.NS + "costAssumptions", Map.of("logGBPerDay", 10, "natGBPerDay", 0.5))
                .toMap();
        var config = Reference.load("dev", values);

        assertThat(config.costAssumptions()).isEqualTo(new CostAssumptions(10, 0.5, 1, 5));
        var estimate = CostEstimator.estimate(Reference.plan("dev", values), config.costAssumptions(), 7, PRICES);
        assertThat(estimate.of(CostEstimator.LOGS)).isCloseTo(300 * p("logsIngestedGB") + 70 * p("logsStoredGBMonth"),
                within(0.01));
        assertThat(estimate.of(CostEstimator.NAT)).isCloseTo(H * p("natGatewayHour") + 15 * p("natGatewayGB"),
                within(0.01));
    }
}
