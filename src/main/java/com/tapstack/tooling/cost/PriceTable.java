package com.tapstack.tooling.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The list prices the cost preview multiplies by: one region, one currency, one date, shipped with the project
 * ({@code com/tapstack/tooling/cost/prices.yaml}).
 */
public record PriceTable(String region, String currency, String date, int hoursPerMonth, Map<String, Double> prices,
                         Map<String, Double> auroraPostgresHour, Map<String, Double> rdsPostgresHour) {

    private static final String RESOURCE = "prices.yaml";

    public static PriceTable shipped() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            Map<String, Object> yaml = new Yaml().load(in);
            return new PriceTable(String.valueOf(yaml.get("region")), String.valueOf(yaml.get("currency")),
                    String.valueOf(yaml.get("date")), ((Number) yaml.get("hoursPerMonth")).intValue(),
                    doubles(yaml.get("prices")), doubles(yaml.get("auroraPostgresHour")),
                    doubles(yaml.get("rdsPostgresHour")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A price by name; a missing one is a defect of the table, not of the stack. */
    public double price(String name) {
        var value = prices.get(name);
        if (value == null) {
            throw new IllegalStateException("no price " + name + " in " + RESOURCE);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> doubles(Object map) {
        var result = new java.util.LinkedHashMap<String, Double>();
        ((Map<String, Object>) map).forEach((k, v) -> result.put(k, ((Number) v).doubleValue()));
        return Map.copyOf(result);
    }
}
