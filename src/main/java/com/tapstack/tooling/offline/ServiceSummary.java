package com.tapstack.tooling.offline;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line per ECS service of a plan, read from the plan graph itself (the inputs AWS would receive), not
 * from configuration: how it is reached, its image, its size, its task counts and its capacity.
 */
record ServiceSummary(String name, String access, String image, String size, String tasks, String capacity,
                      boolean exec) {

    static List<ServiceSummary> of(Plan plan) {
        var summaries = new ArrayList<ServiceSummary>();
        for (var service : plan.byType("aws:ecs/service:Service")) {
            var taskDefinition = plan.find(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                    && String.valueOf(r.output("arn")).equals(service.inputString("taskDefinition")));
            var container = taskDefinition.map(ServiceSummary::mainContainer).orElse(Map.of());
            summaries.add(new ServiceSummary(
                    service.inputString("name"),
                    access(service, container),
                    String.valueOf(container.getOrDefault("image", "?")),
                    taskDefinition.map(t -> t.inputString("cpu") + "/" + t.inputString("memory")).orElse("?"),
                    tasks(plan, service),
                    capacity(service),
                    Boolean.TRUE.equals(service.input("enableExecuteCommand"))));
        }
        return summaries;
    }

    private static Map<String, Object> mainContainer(PlannedResource taskDefinition) {
        var containers = JsonParser.parseString(taskDefinition.inputString("containerDefinitions")).getAsJsonArray();
        for (var element : containers) {
            var container = element.getAsJsonObject();
            if (container.get("essential").getAsBoolean()) {
                var ports = container.has("portMappings") ? container.getAsJsonArray("portMappings") : null;
                var port = ports == null || ports.isEmpty() ? ""
                        : ports.get(0).getAsJsonObject().get("containerPort").getAsString();
                return Map.of("image", container.get("image").getAsString(), "port", port);
            }
        }
        return Map.of();
    }

    private static String access(PlannedResource service, Map<String, Object> container) {
        var port = String.valueOf(container.getOrDefault("port", ""));
        if (service.input("loadBalancers") != null) {
            return "public :" + port;
        }
        return port.isEmpty() ? "no inbound" : "internal :" + port;
    }

    private static String tasks(Plan plan, PlannedResource service) {
        var desired = String.valueOf(service.input("desiredCount"));
        return plan.find(r -> r.type().equals("aws:appautoscaling/target:Target")
                        && String.valueOf(r.input("resourceId")).endsWith("/" + service.inputString("name")))
                .map(t -> desired + " (" + t.input("minCapacity") + "-" + t.input("maxCapacity") + ")")
                .orElse(desired);
    }

    @SuppressWarnings("unchecked")
    private static String capacity(PlannedResource service) {
        var strategy = service.input("capacityProviderStrategies");
        if (!(strategy instanceof List<?> shares) || shares.isEmpty()) {
            return String.valueOf(service.input("launchType"));
        }
        var parts = new ArrayList<String>();
        for (var share : (List<Map<String, Object>>) shares) {
            var base = share.get("base");
            parts.add(share.get("capacityProvider") + " x" + share.get("weight")
                    + (base instanceof Number n && n.longValue() > 0 ? " base " + n : ""));
        }
        return String.join(", ", parts);
    }
}
