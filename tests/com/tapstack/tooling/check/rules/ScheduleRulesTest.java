package com.tapstack.tooling.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanEditor;
import com.tapstack.tooling.check.Finding;
import com.tapstack.tooling.offline.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduled-task rules (TAP151-TAP153) on the small fixture with its worker scheduled, as planned and edited. */
class ScheduleRulesTest {

    static final String S = Fixtures.key("services");
    static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
    static final String NAME = "shop-mailer-schedule";

    static Plan scheduled(Map<String, Object> schedule) {
        return Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL).removeIn(S, "mailer.maxCount")
                .setIn(S, "mailer.schedule", schedule));
    }

    static List<String> messages(Plan plan, String rule) {
        return Checks.findings(plan, false, rule).stream().map(Finding::message).toList();
    }

    @Test
    void theTasksAsPlannedRunPrivatelyAndStopRetryingByTheNextRun() {
        var plan = scheduled(Map.of("expression", "rate(15 minutes)"));
        assertThat(messages(plan, "TAP151")).isEmpty();
        assertThat(messages(plan, "TAP153")).isEmpty();
    }

    @Test
    void aPublicIpOrAPublicSubnetIsFound() {
        var plan = scheduled(Map.of("expression", "rate(1 hour)"));
        var publicSubnet = plan.byType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> "public".equals(String.valueOf(s.inputAt("tags.Tier")))).findFirst().orElseThrow()
                .id().orElseThrow();
        var edited = PlanEditor.of(plan)
                .set(SCHEDULE, NAME, "target.ecsParameters.networkConfiguration.assignPublicIp", true)
                .set(SCHEDULE, NAME, "target.ecsParameters.networkConfiguration.subnets", List.of(publicSubnet))
                .build();
        assertThat(messages(edited, "TAP151")).containsExactly(
                "assignPublicIp is true; run the task in the private subnets with assignPublicIp false",
                "subnet " + publicSubnet + " routes to an internet gateway; run the task in the private subnets");
    }

    @Test
    void withoutTheAlarmsModuleNobodyHearsOfAFailedRun() {
        var plan = scheduled(Map.of("expression", "rate(1 hour)"));
        assertThat(messages(plan, "TAP152")).containsExactly("its dead-letter queue has no alarm that notifies"
                + " anyone; turn on shop:alarms so failed runs reach its topic");
        var withAlarms = Fixtures.plan(Fixtures.FULL, Fixtures.values(Fixtures.FULL).setIn(S, "mailer.schedule",
                Map.of("expression", "rate(1 hour)")));
        assertThat(messages(withAlarms, "TAP152")).isEmpty();
        var withoutQueue = PlanEditor.of(plan).remove(SCHEDULE, NAME, "target.deadLetterConfig").build();
        assertThat(messages(withoutQueue, "TAP152")).containsExactly("has no dead-letter queue; a run that cannot"
                + " start is lost without a trace");
    }

    @Test
    void retriesLongerThanTheRateAreFound() {
        var plan = scheduled(Map.of("expression", "rate(15 minutes)", "maximumEventAge", 3600));
        assertThat(messages(plan, "TAP153")).containsExactly("retries for up to 3600 s, longer than its rate of 900"
                + " s; set schedule.maximumEventAge to at most 900");
        assertThat(messages(scheduled(Map.of("expression", "rate(15 minutes)", "maximumEventAge", 900)), "TAP153"))
                .isEmpty();
    }
}
