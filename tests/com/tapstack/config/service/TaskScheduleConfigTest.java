package com.tapstack.config.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The schedule block as the loader reads it: values, defaults, and one line for everything it refuses. */
class TaskScheduleConfigTest {

    static final String S = Fixtures.key("services");
    static final String FILE = "Pulumi." + Fixtures.SMALL + ".yaml: " + S + ".";

    static UnaryOperator<StackValues> mailerWith(Map<String, Object> schedule) {
        return v -> v.removeIn(S, "mailer.maxCount").setIn(S, "mailer.schedule", schedule);
    }

    static ServiceConfig mailer(UnaryOperator<StackValues> edit) {
        return Fixtures.load(Fixtures.SMALL, edit.apply(Fixtures.values(Fixtures.SMALL)).toMap()).platform()
                .services().get("mailer");
    }

    @Test
    void anEntryWithoutTheBlockIsAService() {
        assertThat(Fixtures.config(Fixtures.SMALL).platform().services().values())
                .allSatisfy(service -> assertThat(service.schedule()).isEmpty());
    }

    @Test
    void onlyTheExpressionIsRequiredAndEveryOtherKeyHasItsDeclaredDefault() {
        var schedule = mailer(mailerWith(Map.of("expression", "rate(1 hour)"))).schedule().orElseThrow();
        assertThat(schedule).isEqualTo(new TaskSchedule(new ScheduleExpression("rate(1 hour)", Optional.of(60), 720),
                "UTC", true, 185, 3600, 1));
    }

    @Test
    void retriesStopAtTheNextRunWhenTheRateIsShorterThanAnHour() {
        assertThat(mailer(mailerWith(Map.of("expression", "rate(15 minutes)"))).schedule().orElseThrow()
                .maximumEventAgeSeconds()).isEqualTo(900);
        assertThat(mailer(mailerWith(Map.of("expression", "rate(1 minute)"))).schedule().orElseThrow()
                .maximumEventAgeSeconds()).isEqualTo(60);
        assertThat(mailer(mailerWith(Map.of("expression", "rate(2 days)"))).schedule().orElseThrow()
                .maximumEventAgeSeconds()).isEqualTo(3600);
        assertThat(mailer(mailerWith(Map.of("expression", "cron(*/5 * * * ? *)"))).schedule().orElseThrow()
                .maximumEventAgeSeconds()).isEqualTo(3600);
    }

    @Test
    void everyKeyIsReadAsWritten() {
        var schedule = mailer(mailerWith(Map.of("expression", "cron(30 2 ? * MON-FRI *)", "timezone", "Europe/Berlin",
                "enabled", false, "maximumRetryAttempts", 3, "maximumEventAge", 900, "taskCount", 2)))
                .schedule().orElseThrow();
        assertThat(schedule.expression().text()).isEqualTo("cron(30 2 ? * MON-FRI *)");
        assertThat(schedule.expression().rateMinutes()).isEmpty();
        assertThat(schedule).extracting(TaskSchedule::timezone, TaskSchedule::enabled,
                TaskSchedule::maximumRetryAttempts, TaskSchedule::maximumEventAgeSeconds, TaskSchedule::taskCount)
                .containsExactly("Europe/Berlin", false, 3, 900, 2);
    }

