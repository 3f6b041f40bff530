package com.tapstack.tooling.offline;

import com.google.gson.GsonBuilder;
import java.util.List;
import java.util.Map;

/** The plan as a person reads it in a terminal: what would be created, and the stack outputs. */
public final class PlanSummary {

    private PlanSummary() {
    }

    /** The zone ids the plan's subnets got from a lookup, when the stack file records none. */
    static java.util.Optional<List<String>> lookedUpZones(Plan plan) {
        var subnets = plan.byType("aws:ec2/subnet:Subnet");
        if (subnets.isEmpty() || subnets.stream().anyMatch(s -> s.input("availabilityZoneId") != null)) {
            return java.util.Optional.empty();
        }
        var zones = plan.outputs().get("availabilityZoneIds");
        return zones instanceof List<?> list
                ? java.util.Optional.of(list.stream().map(String::valueOf).toList()) : java.util.Optional.empty();
    }

    public static String render(Plan plan) {
        var out = new StringBuilder();
        var account = plan.account();
        out.append("Plan for ").append(plan.project()).append('/').append(plan.stack())
                .append(" (offline: account ").append(account.accountId()).append(", ").append(account.region())
                .append(", partition ").append(account.partition()).append(")\n");
        if (!account.regionKnown()) {
            out.append("note: the simulator does not know ").append(account.region())
                    .append("'s availability zones; it assumed three (a, b, c)\n");
        }
        lookedUpZones(plan).ifPresent(ids -> out.append("note: the availability zones are looked up on every run;"
                + " keep them by recording their ids: ").append(plan.project()).append(":availabilityZones: [")
                .append(String.join(", ", ids)).append("] offline; after pulumi up, the ids in the stack output"
                        + " availabilityZoneIds\n"));
        var counts = plan.countsByType();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.append('\n').append(total).append(" resources to create\n");
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(10);
        counts.forEach((type, count) ->
                out.append(String.format("  %-" + width + "s %4d%n", type, count)));
        var services = ServiceSummary.of(plan);
        if (!services.isEmpty()) {
            out.append("\nServices\n");
            var rows = new java.util.ArrayList<List<String>>();
            rows.add(List.of("name", "access", "cpu/memory", "tasks (min-max)", "capacity", "exec", "image"));
            services.forEach(s -> rows.add(List.of(s.name(), s.access(), s.size(), s.tasks(), s.capacity(),
                    s.exec() ? "on" : "off", s.image())));
            out.append(com.tapstack.text.TextTable.render(rows));
        }
        out.append("\nOutputs\n");
        int keyWidth = plan.outputs().keySet().stream().mapToInt(String::length).max().orElse(10);
        var gson = new GsonBuilder().disableHtmlEscaping().create();
        for (Map.Entry<String, Object> output : plan.outputs().entrySet()) {
            out.append(String.format("  %-" + keyWidth + "s  %s%n", output.getKey(),
                    gson.toJson(PlanExport.exportValue(output.getValue()))));
        }
        return out.toString();
    }
}
