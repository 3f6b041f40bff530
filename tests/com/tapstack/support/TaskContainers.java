package com.tapstack.support;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.tapstack.tooling.offline.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The containers of a service's task definition in a plan, as ECS receives them (its containerDefinitions JSON). */
public final class TaskContainers {

    private TaskContainers() {
    }

    public static List<Map<String, Object>> of(Plan plan, String service) {
        var definition = plan.byType("aws:ecs/taskDefinition:TaskDefinition").stream()
                .filter(t -> t.name().endsWith(service + "-task-definition")).findFirst().orElseThrow();
        return new Gson().fromJson(definition.inputString("containerDefinitions"),
                new TypeToken<List<Map<String, Object>>>() { }.getType());
    }

    /** The container {@code name} of that task. */
    public static Map<String, Object> named(Plan plan, String service, String name) {
        return of(plan, service).stream().filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
    }

    /**
     * The log configuration a container of the fixtures' region (us-east-1) is expected to have: awslogs to
     * {@code group} under {@code prefix}, non-blocking with a 25 MiB buffer, so a slow CloudWatch never stalls it.
     */
    public static Map<String, Object> awslogs(String group, String prefix) {
        var options = new LinkedHashMap<String, Object>();
        options.put("awslogs-group", group);
        options.put("awslogs-region", "us-east-1");
        options.put("awslogs-stream-prefix", prefix);
        options.put("mode", "non-blocking");
        options.put("max-buffer-size", "25m");
        return Map.of("logDriver", "awslogs", "options", options);
    }
}
