package com.tapstack.tooling.diagram;

import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scheduled tasks in the diagram: each task inside the cluster (its security group is its node, so the calls it
 * makes are drawn like a service's), and its EventBridge Scheduler schedule outside, with an arrow to the task.
 */
final class ScheduleNodes {

    static final String SCHEDULE = "aws:scheduler/schedule:Schedule";

    private ScheduleNodes() {
    }

    /** The scheduled tasks' nodes inside the cluster; records each task's security groups in {@code nodeByGroup}. */
    static List<String> tasks(Plan plan, Map<String, String> nodeByGroup) {
        var lines = new ArrayList<String>();
        for (var schedule : plan.byType(SCHEDULE)) {
            var task = taskDefinition(plan, schedule);
            var size = task.map(t -> t.input("cpu") + " CPU / " + t.input("memory") + " MiB").orElse("");
            var name = task.map(t -> t.inputString("family")).orElse(schedule.inputString("name"));
            lines.add("      " + taskNode(schedule) + "[\"" + name + "<br/>scheduled task, "
                    + size + "\"]");
            strings(schedule.inputAt("target.ecsParameters.networkConfiguration.securityGroups"))
                    .forEach(group -> nodeByGroup.put(group, taskNode(schedule)));
        }
        return lines;
    }

    /** Each schedule, outside the VPC, and what it runs. */
    static List<String> schedules(Plan plan) {
        var lines = new ArrayList<String>();
        for (var schedule : plan.byType(SCHEDULE)) {
            var node = MermaidDiagram.id("sched-" + schedule.name());
            var off = "DISABLED".equals(schedule.inputString("state")) ? ", disabled" : "";
            lines.add("  " + node + "([\"Schedule " + schedule.inputString("scheduleExpression") + "<br/>"
                    + schedule.inputString("scheduleExpressionTimezone") + off + "\"])");
            lines.add("  " + node + " -->|\"runs\"| " + taskNode(schedule));
        }
        return lines;
    }

    static String taskNode(PlannedResource schedule) {
        return MermaidDiagram.id("task-" + schedule.name());
    }

    static java.util.Optional<PlannedResource> taskDefinition(Plan plan, PlannedResource schedule) {
        var arn = String.valueOf(schedule.inputAt("target.ecsParameters.taskDefinitionArn"));
        return plan.find(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                && String.valueOf(r.output("arn")).equals(arn));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
