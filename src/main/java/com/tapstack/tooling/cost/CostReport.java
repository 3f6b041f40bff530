package com.tapstack.tooling.cost;

import com.tapstack.text.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The estimate as text: one row per family, the total, and where the prices come from. */
public final class CostReport {

    private CostReport() {
    }

    /** The estimate of a stack's plan, at the shipped prices and the stack's assumptions, as text. */
    public static String of(com.tapstack.tooling.offline.Plan plan, com.tapstack.stack.StackConfig config) {
        return render(CostEstimator.estimate(plan, config.costAssumptions(), config.logRetentionDays(),
                PriceTable.shipped()), config.region());
    }

    public static String render(CostEstimate estimate, String stackRegion) {
        var prices = estimate.prices();
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("family", "per month", "basis"));
        estimate.lines().forEach(line -> rows.add(List.of(line.family(), money(line.monthly(), prices.currency()),
                line.basis())));
        rows.add(List.of("total", money(estimate.total(), prices.currency()), ""));
        var text = new StringBuilder("Monthly estimate at list prices (" + prices.region() + ", " + prices.currency()
                + ", price table of " + prices.date() + (stackRegion.equals(prices.region()) ? ""
                : "; the stack is in " + stackRegion + ", whose prices differ") + ")\n");
        text.append(TextTable.render(rows));
        text.append("  Usage-based charges beyond the assumptions (costAssumptions), data transfer, storage and\n")
                .append("  requests are not included.\n");
        return text.toString();
    }

    static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", amount, currency);
    }
}