    static Stream<Arguments> refused() {
        var mailer = FILE + "mailer.";
        return Stream.of(
                BrokenConfig.broken("no expression", mailerWith(Map.of("timezone", "UTC")), mailer + "schedule"
                        + ".expression: is missing (set it in Pulumi.small.yaml or with `pulumi config set --path"
                        + " 'shop:services.mailer.schedule.expression' <value>`); allowed: " + ScheduleExpression.ALLOWED),
                BrokenConfig.broken("a one-time schedule", mailerWith(Map.of("expression", "at(2027-01-01T00:00:00)")),
                        mailer + "schedule.expression: \"at(2027-01-01T00:00:00)\" is a one-time schedule; a scheduled"
                                + " task repeats; allowed: " + ScheduleExpression.ALLOWED),
                BrokenConfig.broken("a rate in seconds", mailerWith(Map.of("expression", "rate(30 seconds)")),
                        mailer + "schedule.expression: \"rate(30 seconds)\" is neither a rate nor a cron expression;"
                                + " allowed: " + ScheduleExpression.ALLOWED),
                BrokenConfig.broken("a five-field cron", mailerWith(Map.of("expression", "cron(0 3 * * ?)")),
                        mailer + "schedule.expression: \"cron(0 3 * * ?)\" has 5 cron fields, not 6 (minutes hours"
                                + " day-of-month month day-of-week year); allowed: " + ScheduleExpression.ALLOWED),
                BrokenConfig.broken("both day fields set", mailerWith(Map.of("expression", "cron(0 3 * * MON *)")),
                        mailer + "schedule.expression: \"cron(0 3 * * MON *)\" needs ? in exactly one of"
                                + " day-of-month and day-of-week; allowed: " + ScheduleExpression.ALLOWED),
                BrokenConfig.broken("an hour past 23", mailerWith(Map.of("expression", "cron(0 24 * * ? *)")),
                        mailer + "schedule.expression: \"cron(0 24 * * ? *)\" has hours 24, not 0-23 with , - * /;"
                                + " allowed: " + ScheduleExpression.ALLOWED),
                BrokenConfig.broken("a day February never has", mailerWith(Map.of("expression",
                        "cron(0 3 30 2 ? *)")), mailer + "schedule.expression: \"cron(0 3 30 2 ? *)\" never fires:"
                        + " no chosen month has day 30; allowed: " + ScheduleExpression.ALLOWED),
                BrokenConfig.broken("a time zone that is none", mailerWith(Map.of("expression", "rate(1 day)",
                        "timezone", "Mars/Olympus")), mailer + "schedule.timezone: \"Mars/Olympus\" is not an IANA time"
                        + " zone; allowed: an IANA time zone such as Europe/Berlin"),
                BrokenConfig.broken("a fixed offset", mailerWith(Map.of("expression", "rate(1 day)",
                        "timezone", "+02:00")), mailer + "schedule.timezone: \"+02:00\" is not an IANA time"
                        + " zone; allowed: an IANA time zone such as Europe/Berlin"),
                BrokenConfig.broken("more retries than Scheduler makes", mailerWith(Map.of("expression", "rate(1 day)",
                        "maximumRetryAttempts", 186)), mailer + "schedule.maximumRetryAttempts: 186 is out of range;"
                        + " allowed: 0 to 185"),
                BrokenConfig.broken("an event age under a minute", mailerWith(Map.of("expression", "rate(1 day)",
                        "maximumEventAge", 59)), mailer + "schedule.maximumEventAge: 59 is out of range; allowed: 60"
                        + " to 86400"),
                BrokenConfig.broken("more tasks than a run starts", mailerWith(Map.of("expression", "rate(1 day)",
                        "taskCount", 11)), mailer + "schedule.taskCount: 11 is out of range; allowed: 1 to 10"),
                BrokenConfig.broken("an unknown key", mailerWith(Map.of("expression", "rate(1 day)", "startDate",
                        "2027-01-01")), mailer + "schedule.startDate: is not a known key; allowed: "
                        + String.join(", ", java.util.stream.Stream.of("enabled", "expression", "maximumEventAge",
                                "maximumRetryAttempts", "taskCount", "timezone").map(key -> S + ".mailer.schedule." + key)
                                .toList())),
                BrokenConfig.broken("a public scheduled task", v -> v.setIn(S, "storefront.schedule",
                        Map.of("expression", "rate(1 day)")), FILE + "storefront.public: is a setting of a service, and"
                        + " this entry has a schedule; allowed: no public next to schedule (a scheduled task has no ECS"
                        + " service, load balancer, port or autoscaling; taskCount in schedule sets how many tasks a"
                        + " run starts)"),
                BrokenConfig.broken("a scheduled task with a task range", v -> v.setIn(S, "mailer.schedule",
                        Map.of("expression", "rate(1 day)")), mailer + "maxCount: is a setting of a service, and"
                        + " this entry has a schedule; allowed: no maxCount next to schedule (a scheduled task has no"
                        + " ECS service, load balancer, port or autoscaling; taskCount in schedule sets how many tasks"
                        + " a run starts)"),
                BrokenConfig.broken("a scheduled task with a port", mailerWith(Map.of("expression", "rate(1 day)"))
                        .andThen(v -> v.setIn(S, "mailer.port", 8080))::apply, mailer + "port: is a setting of a"
                        + " service, and this entry has a schedule; allowed: no port next to schedule (a scheduled task"
                        + " has no ECS service, load balancer, port or autoscaling; taskCount in schedule sets how many"
                        + " tasks a run starts)"),
                BrokenConfig.broken("a scheduled task that works off a queue", mailerWith(Map.of("expression",
                        "rate(1 day)")).andThen(v -> v.setIn(S, "mailer.queue", Map.of()))::apply, mailer + "queue: is a"
                        + " setting of a service, and this entry has a schedule; allowed: no queue next to schedule (a"
                        + " scheduled task has no ECS service, load balancer, port or autoscaling; taskCount in schedule"
                        + " sets how many tasks a run starts)"),
                BrokenConfig.broken("a scheduled task that calls a service through Service Connect",
                        mailerWith(Map.of("expression", "rate(1 day)")).andThen(v -> v.set(Fixtures.key("discovery"),
                                "serviceConnect").setIn(S, "mailer.calls", java.util.List.of("orders")))::apply,
                        mailer + "calls: [\"orders\"] cannot be reached from a scheduled task: EventBridge Scheduler"
                                + " starts it with RunTask, which runs no Service Connect proxy; allowed: no calls on a"
                                + " scheduled task with <project>:discovery: serviceConnect (cloudMap's DNS names"
                                + " resolve from any task)"),
                BrokenConfig.broken("a service that calls a scheduled task", mailerWith(Map.of("expression",
                        "rate(1 day)")).andThen(v -> v.setIn(S, "orders.calls", java.util.List.of("mailer")))::apply,
                        FILE + "orders.calls: \"mailer\" is a scheduled task, which listens on nothing; allowed: names"
                                + " of services with a port"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badValuesAreOneLine(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.SMALL, edit, message);
    }
}
