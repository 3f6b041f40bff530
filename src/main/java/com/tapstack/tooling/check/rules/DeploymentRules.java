package com.tapstack.tooling.check.rules;

import static com.tapstack.tooling.check.CheckContext.ECS_SERVICE;

import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ECS deployments that the plan shows will fail, stall or roll back later, although every resource is valid on
 * its own (TAP118-TAP123): strategy changes, ECS Exec on a read-only root, tasks started before their network,
 * platform versions, rollback signals and helper containers running as root with every capability.
 */
public final class DeploymentRules {

    /** Docker's default capabilities, which a container keeps unless it drops them. */
    static final int DEFAULT_CAPABILITY_COUNT = 14;

    private DeploymentRules() {
    }

    public static List<Rule> rules() {
        return List.of(STRATEGY_UPDATES_IN_PLACE, EXEC_NEEDS_WRITABLE_ROOT, WAITS_FOR_FIRST_START, PLATFORM_VERSION,
                ROLLS_BACK_ON_NEW_REVISION, ROOT_CONTAINERS_DROP_CAPABILITIES);
    }

    static final Rule STRATEGY_UPDATES_IN_PLACE = Rule.of("TAP118", Severity.HIGH,
            "Capacity strategy changes update services in place",
            "Without forceNewDeployment, a changed capacity provider strategy replaces the service (pulumi-aws 6.x,"
                    + " terraform-provider-aws v5) and the new service collides on the old one's name.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                if (!ComputeRules.maps(service.input("capacityProviderStrategies")).isEmpty()
                        && !Boolean.TRUE.equals(service.input("forceNewDeployment"))) {
                    findings.report(service, "has a capacity provider strategy but forceNewDeployment is not true, so"
                            + " changing " + context.key("spotWeight") + " or " + context.key("onDemandBase")
                            + " would replace it; set forceNewDeployment");
                }
            }));

    static final Rule EXEC_NEEDS_WRITABLE_ROOT = Rule.of("TAP119", Severity.HIGH,
            "ECS Exec runs on a writable root filesystem",
            "AWS does not support ECS Exec with a read-only root filesystem: its agent writes to the container's"
                    + " filesystem, so execute-command fails on such a task.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                if (!Boolean.TRUE.equals(service.input("enableExecuteCommand"))) {
                    return;
                }
                for (var container : context.taskDefinitionOf(service).map(context::containersOf).orElse(List.of())) {
                    if (Boolean.TRUE.equals(container.get("essential"))
                            && Boolean.TRUE.equals(container.get("readonlyRootFilesystem"))) {
                        findings.report(service, "has ECS Exec on, but container " + container.get("name")
                                + " has a read-only root filesystem; turn exec off or set readonlyRootFilesystem:"
                                + " false for this service");
                    }
                }
            }));

    static final Rule WAITS_FOR_FIRST_START = Rule.of("TAP120", Severity.HIGH,
            "Services wait for what their first tasks need",
            "Tasks started before their subnet's routes, the VPC endpoints, their security group rules or the"
                    + " database's instances fail to pull, log or connect, and a first deployment has nothing to roll"
                    + " back to.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                var missing = new ArrayList<String>();
                for (var needed : FirstStart.needs(context, service)) {
                    if (!service.dependencies().contains(needed.urn())) {
                        missing.add(needed.name());
                    }
                }
                if (!missing.isEmpty()) {
                    findings.report(service, "may start tasks before " + String.join(", ", shortList(missing))
                            + " exist; make it depend on them (dependsOn)");
                }
            }));

    static final Rule PLATFORM_VERSION = Rule.of("TAP121", Severity.HIGH, "Fargate runs platform 1.4.0 or later",
            "Older Linux platforms pull ECR images only through the internet or other endpoints, have no ARM64 and"
                    + " no Fargate Spot for ARM64; LATEST is 1.4.0.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                var version = service.inputString("platformVersion");
                if (version != null && !version.equals("LATEST") && older(version, "1.4.0")) {
                    findings.report(service, "runs Fargate platform " + version + "; use LATEST (1.4.0)");
                }
            }));

    static final Rule ROLLS_BACK_ON_NEW_REVISION = Rule.of("TAP122", Severity.MEDIUM,
            "Deployments roll back only on signals of the new revision",
            "CPU and memory are service-wide averages that sit near the autoscaling target under load; a rollback"
                    + " on them undoes healthy releases whenever traffic is high.",
            (context, findings) -> context.all(ECS_SERVICE).forEach(service -> {
                var alarms = service.input("alarms");
                if (!(alarms instanceof Map<?, ?> config) || !Boolean.TRUE.equals(config.get("rollback"))
                        || !Boolean.TRUE.equals(config.get("enable"))) {
                    return;
                }
                var names = new java.util.HashSet<>(ComputeRules.strings(config.get("alarmNames")));
                context.all("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                        .filter(alarm -> names.contains(alarm.inputString("name")))
                        .filter(alarm -> "AWS/ECS".equals(alarm.input("namespace"))
                                && Set.of("CPUUtilization", "MemoryUtilization").contains(alarm.inputString("metricName")))
                        .forEach(alarm -> findings.report(service, "rolls back on " + alarm.input("name") + " ("
                                + alarm.input("metricName") + "); roll back on its target group's 5xx and unhealthy"
                                + " targets and let CPU and memory notify"));
            }));

    static final Rule ROOT_CONTAINERS_DROP_CAPABILITIES = Rule.of("TAP123", Severity.MEDIUM,
            "Containers that run as root drop the capabilities they do not need",
            "A root container keeps Docker's 14 default capabilities (setuid, raw sockets, ...) unless it drops them;"
                    + " a helper that only changes ownership needs CHOWN and DAC_OVERRIDE.",
            (context, findings) -> context.all(CheckContext.TASK_DEFINITION).forEach(task -> {
                for (var container : context.containersOf(task)) {
                    var user = String.valueOf(container.get("user"));
                    if (!(user.equals("0") || user.startsWith("0:") || user.equals("root") || user.startsWith("root:"))) {
                        continue;
                    }
                    var dropped = container.get("linuxParameters") instanceof Map<?, ?> linux
                            && linux.get("capabilities") instanceof Map<?, ?> capabilities
                            ? ComputeRules.strings(capabilities.get("drop")) : List.<String>of();
                    if (dropped.isEmpty()) {
                        findings.report(task, "container " + container.get("name") + " runs as root with all "
                                + DEFAULT_CAPABILITY_COUNT + " default capabilities; drop those it does not need"
                                + " (linuxParameters.capabilities.drop)");
                    }
                }
            }));

    /** At most five names, then how many more. */
    private static List<String> shortList(List<String> names) {
        var unique = List.copyOf(new LinkedHashSet<>(names));
        if (unique.size() <= 5) {
            return unique;
        }
        var result = new ArrayList<>(unique.subList(0, 5));
        result.add("and " + (unique.size() - 5) + " more");
        return result;
    }

    /** Whether dotted version {@code a} is older than {@code b}; anything unreadable counts as older. */
    static boolean older(String a, String b) {
        var left = a.split("\\.");
        var right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l;
            try {
                l = i < left.length ? Integer.parseInt(left[i]) : 0;
            } catch (NumberFormatException e) {
                return true;
            }
            int r = i < right.length ? Integer.parseInt(right[i]) : 0;
            if (l != r) {
                return l < r;
            }
        }
        return false;
    }

    /** What a service's tasks need at their first start, as resources of the plan. */
    static final class FirstStart {
        private FirstStart() {
        }

        static List<PlannedResource> needs(CheckContext context, PlannedResource service) {
            var needs = new ArrayList<PlannedResource>();
            var subnets = ComputeRules.strings(service.inputAt("networkConfiguration.subnets"));
            var groups = new java.util.HashSet<>(ComputeRules.strings(service.inputAt("networkConfiguration.securityGroups")));
            var tables = new LinkedHashSet<String>();
            for (var association : context.all("aws:ec2/routeTableAssociation:RouteTableAssociation")) {
                if (subnets.contains(association.inputString("subnetId"))) {
                    needs.add(association);
                    tables.add(association.inputString("routeTableId"));
                }
            }
            for (var route : context.all("aws:ec2/route:Route")) {
                if (tables.contains(route.inputString("routeTableId"))) {
                    needs.add(route);
                }
            }
            var vpcs = new LinkedHashSet<String>();
            subnets.forEach(id -> context.resolve(id).map(s -> s.inputString("vpcId")).ifPresent(vpcs::add));
            for (var endpoint : context.all("aws:ec2/vpcEndpoint:VpcEndpoint")) {
                if (vpcs.contains(endpoint.inputString("vpcId"))) {
                    needs.add(endpoint);
                }
            }
            var reachedGroups = new LinkedHashSet<String>();
            for (var type : List.of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")) {
                for (var rule : context.all(type)) {
                    if (groups.contains(rule.inputString("securityGroupId"))
                            || groups.contains(rule.inputString("referencedSecurityGroupId"))) {
                        needs.add(rule);
                        if (groups.contains(rule.inputString("referencedSecurityGroupId"))) {
                            reachedGroups.add(rule.inputString("securityGroupId"));
                        }
                    }
                }
            }
            needs.addAll(databasesBehind(context, reachedGroups));
            return needs;
        }

        /** The database instances (and Aurora clusters) behind security groups that admit the service. */
        private static List<PlannedResource> databasesBehind(CheckContext context, Set<String> groups) {
            var result = new ArrayList<PlannedResource>();
            var clusters = new LinkedHashSet<String>();
            for (var type : List.of("aws:rds/cluster:Cluster", "aws:rds/instance:Instance")) {
                for (var database : context.all(type)) {
                    if (ComputeRules.strings(database.input("vpcSecurityGroupIds")).stream().anyMatch(groups::contains)) {
                        result.add(database);
                        if (database.inputString("clusterIdentifier") != null) {
                            clusters.add(database.inputString("clusterIdentifier"));
                        }
                    }
                }
            }
            for (var instance : context.all("aws:rds/clusterInstance:ClusterInstance")) {
                var cluster = instance.inputString("clusterIdentifier");
                if (clusters.contains(cluster)) {
                    result.add(instance);
                }
            }
            return result;
        }
    }
}
