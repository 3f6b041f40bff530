package com.tapstack.tooling.check;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan with the lookups rules need, built once: resources by type and by ARN or id, each role's policy
 * statements, each task definition's containers, each subnet's routes. Rules only read it.
 *
 * @param protectedEnvironment whether the stack declares itself protected ({@code tap:protect}): the one fact a
 *                             rule needs that is a declaration of intent rather than a resource input
 */
public final class CheckContext {

    public static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    public static final String ECS_SERVICE = "aws:ecs/service:Service";
    public static final String ROLE = "aws:iam/role:Role";
    public static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    public static final String ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public static final String MANAGED_POLICY = "aws:iam/policy:Policy";

    private final Plan plan;
    private final boolean protectedEnvironment;
    private final Map<String, List<PlannedResource>> byType = new HashMap<>();
    private final Map<String, PlannedResource> byReference = new HashMap<>();
    private final Map<String, List<PolicyEvaluator.Statement>> roleStatements = new HashMap<>();
    private final Map<String, List<String>> roleManagedPolicies = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> containers = new HashMap<>();
    private final Map<String, String> routeTableOfSubnet = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> routesOfTable = new HashMap<>();

    public CheckContext(Plan plan, boolean protectedEnvironment) {
        this.plan = plan;
        this.protectedEnvironment = protectedEnvironment;
        for (var resource : plan.resources()) {
            byType.computeIfAbsent(resource.type(), k -> new ArrayList<>()).add(resource);
            resource.id().ifPresent(id -> byReference.putIfAbsent(id, resource));
            // First come, first kept: a resource is registered before the ones that reference it, and some
            // of those echo the ARN they point at as their own (an SNS topic policy's arn is the topic's).
            // Components are skipped: they re-export their children's ARNs.
            var arn = resource.output("arn");
            if (resource.custom() && arn instanceof String text) {
                byReference.putIfAbsent(text, resource);
            }
        }
        indexPolicies();
        indexContainers();
        indexRoutes();
    }

    public Plan plan() {
        return plan;
    }

    public boolean protectedEnvironment() {
        return protectedEnvironment;
    }

