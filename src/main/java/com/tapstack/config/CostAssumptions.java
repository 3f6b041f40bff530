package com.tapstack.config;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What the cost preview assumes where a plan cannot tell ({@code tap:costAssumptions}).
 *
 * @param logGBPerDay log data ingested a day across all log groups
 * @param natGBPerDay data through the NAT gateways a day
 * @param albLcu      load balancer capacity units used on average
 */
public record CostAssumptions(double logGBPerDay, double natGBPerDay, double albLcu) {

    public static final CostAssumptions DEFAULT = new CostAssumptions(1, 1, 1);

    static CostAssumptions read(ConfigNode tap) {
        var maybe = tap.optionalObject(ConfigLoader.COST_ASSUMPTIONS, "{logGBPerDay: 1, natGBPerDay: 1, albLcu: 1}");
        if (maybe.isEmpty()) {
            return DEFAULT;
        }
        var node = maybe.get();
        node.rejectUnknownFields(Set.of("logGBPerDay", "natGBPerDay", "albLcu"));
        return new CostAssumptions(amount(node, "logGBPerDay", DEFAULT.logGBPerDay()),
                amount(node, "natGBPerDay", DEFAULT.natGBPerDay()), amount(node, "albLcu", DEFAULT.albLcu()));
    }

    private static double amount(ConfigNode node, String field, double fallback) {
        var allowed = "a number from 0 to 100000";
        var value = node.optionalDecimal(field, allowed).orElse(BigDecimal.valueOf(fallback));
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw node.invalid(field, "is out of range", allowed);
        }
        return value.doubleValue();
    }
}
