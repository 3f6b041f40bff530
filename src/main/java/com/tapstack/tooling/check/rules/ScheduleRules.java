package com.tapstack.tooling.check.rules;

import com.tapstack.config.service.ScheduleExpression;
import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Optional;

/** Scheduled tasks' traps: where their tasks run, who hears of a failed run, retries past the next run (TAP13x). */
public final class ScheduleRules {

    static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
    static final String QUEUE = "aws:sqs/queue:Queue";
    static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private ScheduleRules() {
    }

    public static List<Rule> rules() {
        return List.of(PRIVATE_RUNS, FAILED_RUNS_HEARD, RETRIES_BEFORE_NEXT_RUN);
    }

    static final Rule PRIVATE_RUNS = Rule.of("TAP151", Severity.HIGH, "Scheduled tasks run in private subnets",
            "A scheduled run with a public IP, or in a subnet routed to an internet gateway, is reachable from the"
                    + " internet for as long as it runs (Security Hub ECS.2 for services; RunTask takes the same"
                    + " network configuration).",
            (context, findings) -> context.all(SCHEDULE).forEach(schedule -> {
                var network = "target.ecsParameters.networkConfiguration.";
                if (Boolean.TRUE.equals(schedule.inputAt(network + "assignPublicIp"))) {
                    findings.report(schedule, "assignPublicIp is true; run the task in the private subnets with"
                            + " assignPublicIp false");
                }
                for (var subnet : strings(schedule.inputAt(network + "subnets"))) {
                    var route = context.defaultRouteOfSubnet(subnet);
                    if (route.isPresent() && String.valueOf(route.get().get("gatewayId")).startsWith("igw-")) {
                        findings.report(schedule, "subnet " + subnet + " routes to an internet gateway; run the task"
                                + " in the private subnets");
                    }
                }
            }));

    static final Rule FAILED_RUNS_HEARD = Rule.of("TAP152", Severity.MEDIUM, "Someone hears of a scheduled run that"
                    + " did not start",
            "A run Scheduler cannot start (RunTask refused, no capacity, a role that may not run the task) is retried"
                    + " and then dropped; only a dead-letter queue keeps it, and only an alarm with an action on that"
                    + " queue tells anyone.",
            (context, findings) -> context.all(SCHEDULE).forEach(schedule -> {
                var queueArn = schedule.inputAt("target.deadLetterConfig.arn");
                if (queueArn == null) {
                    findings.report(schedule, "has no dead-letter queue; a run that cannot start is lost without a"
                            + " trace");
                    return;
                }
                var queueName = queueName(context, queueArn);
                var heard = context.all(ALARM).stream()
                        .anyMatch(alarm -> "AWS/SQS".equals(alarm.inputString("namespace"))
                        && queueName.isPresent() && queueName.get().equals(alarm.inputAt("dimensions.QueueName"))
                        && !strings(alarm.input("alarmActions")).isEmpty());
                if (!heard) {
                    findings.report(schedule, "its dead-letter queue has no alarm that notifies anyone; turn on "
                            + context.key("alarms") + " so failed runs reach its topic");
                }
            }));

    static final Rule RETRIES_BEFORE_NEXT_RUN = Rule.of("TAP153", Severity.MEDIUM, "Retries of a scheduled run end"
                    + " before the next run",
            "Scheduler retries a run it could not start until maximumEventAgeInSeconds has passed; when that is"
                    + " longer than the rate, a late retry starts beside the next run.",
            (context, findings) -> context.all(SCHEDULE).forEach(schedule -> {
                Optional<Integer> rate;
                try {
                    rate = ScheduleExpression.parse(String.valueOf(schedule.inputString("scheduleExpression")))
                            .rateMinutes();
                } catch (ScheduleExpression.Invalid e) {
                    return;
                }
                var age = schedule.inputAt("target.retryPolicy.maximumEventAgeInSeconds");
                // Scheduler's default when the retry policy leaves it out: a day.
                long seconds = age instanceof Number n ? n.longValue() : 86_400;
                if (rate.isPresent() && seconds > rate.get() * 60L) {
                    findings.report(schedule, "retries for up to " + seconds + " s, longer than its rate of "
                            + rate.get() * 60L + " s; set schedule.maximumEventAge to at most " + rate.get() * 60L);
                }
            }));

    private static Optional<Object> queueName(CheckContext context, Object queueArn) {
        return context.all(QUEUE).stream()
                .filter(queue -> String.valueOf(queueArn).equals(String.valueOf(queue.output("arn"))))
                .findFirst().map(queue -> (Object) queue.inputString("name"));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

}
