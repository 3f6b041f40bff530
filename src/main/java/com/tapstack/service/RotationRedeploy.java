package com.tapstack.service;

import com.google.gson.GsonBuilder;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.iam.Condition;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import com.tapstack.naming.NameLimit;
import com.tapstack.stack.StackScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a secret a service reads is rotated, the service's tasks still hold the old value: ECS reads secrets
 * only when a task starts. An EventBridge rule on the rotation of exactly those secrets starts a state machine
 * that forces a new deployment of exactly that service (a Step Functions SDK task, so there is no function code
 * to maintain). Each role may do one thing: the rule's start that state machine, the state machine's update
 * that service.
 */
public final class RotationRedeploy extends ComponentResource {

    public static final String TYPE = "tap:service:RotationRedeploy";

    public RotationRedeploy(String name, String service, Output<String> clusterArn, Output<String> serviceArn,
                            Output<List<String>> secretArns, StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var account = scope.account();

        var machineRole = new Role(name + "-machine", RoleArgs.builder()
                .name(scope.name(service + "-redeploy", NameLimit.IAM_ROLE))
                .description("Forces a new deployment of service " + service + " after a secret rotation")
                .assumeRolePolicy(account.applyValue(a -> PolicyDocument.trust(a.servicePrincipal("states"),
                        List.of(Condition.of("StringEquals", "aws:SourceAccount", a.accountId()))).toJson()))
                .tags(scope.tags())
                .build(), child);
        new RolePolicy(name + "-machine-policy", RolePolicyArgs.builder()
                .name("redeploy-service")
                .role(machineRole.id())
                .policy(serviceArn.applyValue(arn -> redeployPolicy(arn).toJson()))
                .build(), child);
        var machine = new StateMachine(name, StateMachineArgs.builder()
                .name(scope.name(service + "-redeploy", NameLimit.STATE_MACHINE))
                .type("STANDARD")
                .roleArn(machineRole.arn())
                .definition(Output.tuple(clusterArn, serviceArn).applyValue(t -> definition(t.t1, t.t2)))
                .tags(scope.tags())
                .build(), child);

        var rule = new EventRule(name + "-rule", EventRuleArgs.builder()
                .name(scope.name(service + "-secret-rotated", NameLimit.EVENT_RULE))
                .description("A secret of service " + service + " was rotated: start its new deployment")
                .eventPattern(secretArns.applyValue(RotationRedeploy::eventPattern))
                .tags(scope.tags())
                .build(), child);
        var eventsRole = new Role(name + "-events", RoleArgs.builder()
                .name(scope.name(service + "-rotation-events", NameLimit.IAM_ROLE))
                .description("Lets the rotation rule of service " + service + " start its redeploy state machine")
                .assumeRolePolicy(Output.tuple(account, rule.arn()).applyValue(t -> PolicyDocument.trust(
                        t.t1.servicePrincipal("events"), List.of(
                                Condition.of("StringEquals", "aws:SourceAccount", t.t1.accountId()),
                                Condition.of("ArnEquals", "aws:SourceArn", t.t2))).toJson()))
                .tags(scope.tags())
                .build(), child);
        var startPolicy = new RolePolicy(name + "-events-policy", RolePolicyArgs.builder()
                .name("start-redeploy")
                .role(eventsRole.id())
                .policy(machine.arn().applyValue(arn -> PolicyDocument.of(Statement.allow("StartRedeploy")
                        .actions("states:StartExecution").resources(arn).build()).toJson()))
                .build(), child);
        new EventTarget(name + "-target", EventTargetArgs.builder()
                .rule(rule.name())
                .targetId("redeploy")
                .arn(machine.arn())
                .roleArn(eventsRole.arn())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(startPolicy).build());
        registerOutputs(Map.of("stateMachineArn", machine.arn(), "ruleArn", rule.arn()));
    }

    /** Secrets Manager reports a finished rotation as a CloudTrail service event naming the secret. */
    public static String eventPattern(List<String> secretArns) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("eventSource", List.of("secretsmanager.amazonaws.com"));
        detail.put("eventName", List.of("RotationSucceeded"));
        detail.put("additionalEventData", Map.of("SecretId", List.copyOf(secretArns)));
        var pattern = new LinkedHashMap<String, Object>();
        pattern.put("source", List.of("aws.secretsmanager"));
        pattern.put("detail-type", List.of("AWS Service Event via CloudTrail"));
        pattern.put("detail", detail);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(pattern);
    }

    /** One task: UpdateService with forceNewDeployment, through the Step Functions AWS SDK integration. */
    public static String definition(String clusterArn, String serviceArn) {
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("Cluster", clusterArn);
        parameters.put("Service", serviceArn);
        parameters.put("ForceNewDeployment", true);
        var task = new LinkedHashMap<String, Object>();
        task.put("Type", "Task");
        task.put("Resource", "arn:" + clusterArn.split(":")[1] + ":states:::aws-sdk:ecs:updateService");
        task.put("Parameters", parameters);
        task.put("End", true);
        var machine = new LinkedHashMap<String, Object>();
        machine.put("Comment", "Start a new deployment so tasks read the rotated secret");
        machine.put("StartAt", "ForceNewDeployment");
        machine.put("States", Map.of("ForceNewDeployment", task));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(machine);
    }

    /** ecs:UpdateService on the one service. */
    static PolicyDocument redeployPolicy(String serviceArn) {
        return PolicyDocument.of(Statement.allow("RedeployService").actions("ecs:UpdateService")
                .resources(serviceArn).build());
    }
}
