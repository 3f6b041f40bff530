package com.tapstack.tooling.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tapstack.config.CostAssumptions;
import com.tapstack.support.Fixtures;
import com.tapstack.tooling.diagram.MermaidDiagram;
import com.tapstack.tooling.offline.Plan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scheduled task priced by the run and drawn as a schedule that runs a task. */
class ScheduledTaskCostTest {

    static final String S = Fixtures.key("services");
    static final PriceTable PRICES = PriceTable.shipped();

    static Plan scheduled(Map<String, Object> schedule) {
        return Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL).removeIn(S, "mailer.maxCount")
                .setIn(S, "mailer.schedule", schedule));
    }

    static CostEstimate estimate(Plan plan, double runMinutes) {
        return CostEstimator.estimate(plan, new CostAssumptions(1, 1, 1, 1, 10, runMinutes, 0.5), 7, PRICES);
    }

    @Test
    void eachRunIsBilledForTheAssumedLengthAtTheTasksSize() {
        var estimate = estimate(scheduled(Map.of("expression", "rate(15 minutes)")), 5);
        // 30 days of a run every 15 minutes: 2880 runs of 5 minutes, 240 hours of 0.25 vCPU and 0.5 GB.
        assertThat(estimate.of(CostEstimator.SCHEDULED_TASKS)).isCloseTo(240 * (0.25 * PRICES.price("fargateVcpuHour")
                + 0.5 * PRICES.price("fargateGBHour")), within(0.01));
        assertThat(estimate.lines()).filteredOn(l -> l.family().equals(CostEstimator.SCHEDULED_TASKS))
                .singleElement().extracting(CostEstimate.Line::basis).isEqualTo("shop-qa-t1-mailer 2880 runs x 1 x 5"
                        + " min (FARGATE on-demand; run length: costAssumptions.scheduledRunMinutes)");
        assertThat(estimate.lines()).filteredOn(l -> l.family().equals(CostEstimator.SCHEDULER)).singleElement()
                .satisfies(line -> {
                    assertThat(line.basis()).isEqualTo("2880 invocations, the first 14000000 a month free");
                    assertThat(line.monthly()).isEqualTo(0.0);
                });
    }

    @Test
    void cronRunsAreCountedAndAShortRunIsBilledAMinuteDisabledNone() {
        // 02:30 on weekdays: 5 x 30/7 runs a month, each billed the one-minute minimum with 0.2 assumed.
        var weekdays = estimate(scheduled(Map.of("expression", "cron(30 2 ? * MON-FRI *)", "taskCount", 2)), 0.2);
        var runs = 5 * 30.0 / 7;
        assertThat(weekdays.of(CostEstimator.SCHEDULED_TASKS)).isCloseTo(runs * 2 / 60.0 * (0.25
                * PRICES.price("fargateVcpuHour") + 0.5 * PRICES.price("fargateGBHour")), within(0.01));
        var disabled = estimate(scheduled(Map.of("expression", "rate(1 minute)", "enabled", false)), 5);
        assertThat(disabled.of(CostEstimator.SCHEDULED_TASKS)).isEqualTo(0.0);
        assertThat(estimate(Fixtures.plan(Fixtures.SMALL), 5).lines())
                .noneMatch(l -> l.family().equals(CostEstimator.SCHEDULED_TASKS) || l.family().equals(CostEstimator.SCHEDULER));
    }

    @Test
    void theDiagramDrawsTheScheduleRunningTheTaskInTheCluster() {
        var diagram = MermaidDiagram.render(scheduled(Map.of("expression", "cron(0 3 * * ? *)", "timezone",
                "Europe/Berlin")));
        assertThat(diagram).contains("      task_shop_mailer_schedule[\"shop-qa-t1-mailer<br/>scheduled task, 256 CPU / 512"
                + " MiB\"]\n    end\n");
        assertThat(diagram).contains("  sched_shop_mailer_schedule([\"Schedule cron(0 3 * * ? *)<br/>Europe/Berlin\"])\n"
                + "  sched_shop_mailer_schedule -->|\"runs\"| task_shop_mailer_schedule\n");
        assertThat(diagram).doesNotContain("svc_shop_mailer");
    }

    @Test
    void theDiagramDrawsWhatAScheduledTaskMountsAndSendsTo() {
        var plan = Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL).removeIn(S, "mailer.maxCount")
                .setIn(S, "mailer.schedule", Map.of("expression", "rate(1 hour)"))
                .setIn(S, "mailer.volumes", java.util.List.of(Map.of("fileSystem", "shared", "path", "/data")))
                .set(Fixtures.key("storage"), Map.of("fileSystems", Map.of("shared", Map.of())))
                .setIn(S, "orders.queue", Map.of("producers", java.util.List.of("mailer"))));

        var diagram = MermaidDiagram.render(plan);

        assertThat(diagram).containsPattern("\\n  task_shop_mailer_schedule -->\\|\"NFS :2049\"\\| efs_\\w+\\n")
                .containsPattern("\\n  task_shop_mailer_schedule -->\\|sends\\| q_\\w+\\n");
    }
}
