package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.BoolKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a scheduled task runs: EventBridge Scheduler starts its task definition on Fargate on this schedule
 * (ScheduleExpression, ScheduleExpressionTimezone, State, Target.RetryPolicy and Target.EcsParameters.TaskCount
 * of the CreateSchedule API; ranges as terraform-provider-aws validates them, internal/service/scheduler/schedule.go).
 *
 * @param expression             rate(...) or cron(...)
 * @param timezone               the IANA time zone Scheduler evaluates a cron expression in
 * @param enabled                the schedule fires (false: ENABLED becomes DISABLED, the schedule is kept)
 * @param maximumRetryAttempts   how often Scheduler retries a RunTask call that failed
 * @param maximumEventAgeSeconds how long after its time a run may still be started by a retry
 * @param taskCount              tasks each run starts
 */
public record TaskSchedule(ScheduleExpression expression, String timezone, boolean enabled, int maximumRetryAttempts,
                           int maximumEventAgeSeconds, int taskCount) {

    public static final TextKey EXPRESSION = TextKey.required("expression", ScheduleExpression.ALLOWED, "When the"
            + " task runs, e.g. cron(0 3 * * ? *) for 03:00 every day, or rate(15 minutes)");
    public static final TextKey TIMEZONE = TextKey.of("timezone", "UTC", "an IANA time zone such as Europe/Berlin",
            "The time zone a cron expression is read in (Scheduler follows its daylight saving time)");
    public static final BoolKey ENABLED = BoolKey.of("enabled", true, "The schedule fires (false keeps it, DISABLED)");
    public static final IntKey MAXIMUM_RETRY_ATTEMPTS = IntKey.of("maximumRetryAttempts", 0, 185, 185, "Retries of a"
            + " run Scheduler could not start (RunTask failed); after them the run goes to the dead-letter queue");
    /** How long a failed run is retried at most, unless the rate is shorter: then up to the next run. */
    static final int DEFAULT_EVENT_AGE_SECONDS = 3600;
    public static final IntKey MAXIMUM_EVENT_AGE = IntKey.derived("maximumEventAge", 60, 86_400,
            DEFAULT_EVENT_AGE_SECONDS + ", or the rate's interval when shorter", "Seconds after its time a run may"
                    + " still be started by a retry (AWS's default is a day; this keeps a late run from starting"
                    + " beside the next)");
    public static final IntKey TASK_COUNT = IntKey.of("taskCount", 1, 10, 1, "Tasks each run starts");
    public static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.schedule", "Schedule of a scheduled"
            + " task", "With the block, the entry is a scheduled task instead of a service: EventBridge Scheduler runs"
            + " its task definition on Fargate in the private subnets; it gets no ECS service, load balancer, Cloud"
            + " Map name or autoscaling. Failed starts go to an encrypted dead-letter queue with an alarm.",
            EXPRESSION, TIMEZONE, ENABLED, MAXIMUM_RETRY_ATTEMPTS, MAXIMUM_EVENT_AGE, TASK_COUNT);
    public static final Structured BLOCK = Structured.table("schedule", "off (a service)", "Run the task on a"
            + " schedule instead of as a service", KEYS);

    /** The block, when the entry has one. */
    static Optional<TaskSchedule> read(ConfigNode service) {
        return BLOCK.optional(service).map(node -> {
            var text = EXPRESSION.read(node);
            ScheduleExpression expression;
            try {
                expression = ScheduleExpression.parse(text);
            } catch (ScheduleExpression.Invalid e) {
                throw node.invalid(EXPRESSION.name(), e.getMessage(), EXPRESSION.allowed());
            }
            var timezone = TIMEZONE.read(node);
            if (!isIanaZone(timezone)) {
                throw node.invalid(TIMEZONE.name(), "is not an IANA time zone", TIMEZONE.allowed());
            }
            int defaultAge = expression.rateMinutes().map(minutes -> (int) Math.min(DEFAULT_EVENT_AGE_SECONDS,
                    Math.max(MAXIMUM_EVENT_AGE.min(), minutes * 60L))).orElse(DEFAULT_EVENT_AGE_SECONDS);
            return new TaskSchedule(expression, timezone, ENABLED.read(node), MAXIMUM_RETRY_ATTEMPTS.read(node),
                    MAXIMUM_EVENT_AGE.optional(node).orElse(defaultAge), TASK_COUNT.read(node));
        });
    }

    /**
     * Java's zone ids are the IANA tz database's region ids, with the aliases of its "backward" file (US/Pacific);
     * fixed offsets such as +02:00 and Java's SystemV zones are not IANA names. The provider allows 50 characters
     * (schedule_expression_timezone). Whether Scheduler takes every backward alias was not verified.
     */
    static boolean isIanaZone(String zone) {
        return zone.length() <= 50 && ZoneId.getAvailableZoneIds().contains(zone) && !zone.startsWith("SystemV/");
    }
}
