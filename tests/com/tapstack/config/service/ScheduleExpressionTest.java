package com.tapstack.config.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scheduler's expressions: how often each fires in a 30-day month, and what is refused and why. */
class ScheduleExpressionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "rate(1 minute); 43200",
            "rate(5 minutes); 8640",
            "rate(2 hours); 360",
            "rate(1 day); 30",
            "rate(7 days); 4.2857",
            "cron(0 3 * * ? *); 30",
            "cron(0/15 * * * ? *); 2880",
            "cron(*/10 8-17 ? * MON-FRI *); 1285.7143",
            "cron(0 6,18 1,15 * ? *); 4",
            "cron(0 0 L * ? *); 1",
            "cron(0 9 ? * 2#1 *); 1",
            "cron(0 12 1 JAN,JUL ? *); 0.1667",
            "cron(30 2 ? * 6L 2027); 1"})
    void runsPerMonth(String text, double runs) {
        assertThat(ScheduleExpression.parse(text).runsPerMonth()).isCloseTo(runs, within(0.001));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rate(0 minutes)| is neither a rate nor a cron expression",
            "rate(5 weeks)| is neither a rate nor a cron expression",
            "rate(1 minutes)| needs the singular unit for 1 (rate(1 minute), rate(1 hour), rate(1 day))",
            "rate(5 hour)| needs a plural unit above 1 (rate(5 minutes), hours or days)",
            "0 3 * * ? *| is neither a rate nor a cron expression",
            "at(2027-05-01T10:00:00)| is a one-time schedule; a scheduled task repeats",
            "cron(60 3 * * ? *)| has minutes 60, not 0-59 with , - * /",
            "cron(0 3 * 13 ? *)| has month 13, not 1-12 or JAN-DEC with , - * /",
            "cron(0 3 ? * 8 *)| has day-of-week 8, not 1-7 or SUN-SAT with , - * /",
            "cron(0 3 * * ? 1969)| has year 1969, not 1970-2199 with , - * /",
            "cron(0 17-9 * * ? *)| has hours range 17-9 that runs backwards",
            "cron(0 3 ? * ? *)| needs ? in exactly one of day-of-month and day-of-week",
            "cron(0 3 31 4,6,9,11 ? *)| never fires: no chosen month has day 31",
            "cron(0  3 * * ? *)| has 7 cron fields, not 6 (minutes hours day-of-month month day-of-week year)"})
    void refused(String text, String reason) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text)).isInstanceOf(ScheduleExpression.Invalid.class)
                .hasMessage(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"rate(1 minute); 1", "rate(15 minutes); 15", "rate(1 hour); 60",
            "rate(3 days); 4320"})
    void rateIntervals(String text, int minutes) {
        assertThat(ScheduleExpression.parse(text).rateMinutes()).isEqualTo(Optional.of(minutes));
    }
}
