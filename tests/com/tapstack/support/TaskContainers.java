package com.tapstack.support;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.tapstack.tooling.offline.Plan;
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
}