    public List<PlannedResource> all(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** The resource of the plan with this ARN or id. */
    public Optional<PlannedResource> resolve(Object reference) {
        return reference == null ? Optional.empty() : Optional.ofNullable(byReference.get(String.valueOf(reference)));
    }

    /** A config key as the stack file spells it: {@code <project>:<key>}. */
    public String key(String key) {
        return plan.project() + ":" + key;
    }

    public String region() {
        return plan.account().region();
    }

    public String accountId() {
        return plan.account().accountId();
    }

    public String partition() {
        return plan.account().partition();
    }

    public String arn(String service, String resource) {
        return plan.account().arn(service, resource);
    }

    /** Statements of every policy on a role: inline, separate role policies, and customer managed policies. */
    public List<PolicyEvaluator.Statement> statementsOfRole(String roleName) {
        return roleStatements.getOrDefault(roleName, List.of());
    }

    /** ARNs of AWS managed policies attached to a role (their contents are not in the plan). */
    public List<String> managedPoliciesOfRole(String roleName) {
        return roleManagedPolicies.getOrDefault(roleName, List.of());
    }

    /** Statements of every policy on a role resource of the plan. */
    public List<PolicyEvaluator.Statement> statementsOf(PlannedResource role) {
        return statementsOfRole(roleName(role));
    }

    /** AWS managed policies attached to a role resource of the plan. */
    public List<String> managedPoliciesOf(PlannedResource role) {
        return managedPoliciesOfRole(roleName(role));
    }

    /** Whether the role has managed policies whose contents this check cannot see. */
    public boolean hasManagedPolicies(PlannedResource role) {
        return !managedPoliciesOf(role).isEmpty();
    }

    private static String roleName(PlannedResource role) {
        return role.inputString("name") != null ? role.inputString("name") : role.id().orElse(role.name());
    }

    /** The role a task definition names by ARN, e.g. its execution role. */
    public Optional<PlannedResource> roleByArn(Object arn) {
        return resolve(arn).filter(r -> r.type().equals(ROLE));
    }

    /** The container definitions of a task definition, parsed. */
    public List<Map<String, Object>> containersOf(PlannedResource taskDefinition) {
        return containers.getOrDefault(taskDefinition.urn(), List.of());
    }

    /** The ECS services that run a task definition. */
    public List<PlannedResource> servicesOf(PlannedResource taskDefinition) {
        var arn = taskDefinition.output("arn");
        return all(ECS_SERVICE).stream().filter(service -> arn != null && arn.equals(service.input("taskDefinition")))
                .toList();
    }

    /**
     * What starts tasks in the plan, and where: each ECS service, and each EventBridge Scheduler schedule that runs a
     * task (its RunTask parameters). A rule about the tasks' network reads these rather than the services alone.
     *
     * @param launcher             the service or schedule, which findings name
     * @param taskDefinition       the task definition it starts
     * @param networkConfiguration subnets, security groups, assignPublicIp
     * @param exec                 its tasks run with ECS Exec
     * @param cluster              the cluster it starts them in (a reference: id or ARN)
     */
    public record TaskLauncher(PlannedResource launcher, Optional<PlannedResource> taskDefinition,
                               Map<?, ?> networkConfiguration, boolean exec, Object cluster) {

        /** The subnets the tasks run in, unless they get a public IP (then they need no private path). */
        public List<String> privateSubnets() {
            if (Boolean.TRUE.equals(networkConfiguration.get("assignPublicIp"))
                    || !(networkConfiguration.get("subnets") instanceof List<?> subnets)) {
                return List.of();
            }
            return subnets.stream().map(String::valueOf).toList();
        }
    }

    public List<TaskLauncher> taskLaunchers() {
        var launchers = new ArrayList<TaskLauncher>();
        for (var service : all(ECS_SERVICE)) {
            launchers.add(new TaskLauncher(service, taskDefinitionOf(service),
                    service.inputAt("networkConfiguration") instanceof Map<?, ?> network ? network : Map.of(),
                    Boolean.TRUE.equals(service.input("enableExecuteCommand")), service.input("cluster")));
        }
        for (var schedule : all("aws:scheduler/schedule:Schedule")) {
            if (schedule.inputAt("target.ecsParameters") instanceof Map<?, ?> ecs) {
                launchers.add(new TaskLauncher(schedule, resolve(ecs.get("taskDefinitionArn"))
                        .filter(r -> r.type().equals(TASK_DEFINITION)),
                        ecs.get("networkConfiguration") instanceof Map<?, ?> network ? network : Map.of(),
                        Boolean.TRUE.equals(ecs.get("enableExecuteCommand")), schedule.inputAt("target.arn")));
            }
        }
        return launchers;
    }

    public Optional<PlannedResource> taskDefinitionOf(PlannedResource service) {
        return resolve(service.input("taskDefinition")).filter(r -> r.type().equals(TASK_DEFINITION));
    }

    /** The id of the route table a subnet is associated with, if any. */
    public Optional<String> routeTableOfSubnet(String subnetId) {
        return Optional.ofNullable(routeTableOfSubnet.get(subnetId));
    }

    /** The default (0.0.0.0/0) route of the subnet's route table, if any. */
    public Optional<Map<String, Object>> defaultRouteOfSubnet(String subnetId) {
        var table = routeTableOfSubnet.get(subnetId);
        if (table == null) {
            return Optional.empty();
        }
        return routesOfTable.getOrDefault(table, List.of()).stream()
                .filter(route -> "0.0.0.0/0".equals(route.get("destinationCidrBlock")))
                .findFirst();
    }

    private void indexPolicies() {
        for (var role : all(ROLE)) {
            var name = roleName(role);
            var inline = role.input("inlinePolicies");
            if (inline instanceof List<?> policies) {
                for (var policy : policies) {
                    if (policy instanceof Map<?, ?> map && map.get("policy") instanceof String json) {
                        addStatements(name, json);
                    }
                }
            }
            var managed = role.input("managedPolicyArns");
            if (managed instanceof List<?> arns) {
                arns.forEach(arn -> attach(name, String.valueOf(arn)));
            }
        }
        for (var policy : all(ROLE_POLICY)) {
            addStatements(policy.inputString("role"), policy.inputString("policy"));
        }
        for (var attachment : all(ROLE_POLICY_ATTACHMENT)) {
            attach(attachment.inputString("role"), attachment.inputString("policyArn"));
        }
    }

    private void attach(String roleName, String policyArn) {
        var customer = resolve(policyArn).filter(r -> r.type().equals(MANAGED_POLICY));
        if (customer.isPresent()) {
            addStatements(roleName, customer.get().inputString("policy"));
        } else {
            roleManagedPolicies.computeIfAbsent(roleName, k -> new ArrayList<>()).add(policyArn);
        }
    }

    private void addStatements(String roleName, String policyJson) {
        if (roleName != null && policyJson != null) {
            roleStatements.computeIfAbsent(roleName, k -> new ArrayList<>()).addAll(PolicyEvaluator.parse(policyJson));
        }
    }

    private void indexContainers() {
        var type = new TypeToken<List<Map<String, Object>>>() { }.getType();
        var gson = new Gson();
        for (var taskDefinition : all(TASK_DEFINITION)) {
            var json = taskDefinition.inputString("containerDefinitions");
            try {
                List<Map<String, Object>> parsed = json == null ? List.of()
                        : gson.fromJson(JsonParser.parseString(json), type);
                containers.put(taskDefinition.urn(), parsed == null ? List.of() : parsed);
            } catch (RuntimeException e) {
                containers.put(taskDefinition.urn(), List.of());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void indexRoutes() {
        for (var association : all("aws:ec2/routeTableAssociation:RouteTableAssociation")) {
            if (association.inputString("subnetId") != null) {
                routeTableOfSubnet.put(association.inputString("subnetId"), association.inputString("routeTableId"));
            }
        }
        for (var table : all("aws:ec2/routeTable:RouteTable")) {
            var id = table.id().orElse("");
            if (table.input("routes") instanceof List<?> inline) {
                inline.forEach(route -> routesOfTable.computeIfAbsent(id, k -> new ArrayList<>())
                        .add((Map<String, Object>) route));
            }
        }
        for (var route : all("aws:ec2/route:Route")) {
            routesOfTable.computeIfAbsent(route.inputString("routeTableId"), k -> new ArrayList<>()).add(route.inputs());
        }
    }
}
