package com.tapstack.tooling.cost;

import java.util.List;

/**
 * A monthly estimate: one line per resource family, with what it counts, and the total.
 *
 * @param prices where the prices come from (region, currency, date)
 */
public record CostEstimate(PriceTable prices, List<Line> lines) {

    public CostEstimate {
        lines = List.copyOf(lines);
    }

    /** One family: e.g. "NAT gateways", "3 x 730 h + 30 GB", 100.54. */
    public record Line(String family, String basis, double monthly) {
    }

    public double total() {
        return lines.stream().mapToDouble(Line::monthly).sum();
    }

    public double of(String family) {
        return lines.stream().filter(l -> l.family().equals(family)).mapToDouble(Line::monthly).sum();
    }
}
