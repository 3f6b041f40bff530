package com.tapstack.config.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An EventBridge Scheduler expression for a recurring schedule, checked the way Scheduler reads it
 * (CreateSchedule API, ScheduleExpression; Scheduler user guide, schedule-types.html):
 * {@code rate(value unit)} with a positive integer and one of minute, minutes, hour, hours, day, days; or
 * {@code cron(minutes hours day-of-month month day-of-week year)}, six fields, where exactly one of day-of-month
 * and day-of-week is {@code ?} ("If you specify a value or a * in one of the fields, you must use a ? in the
 * other", EventBridge user guide, eb-scheduled-rule-pattern, whose field table Scheduler shares). One-time
 * {@code at(...)} schedules are not accepted: a scheduled task repeats.
 *
 * @param text          the expression as written and sent
 * @param rateMinutes   minutes between runs of a rate expression
 * @param runsPerMonth  how often it fires in a 30-day month (an estimate for cron's L, W and # forms)
 */
public record ScheduleExpression(String text, Optional<Integer> rateMinutes, double runsPerMonth) {

    /** Scheduler's limit on ScheduleExpression (CreateSchedule API: length 1 to 256). */
    public static final int MAX_LENGTH = 256;
    public static final String ALLOWED = "rate(1 minute|hour|day), rate(<n> minutes|hours|days) or cron(<minutes> <hours>"
            + " <day-of-month> <month> <day-of-week> <year>) with ? in exactly one of the two day fields";
    static final int MINUTES_PER_MONTH = 30 * 24 * 60;
    static final double WEEKS_PER_MONTH = 30.0 / 7;

    private static final Pattern RATE = Pattern.compile(
            "^rate\\(([1-9][0-9]{0,8}) (minute|minutes|hour|hours|day|days)\\)$");
    private static final Pattern CRON = Pattern.compile("^cron\\((.*)\\)$");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** The most days each month has (February 29). */
    private static final int[] MONTH_DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /** Thrown with the reason an expression is refused; the loader puts it in one line with the key. */
    public static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Reads an expression, or says in a few words why Scheduler would refuse it. */
    public static ScheduleExpression parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new Invalid("is longer than Scheduler's " + MAX_LENGTH + " characters");
        }
        if (text.startsWith("at(")) {
            throw new Invalid("is a one-time schedule; a scheduled task repeats");
        }
        var rate = RATE.matcher(text);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            // "If the value is equal to 1, then the unit must be singular. If the value is greater than 1, the unit
            // must be plural" (EventBridge rate expressions reference, eb-rate-expressions.html; Scheduler's guide,
            // schedule-types.html, lists the same units without saying it: held to the stricter rule).
            if (value == 1 == rate.group(2).endsWith("s")) {
                throw new Invalid(value == 1 ? "needs the singular unit for 1 (rate(1 minute), rate(1 hour),"
                        + " rate(1 day))" : "needs a plural unit above 1 (rate(" + value + " minutes), hours or days)");
            }
            long minutes = value * switch (rate.group(2)) {
                case "minute", "minutes" -> 1;
                case "hour", "hours" -> 60;
                default -> 24 * 60;
            };
            if (minutes > Integer.MAX_VALUE) {
                throw new Invalid("is a rate longer than any schedule runs");
            }
            return new ScheduleExpression(text, Optional.of((int) minutes), (double) MINUTES_PER_MONTH / minutes);
        }
        var cron = CRON.matcher(text);
        if (!cron.matches()) {
            throw new Invalid("is neither a rate nor a cron expression");
        }
        var fields = cron.group(1).split(" ", -1);
        if (fields.length != 6) {
            throw new Invalid("has " + fields.length + " cron fields, not 6 (minutes hours day-of-month month"
                    + " day-of-week year)");
        }
        var minutes = values(fields[0], "minutes", 0, 59, List.of());
        var hours = values(fields[1], "hours", 0, 23, List.of());
        var months = values(fields[3], "month", 1, 12, MONTHS);
        values(fields[5], "year", 1970, 2199, List.of());
        boolean dayOfMonthAny = fields[2].equals("?");
        boolean dayOfWeekAny = fields[4].equals("?");
        if (dayOfMonthAny == dayOfWeekAny) {
            throw new Invalid("needs ? in exactly one of day-of-month and day-of-week");
        }
        double daysPerMonth;
        if (dayOfWeekAny) {
            var days = dayOfMonth(fields[2]);
            // A day of the month none of the chosen months has (30 in February only) never comes.
            if (days.plain().stream().allMatch(day -> months.stream().allMatch(m -> day > MONTH_DAYS[m - 1]))
                    && days.special() == 0) {
                throw new Invalid("never fires: no chosen month has day " + days.plain().first());
            }
            // Every day of the month is every day of a 30-day month.
            daysPerMonth = (days.plain().size() == 31 ? 30 : days.plain().size()) + days.special();
        } else {
            var days = dayOfWeek(fields[4]);
            daysPerMonth = days.plain().size() * WEEKS_PER_MONTH + days.special();
        }
        return new ScheduleExpression(text, Optional.empty(),
                minutes.size() * hours.size() * daysPerMonth * months.size() / 12.0);
    }

    /** Day-of-month: numbers, ranges and steps, plus L, LW and nW (each one day a month). */
    private static Days dayOfMonth(String field) {
        var plain = new ArrayList<String>();
        int special = 0;
        for (var item : field.split(",", -1)) {
            if (item.equals("L") || item.equals("LW") || item.matches("([1-9]|[12][0-9]|3[01])W")) {
                special++;
            } else {
                plain.add(item);
            }
        }
        return new Days(plain.isEmpty() ? new TreeSet<>() : values(String.join(",", plain), "day-of-month", 1, 31,
                List.of()), special);
    }

    /** Day-of-week: numbers 1-7 or SUN-SAT, ranges, plus L, nL and n#k (each one day a month). */
    private static Days dayOfWeek(String field) {
        var plain = new ArrayList<String>();
        int special = 0;
        for (var item : field.split(",", -1)) {
            var upper = item.toUpperCase(Locale.ROOT);
            if (upper.equals("L") || upper.matches("([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5])")) {
                special++;
            } else {
                plain.add(item);
            }
        }
        return new Days(plain.isEmpty() ? new TreeSet<>() : values(String.join(",", plain), "day-of-week", 1, 7, DAYS),
                special);
    }

    private record Days(TreeSet<Integer> plain, int special) {
    }

    /** The values a field of numbers (or names), lists, ranges, * and steps selects. */
    private static TreeSet<Integer> values(String field, String name, int min, int max, List<String> names) {
        var result = new TreeSet<Integer>();
        for (var item : field.split(",", -1)) {
            var parts = item.split("/", -1);
            if (parts.length > 2) {
                throw invalidField(name, item, min, max, names);
            }
            int step = 1;
            if (parts.length == 2) {
                step = number(parts[1], name, item, 1, max, List.of(), min, max, names);
            }
            int low;
            int high;
            if (parts[0].equals("*")) {
                low = min;
                high = max;
            } else if (parts[0].contains("-")) {
                var range = parts[0].split("-", -1);
                if (range.length != 2) {
                    throw invalidField(name, item, min, max, names);
                }
                low = number(range[0], name, item, min, max, names, min, max, names);
                high = number(range[1], name, item, min, max, names, min, max, names);
                if (high < low) {
                    throw new Invalid("has " + name + " range " + item + " that runs backwards");
                }
            } else {
                low = number(parts[0], name, item, min, max, names, min, max, names);
                high = parts.length == 2 ? max : low;
            }
            for (int value = low; value <= high; value += step) {
                result.add(value);
            }
        }
        return result;
    }

    private static int number(String text, String name, String item, int low, int high, List<String> names, int min,
                              int max, List<String> fieldNames) {
        var upper = text.toUpperCase(Locale.ROOT);
        if (names.contains(upper)) {
            return names.indexOf(upper) + min;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < low || Integer.parseInt(text) > high) {
            throw invalidField(name, item, min, max, fieldNames);
        }
        return Integer.parseInt(text);
    }

    private static Invalid invalidField(String name, String item, int min, int max, List<String> names) {
        return new Invalid("has " + name + " " + com.tapstack.text.OneLine.shorten(item) + ", not " + min + "-" + max
                + (names.isEmpty() ? "" : " or " + names.get(0) + "-" + names.get(names.size() - 1))
                + " with , - * /");
    }

    @Override
    public String toString() {
        return text;
    }
}
