package com.tapstack.tooling.diagram;

import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What starts tasks, as the diagram draws it: each ECS service (its node) and each scheduled task (its node inside
 * the cluster), with the task definition it runs; edges a task's definition implies (EFS mounts, queue URLs) start
 * from these nodes.
 */
record TaskStarters(String node, Optional<PlannedResource> taskDefinition) {

    static List<TaskStarters> of(Plan plan, Function<PlannedResource, String> serviceNode) {
        var starters = new ArrayList<TaskStarters>();
        for (var service : plan.byType("aws:ecs/service:Service")) {
            starters.add(new TaskStarters(serviceNode.apply(service), plan.find(r ->
                    r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                            && String.valueOf(r.output("arn")).equals(service.inputString("taskDefinition")))));
        }
        for (var schedule : plan.byType(ScheduleNodes.SCHEDULE)) {
            starters.add(new TaskStarters(ScheduleNodes.taskNode(schedule), ScheduleNodes.taskDefinition(plan,
                    schedule)));
        }
        return starters;
    }
}
