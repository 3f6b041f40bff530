package com.tapstack.tooling.check.rules;


import static com.tapstack.tooling.check.CheckContext.TASK_DEFINITION;

import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.PolicyEvaluator;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** IAM policies and what roles can do (TAP3xx). */
public final class IamRules {

    /**
     * Whether AWS authorizes an action on no narrower resource than {@code *} (it has no resource types in the
     * Service Authorization Reference): {@code "*"} is then the only correct resource for it.
     */
    public static boolean starOnly(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0 || action.contains("*")) {
            return false;
        }
        var matched = com.tapstack.iam.ServiceReference.actions(action.substring(0, colon), action.substring(colon + 1));
        return matched.size() == 1 && matched.get(0).resourceTypes().isEmpty();
    }

    /** Resource policies: on a key policy "*" means the key itself. */
    static final Map<String, Boolean> RESOURCE_POLICY_TYPES = Map.of("aws:kms/key:Key", true,
            "aws:sns/topicPolicy:TopicPolicy", false, "aws:s3/bucketPolicy:BucketPolicy", false,
            "aws:sqs/queuePolicy:QueuePolicy", false, "aws:ecr/repositoryPolicy:RepositoryPolicy", false);
    /** AWS managed policies that grant actions on every resource of the account. */
    static final Pattern BROAD_MANAGED_POLICY = Pattern.compile(
            ".*:policy/(AdministratorAccess|PowerUserAccess|.*FullAccess|service-role/AmazonECSTaskExecutionRolePolicy)$");
    static final Pattern ECR_IMAGE = Pattern.compile(
            "^(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/([^@:]+)(:[^@]+)?(@.+)?$");
    static final List<String> POLICY_TYPES = List.of("aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy",
            "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy");

    private IamRules() {
    }

    public static List<Rule> rules() {
        return List.of(WILDCARD, STATEMENTS_EXIST, EXECUTION_ROLE_PULL, EXECUTION_ROLE_LOGS, EXECUTION_ROLE_SECRETS, BROAD_MANAGED,
                SHARED_ROLE);
    }

    static final Rule WILDCARD = Rule.of("TAP301", Severity.HIGH, "IAM statements name their actions and resources",
            "A * action or resource grants far more than the task needs (least privilege, Security Hub IAM.1/IAM.21).",
            (context, findings) -> {
                for (var type : POLICY_TYPES) {
                    for (var policy : context.all(type)) {
                        for (var statement : PolicyEvaluator.parse(String.valueOf(policy.input("policy")))) {
                            if (!statement.effect().equals("Allow")) {
                                continue;
                            }
                            for (var action : statement.actions()) {
                                if (action.equals("*") || action.endsWith(":*")) {
                                    findings.report(policy, "allows " + action + "; list the actions the service"
                                            + " calls, e.g. s3:GetObject");
                                }
                            }
                            var unscoped = statement.actions().stream()
                                    .filter(action -> !starOnly(action)).toList();
                            if (statement.resources().contains("*") && !unscoped.isEmpty()) {
                                findings.report(policy, "allows " + String.join(", ", unscoped) + " on every resource"
                                        + " (\"*\"); name the ARNs (only " + "ecr:GetAuthorizationToken and a few"
                                        + " others need \"*\")");
                            }
                        }
                    }
                }
            });

    static final Rule STATEMENTS_EXIST = Rule.of("TAP307", Severity.HIGH,
            "IAM statements name actions, resources and condition keys that exist",
            "IAM stores a policy with a misspelt action, an ARN no resource type of the action has or an unknown"
                    + " condition key; the task then fails at run time with AccessDenied (AWS Service Authorization"
                    + " Reference, as IAM Access Analyzer validates it).",
            (context, findings) -> {
                for (var type : POLICY_TYPES) {
                    for (var policy : context.all(type)) {
                        check(findings, policy, policy.inputString("policy"), false);
                    }
                }
                for (var role : context.all(CheckContext.ROLE)) {
                    check(findings, role, role.inputString("assumeRolePolicy"), false);
                    if (role.input("inlinePolicies") instanceof List<?> inline) {
                        inline.stream().filter(Map.class::isInstance).map(p -> String.valueOf(((Map<?, ?>) p)
                                .get("policy"))).forEach(json -> check(findings, role, json, false));
                    }
                }
                RESOURCE_POLICY_TYPES.forEach((type, itself) -> context.all(type).forEach(resource ->
                        check(findings, resource, resource.inputString("policy"), itself)));
            });

    private static void check(Rule.Sink findings, PlannedResource resource, String policyJson, boolean itself) {
        if (policyJson == null) {
            return;
        }
        for (var statement : PolicyEvaluator.parse(policyJson)) {
            if (statement.notResource()) {
                continue;
            }
            // A resource policy or trust policy names no Resource: it is the resource it is attached to.
            var ofItself = itself || statement.resources().isEmpty();
            com.tapstack.iam.StatementCheck.problems(statement.actions(), statement.resources(),
                    statement.conditionKeys(), ofItself).forEach(problem -> findings.report(resource, problem));
        }
    }

    static final Rule EXECUTION_ROLE_PULL = Rule.of("TAP302", Severity.CRITICAL,
            "The execution role can pull the task's ECR image",
            "Without ecr:GetAuthorizationToken and pull rights on the repository the task never starts.",
            (context, findings) -> forEachExecutionRole(context, (task, role, container) -> {
                var matcher = ECR_IMAGE.matcher(String.valueOf(container.get("image")));
                if (!matcher.matches()) {
                    return;
                }
                var repositoryArn = "arn:" + context.partition() + ":ecr:" + matcher.group(2) + ":" + matcher.group(1)
                        + ":repository/" + matcher.group(4);
                var statements = context.statementsOf(role);
                var canPull = PolicyEvaluator.allows(statements, "ecr:BatchGetImage", repositoryArn)
                        && PolicyEvaluator.allows(statements, "ecr:GetDownloadUrlForLayer", repositoryArn)
                        && PolicyEvaluator.allows(statements, "ecr:GetAuthorizationToken", "*");
                if (!canPull && !context.hasManagedPolicies(role)) {
                    findings.report(task, "execution role " + role.inputString("name") + " cannot pull "
                            + repositoryArn + "; allow ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on it and"
                            + " ecr:GetAuthorizationToken on *");
                }
            }));

    static final Rule EXECUTION_ROLE_LOGS = Rule.of("TAP303", Severity.HIGH,
            "The execution role can write the task's log group",
            "Without logs:CreateLogStream and logs:PutLogEvents on the group the task fails to start.",
            (context, findings) -> forEachExecutionRole(context, (task, role, container) -> {
                if (!(container.get("logConfiguration") instanceof Map<?, ?> log) || !"awslogs".equals(log.get("logDriver"))
                        || !(log.get("options") instanceof Map<?, ?> options) || options.get("awslogs-group") == null) {
                    return;
                }
                var group = String.valueOf(options.get("awslogs-group"));
                var stream = context.arn("logs", "log-group:" + group + ":log-stream:task");
                var statements = context.statementsOf(role);
                if (!(PolicyEvaluator.allows(statements, "logs:CreateLogStream", stream)
                        && PolicyEvaluator.allows(statements, "logs:PutLogEvents", stream))
                        && !context.hasManagedPolicies(role)) {
                    findings.report(task, "execution role " + role.inputString("name") + " cannot write log group "
                            + group + "; allow logs:CreateLogStream and logs:PutLogEvents on "
                            + context.arn("logs", "log-group:" + group + ":*"));
                }
            }));

    static final Rule EXECUTION_ROLE_SECRETS = Rule.of("TAP304", Severity.CRITICAL,
            "The execution role can read every secret the task references",
            "ECS reads secrets with the execution role when the task starts; a missing grant stops the task.",
            (context, findings) -> forEachExecutionRole(context, (task, role, container) -> {
                for (var secret : ComputeRules.maps(container.get("secrets"))) {
                    var valueFrom = String.valueOf(secret.get("valueFrom"));
                    if (!ComputeRules.wellFormedValueFrom(valueFrom)) {
                        continue;
                    }
                    var access = requiredAccess(context, valueFrom);
                    if (!PolicyEvaluator.allows(context.statementsOf(role), access[0], access[1])) {
                        findings.report(task, "execution role " + role.inputString("name") + " cannot read "
                                + secret.get("name") + "; allow " + access[0] + " on " + access[1]);
                    }
                }
            }));

    static final Rule BROAD_MANAGED = Rule.of("TAP305", Severity.HIGH, "No broad AWS managed policy on a role",
            "Managed policies such as AmazonECSTaskExecutionRolePolicy grant their actions on every resource.",
            (context, findings) -> context.all(CheckContext.ROLE).forEach(role -> {
                for (var arn : context.managedPoliciesOf(role)) {
                    if (BROAD_MANAGED_POLICY.matcher(arn).matches()) {
                        findings.report(role, "has " + arn + " attached, which grants on every resource; replace it"
                                + " with an inline policy naming the ARNs the role needs");
                    }
                }
            }));

    static final Rule SHARED_ROLE = Rule.of("TAP306", Severity.LOW, "Task and execution roles are separate",
            "One role for both gives the application the right to pull images and read every startup secret.",
            (context, findings) -> context.all(TASK_DEFINITION).forEach(task -> {
                var execution = task.input("executionRoleArn");
                if (execution != null && execution.equals(task.input("taskRoleArn"))) {
                    findings.report(task, "uses " + execution + " as both task and execution role; give the"
                            + " application its own task role");
                }
            }));

    /** The action and ARN a valueFrom needs: ssm:GetParameters on the parameter, or GetSecretValue on the secret. */
    static String[] requiredAccess(CheckContext context, String valueFrom) {
        if (valueFrom.startsWith("arn:") && valueFrom.contains(":secretsmanager:")) {
            var parts = valueFrom.split(":");
            var secretArn = String.join(":", java.util.Arrays.copyOfRange(parts, 0, Math.min(parts.length, 7)));
            return new String[] {"secretsmanager:GetSecretValue", secretArn};
        }
        var arn = valueFrom.startsWith("arn:") ? valueFrom
                : context.arn("ssm", "parameter/" + (valueFrom.startsWith("/") ? valueFrom.substring(1) : valueFrom));
        return new String[] {"ssm:GetParameters", arn};
    }

    /** Each task definition's containers with the execution role they start with, when it is in the plan. */
    static void forEachExecutionRole(CheckContext context, ContainerCheck check) {
        for (var task : context.all(TASK_DEFINITION)) {
            Optional<PlannedResource> role = context.roleByArn(task.input("executionRoleArn"));
            if (role.isEmpty()) {
                continue;
            }
            for (var container : context.containersOf(task)) {
                check.run(task, role.get(), container);
            }
        }
    }

    /** A check of one container of a task definition and its execution role. */
    @FunctionalInterface
    interface ContainerCheck {
        void run(PlannedResource task, PlannedResource role, Map<String, Object> container);
    }

}
