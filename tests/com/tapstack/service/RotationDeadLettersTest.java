package com.tapstack.service;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rotation whose redeploy cannot be started lands in a dead-letter queue only the rule may write to, and both
 * a dead letter and a failed redeploy raise an alarm on the stack's topic.
 */
class RotationDeadLettersTest {

    private static final String P = Fixtures.project().name() + "-";
    private static final String ROTATION = P + "mailer-rotation";

    @Test
    void undeliverableStartsGoToAQueueThatOnlyTheRotationRuleMayWriteTo() {
        var plan = Fixtures.plan(Fixtures.FULL);
        var queue = plan.named("aws:sqs/queue:Queue", ROTATION + "-dead-letters");
        var rule = plan.named("aws:cloudwatch/eventRule:EventRule", ROTATION + "-rule");
        var target = plan.named("aws:cloudwatch/eventTarget:EventTarget", ROTATION + "-target");

        assertThat(queue.inputs()).containsAllEntriesOf(Map.of("name", "shop-live-eu1-mailer-rotation-dead-letters",
                "sqsManagedSseEnabled", true, "messageRetentionSeconds", 1_209_600L));
        assertThat(target.input("deadLetterConfig")).isEqualTo(Map.of("arn", queue.output("arn")));
        assertThat(target.input("retryPolicy")).isEqualTo(Map.of("maximumEventAgeInSeconds", 86_400L,
                "maximumRetryAttempts", 185L));
        assertThat(json(plan.named("aws:sqs/queuePolicy:QueuePolicy", ROTATION + "-dead-letters-policy"), "policy"))
                .isEqualTo(json("""
                        {"Version": "2012-10-17", "Statement": [{"Sid": "RuleDeadLetters", "Effect": "Allow",
                          "Principal": {"Service": "events.amazonaws.com"}, "Action": ["sqs:SendMessage"],
                          "Resource": ["%s"], "Condition": {"ArnEquals": {"aws:SourceArn": "%s"}}}]}"""
                        .formatted(queue.output("arn"), rule.output("arn"))));
    }

    @Test
    void aDeadLetterAndAFailedRedeployEachRaiseAnAlarmOnTheStacksTopic() {
        var plan = Fixtures.plan(Fixtures.FULL);
        var topic = List.of(plan.outputs().get("alarmTopicArn"));
        var missed = plan.named("aws:cloudwatch/metricAlarm:MetricAlarm", ROTATION + "-missed");
        var failed = plan.named("aws:cloudwatch/metricAlarm:MetricAlarm", ROTATION + "-failed");

        assertThat(missed.inputs()).containsAllEntriesOf(Map.of("namespace", "AWS/SQS",
                "metricName", "ApproximateNumberOfMessagesVisible", "threshold", 0L,
                "comparisonOperator", "GreaterThanThreshold", "dimensions",
                Map.of("QueueName", "shop-live-eu1-mailer-rotation-dead-letters"), "alarmActions", topic));
        assertThat(failed.inputs()).containsAllEntriesOf(Map.of("namespace", "AWS/States",
                "metricName", "ExecutionsFailed", "statistic", "Sum", "dimensions", Map.of("StateMachineArn",
                        plan.named("aws:sfn/stateMachine:StateMachine", ROTATION).output("arn")), "alarmActions", topic));
    }

    @Test
    void withoutTheAlarmsModuleTheAlarmsStillExistWithoutActions() {
        var plan = Fixtures.plan(Fixtures.FULL, Fixtures.values(Fixtures.FULL).remove(Fixtures.key("alarms")));

        assertThat(plan.named("aws:cloudwatch/metricAlarm:MetricAlarm", ROTATION + "-missed").input("alarmActions"))
                .isEqualTo(List.of());
    }
}
