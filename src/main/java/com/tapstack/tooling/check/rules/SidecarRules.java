package com.tapstack.tooling.check.rules;

import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Containers of one task that wait for each other or route each other's logs (TAP124-TAP125): what ECS cannot
 * start, and logs that would go nowhere. The loader refuses both for sidecars it writes; these rules catch a task
 * definition edited by hand or planned from elsewhere.
 */
public final class SidecarRules {

    private SidecarRules() {
    }

    public static List<Rule> rules() {
        return List.of(DEPENDENCIES_CAN_BE_MET, FIRELENS_ROUTER);
    }

    static final Rule DEPENDENCIES_CAN_BE_MET = Rule.of("TAP124", Severity.CRITICAL,
            "Container dependencies can be met",
            "ECS ContainerDependency: COMPLETE and SUCCESS \"can't be set on an essential container\", HEALTHY"
                    + " \"requires that the dependent container has health checks configured\"; a dependency on a"
                    + " container the task does not have is refused when the task definition is registered, and one"
                    + " never met keeps the task from starting.",
            (context, findings) -> context.all(CheckContext.TASK_DEFINITION).forEach(task -> {
                var byName = new HashMap<String, Map<String, Object>>();
                var containers = context.containersOf(task);
                containers.forEach(c -> byName.put(String.valueOf(c.get("name")), c));
                for (var container : containers) {
                    for (var dependency : ComputeRules.maps(container.get("dependsOn"))) {
                        var name = String.valueOf(dependency.get("containerName"));
                        var condition = String.valueOf(dependency.get("condition"));
                        var target = byName.get(name);
                        var who = "container " + container.get("name") + " depends on " + name + " (" + condition + ")";
                        if (target == null) {
                            findings.report(task, who + ", which the task does not have; name one of its containers");
                        } else if ((condition.equals("COMPLETE") || condition.equals("SUCCESS"))
                                && Boolean.TRUE.equals(target.get("essential"))) {
                            findings.report(task, who + ", which is essential and so never may exit; use START or"
                                    + " HEALTHY, or make " + name + " not essential");
                        } else if (condition.equals("HEALTHY") && !(target.get("healthCheck") instanceof Map)) {
                            findings.report(task, who + ", which has no healthCheck; give it one or use START");
                        }
                    }
                }
            }));

    static final Rule FIRELENS_ROUTER = Rule.of("TAP125", Severity.HIGH,
            "Logs sent to FireLens have an essential router",
            "A container with the awsfirelens log driver needs a container with a firelensConfiguration in its task"
                    + " (ECS refuses the task definition otherwise); a router that is not essential can stop while"
                    + " the task runs on, and every log line after is lost.",
            (context, findings) -> context.all(CheckContext.TASK_DEFINITION).forEach(task -> {
                var containers = context.containersOf(task);
                var senders = containers.stream().filter(c -> c.get("logConfiguration") instanceof Map<?, ?> log
                        && "awsfirelens".equals(log.get("logDriver"))).map(c -> String.valueOf(c.get("name"))).toList();
                if (senders.isEmpty()) {
                    return;
                }
                var routers = containers.stream().filter(c -> c.get("firelensConfiguration") instanceof Map).toList();
                if (routers.isEmpty()) {
                    findings.report(task, "containers " + String.join(", ", senders) + " log with awsfirelens, but no"
                            + " container has a firelensConfiguration; add a log router (kind: firelens)");
                }
                for (var router : routers) {
                    if (!Boolean.TRUE.equals(router.get("essential"))) {
                        findings.report(task, "log router " + router.get("name") + " is not essential, so the task"
                                + " runs on without it and loses the logs of " + String.join(", ", senders)
                                + "; make it essential");
                    }
                }
            }));
}
