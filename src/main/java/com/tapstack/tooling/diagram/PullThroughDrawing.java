package com.tapstack.tooling.diagram;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.tapstack.tooling.offline.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pull through cache between the public registries and the services: per rule the upstream registry, the
 * cache under its prefix (fetched by ECR, encrypted with the key) and the services whose images come from it.
 */
final class PullThroughDrawing {

    private PullThroughDrawing() {
    }

    static List<String> lines(Plan plan) {
        var lines = new ArrayList<String>();
        for (var rule : plan.byType("aws:ecr/pullThroughCacheRule:PullThroughCacheRule")) {
            var prefix = rule.inputString("ecrRepositoryPrefix");
            var upstream = rule.inputString("upstreamRegistryUrl");
            var cache = MermaidDiagram.id("cache-" + prefix);
            var registry = MermaidDiagram.id("upstream-" + upstream);
            lines.add("  " + registry + "([\"" + upstream + "\"])");
            lines.add("  " + cache + "[(\"ECR pull through cache<br/>" + prefix + "/\")]");
            lines.add("  " + registry + " -->|\"first pull, by ECR\"| " + cache);
            if (!plan.byType("aws:kms/key:Key").isEmpty()) {
                lines.add("  kms -.->|encrypts| " + cache);
            }
            for (var service : plan.byType("aws:ecs/service:Service")) {
                var task = plan.find(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                        && String.valueOf(r.output("arn")).equals(service.inputString("taskDefinition")));
                List<Map<String, Object>> containers = task.map(t -> new Gson().<List<Map<String, Object>>>fromJson(
                        t.inputString("containerDefinitions"), new TypeToken<List<Map<String, Object>>>() { }.getType()))
                        .orElse(List.of());
                if (containers.stream().anyMatch(c -> String.valueOf(c.get("image")).contains("/" + prefix + "/"))) {
                    lines.add("  " + cache + " -->|image| " + MermaidDiagram.id("svc-" + service.name()));
                }
            }
        }
        return lines;
    }
}
