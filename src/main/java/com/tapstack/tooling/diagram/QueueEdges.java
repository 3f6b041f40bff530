package com.tapstack.tooling.diagram;

import com.google.gson.JsonParser;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Queue workers in the diagram: each worker queue with its dead-letter queue, the producers that send to it and
 * the worker that receives from it, read from the containers' QUEUE_URL and {@code <WORKER>_QUEUE_URL}.
 */
final class QueueEdges {

    private final Plan plan;
    private final Function<PlannedResource, String> serviceNode;

    QueueEdges(Plan plan, Function<PlannedResource, String> serviceNode) {
        this.plan = plan;
        this.serviceNode = serviceNode;
    }

    void draw(List<String> lines) {
        for (var queue : plan.byType("aws:sqs/queue:Queue")) {
            var redrive = queue.inputString("redrivePolicy");
            if (redrive == null || queue.input("kmsMasterKeyId") == null) {
                continue;
            }
            var policy = JsonParser.parseString(redrive).getAsJsonObject();
            var node = MermaidDiagram.id("q-" + queue.name());
            var deadLetters = MermaidDiagram.id("dlq-" + queue.name());
            lines.add("  " + node + "[/\"SQS " + queue.input("name") + "\"/]");
            lines.add("  " + deadLetters + "[/\"DLQ " + policy.get("deadLetterTargetArn").getAsString()
                    .replaceAll(".*:", "") + "\"/]");
            lines.add("  " + node + " -.->|\"after " + policy.get("maxReceiveCount").getAsInt() + " receives\"| "
                    + deadLetters);
            lines.add("  kms -.->|encrypts| " + node);
            var url = String.valueOf(queue.output("url"));
            for (var starter : TaskStarters.of(plan, serviceNode)) {
                var task = starter.taskDefinition();
                if (task.isEmpty()) {
                    continue;
                }
                for (var variable : variables(task.get())) {
                    if (!url.equals(variable.get("value"))) {
                        continue;
                    }
                    if ("QUEUE_URL".equals(variable.get("name"))) {
                        lines.add("  " + node + " -->|receives| " + starter.node());
                    } else {
                        lines.add("  " + starter.node() + " -->|sends| " + node);
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variables(PlannedResource task) {
        var containers = new com.google.gson.Gson().fromJson(task.inputString("containerDefinitions"), List.class);
        return ((List<Map<String, Object>>) containers).stream()
                .flatMap(c -> c.get("environment") instanceof List<?> list
                        ? list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m)
                        : java.util.stream.Stream.empty())
                .toList();
    }
}
