package com.tapstack.service;

import com.google.gson.GsonBuilder;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetDeadLetterConfigArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetRetryPolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.iam.Condition;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a secret a service reads is rotated, the service's tasks still hold the old value: ECS reads secrets
 * only when a task starts. An EventBridge rule on the rotation of exactly those secrets starts a state machine
 * that forces a new deployment of exactly that service (a Step Functions SDK task, so there is no function code
 * to maintain). Each role may do one thing: the rule's start that state machine, the state machine's update
 * that service.
 *
 * <p>The rotation event is a CloudTrail service event: EventBridge receives it only where a CloudTrail trail
 * logs management events in the region ("To record events with one of the CloudTrail detail-type values, you
 * must enable a CloudTrail trail with logging", EventBridge user guide, eb-service-event-cloudtrail). A start that
 * EventBridge cannot deliver after its retries (or at once, for missing permissions) lands in a dead-letter queue;
 * an execution that starts and then fails is counted by Step Functions' ExecutionsFailed. Both have an alarm. A
 * missed redeploy leaves the tasks on the old value until their next deployment: for the RDS-managed password that
 * means failed database logins once the old password stops working.
 */
public final class RotationRedeploy extends ComponentResource {

    public static final String TYPE = "tap:service:RotationRedeploy";

    /** How long EventBridge keeps retrying a start it could not deliver, and how often (its defaults, stated). */
    public static final int RETRY_SECONDS = 24 * 60 * 60;
    public static final int RETRY_ATTEMPTS = 185;
    /** Dead letters are kept as long as SQS allows, so a missed redeploy can still be found and replayed. */
    public static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 60 * 60;

    /** @param alarmTopicArn where the dead-letter and failed-execution alarms notify, with tap:alarms */
    public RotationRedeploy(String name, String service, Output<String> clusterArn, Output<String> serviceArn,
                            Output<List<String>> secretArns, Optional<Output<String>> alarmTopicArn, StackScope scope,
                            ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var account = scope.account();

        var machineRole = new Role(name + "-machine", RoleArgs.builder()
                .name(scope.name(service + "-redeploy", NameLimit.IAM_ROLE))
                .description("Forces a new deployment of service " + service + " after a secret rotation")
                .assumeRolePolicy(account.applyValue(a -> PolicyDocument.trust(a.servicePrincipal("states"),
                        List.of(Condition.of("StringEquals", "aws:SourceAccount", a.accountId()))).toJson()))
                .tags(scope.commonTags())
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
                .tags(scope.commonTags())
                .build(), child);

        var rule = new EventRule(name + "-rule", EventRuleArgs.builder()
                .name(scope.name(service + "-secret-rotated", NameLimit.EVENT_RULE))
                .description("A secret of service " + service + " was rotated: start its new deployment")
                .eventPattern(secretArns.applyValue(RotationRedeploy::eventPattern))
                .tags(scope.commonTags())
                .build(), child);
        var eventsRole = new Role(name + "-events", RoleArgs.builder()
                .name(scope.name(service + "-rotation-events", NameLimit.IAM_ROLE))
                .description("Lets the rotation rule of service " + service + " start its redeploy state machine")
                .assumeRolePolicy(Output.tuple(account, rule.arn()).applyValue(t -> PolicyDocument.trust(
                        t.t1.servicePrincipal("events"), List.of(
                                Condition.of("StringEquals", "aws:SourceAccount", t.t1.accountId()),
                                Condition.of("ArnEquals", "aws:SourceArn", t.t2))).toJson()))
                .tags(scope.commonTags())
                .build(), child);
        var startPolicy = new RolePolicy(name + "-events-policy", RolePolicyArgs.builder()
                .name("start-redeploy")
                .role(eventsRole.id())
                .policy(machine.arn().applyValue(arn -> PolicyDocument.of(Statement.allow("StartRedeploy")
                        .actions("states:StartExecution").resources(arn).build()).toJson()))
                .build(), child);
        // A standard queue in the rule's region; SQS-managed encryption, because EventBridge cannot write to a queue
        // encrypted with the aws/sqs key and a customer key would need an EventBridge grant (eb-rule-dlq). The
        // messages hold only the rotation event.
        var deadLetters = new Queue(name + "-dead-letters", QueueArgs.builder()
                .name(scope.name(service + "-rotation-dead-letters", NameLimit.SQS_QUEUE))
                .sqsManagedSseEnabled(true)
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS)
                .tags(scope.commonTags())
                .build(), child);
        var deadLetterPolicy = new QueuePolicy(name + "-dead-letters-policy", QueuePolicyArgs.builder()
                .queueUrl(deadLetters.url())
                .policy(Output.tuple(account, deadLetters.arn(), rule.arn()).applyValue(t ->
                        deadLetterPolicy(t.t1, t.t2, t.t3).toJson()))
                .build(), child);
        new EventTarget(name + "-target", EventTargetArgs.builder()
                .rule(rule.name())
                .targetId("redeploy")
                .arn(machine.arn())
                .roleArn(eventsRole.arn())
                .retryPolicy(EventTargetRetryPolicyArgs.builder()
                        .maximumEventAgeInSeconds(RETRY_SECONDS).maximumRetryAttempts(RETRY_ATTEMPTS).build())
                .deadLetterConfig(EventTargetDeadLetterConfigArgs.builder().arn(deadLetters.arn()).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(startPolicy, deadLetterPolicy).build());

        var actions = alarmTopicArn.map(arn -> arn.applyValue(List::of)).orElse(Output.of(List.of()));
        alarm(name + "-missed", service + "-rotation-redeploy-missed", "A rotation of a secret of " + service
                + " did not start its redeploy: the event is in the dead-letter queue; redeploy the service (aws ecs"
                + " update-service --force-new-deployment)", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum",
                deadLetters.name().applyValue(queue -> Map.of("QueueName", queue)), actions, scope, child);
        alarm(name + "-failed", service + "-rotation-redeploy-failed", "The redeploy of " + service + " after a"
                + " secret rotation failed; its tasks still hold the old value: see the state machine's execution, then"
                + " redeploy the service", "AWS/States", "ExecutionsFailed", "Sum",
                machine.arn().applyValue(arn -> Map.of("StateMachineArn", arn)), actions, scope, child);
        registerOutputs(Map.of("stateMachineArn", machine.arn(), "ruleArn", rule.arn(),
                "deadLetterQueueArn", deadLetters.arn()));
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

    /** Any data point above zero in five minutes: something was missed and someone must redeploy. */
    private static void alarm(String logicalName, String part, String description, String namespace, String metric,
                              String statistic, Output<Map<String, String>> dimensions, Output<List<String>> actions,
                              StackScope scope, CustomResourceOptions options) {
        new MetricAlarm(logicalName, MetricAlarmArgs.builder()
                .name(scope.name(part, NameLimit.CLOUDWATCH))
                .alarmDescription(description)
                .namespace(namespace).metricName(metric).statistic(statistic)
                .period(300).evaluationPeriods(1).threshold(0.0).comparisonOperator("GreaterThanThreshold")
                .dimensions(dimensions)
                .treatMissingData("notBreaching")
                .alarmActions(actions)
                .okActions(actions)
                .tags(scope.commonTags())
                .build(), options);
    }

    /** EventBridge may send this rule's undeliverable events to the queue, and only this rule's. */
    static PolicyDocument deadLetterPolicy(com.tapstack.aws.AwsAccount account, String queueArn, String ruleArn) {
        return PolicyDocument.of(Statement.allow("RuleDeadLetters").principal("Service", account.servicePrincipal("events"))
                .actions("sqs:SendMessage").resources(queueArn)
                .condition("ArnEquals", "aws:SourceArn", ruleArn)
                .build());
    }

    /** ecs:UpdateService on the one service. */
    static PolicyDocument redeployPolicy(String serviceArn) {
        return PolicyDocument.of(Statement.allow("RedeployService").actions("ecs:UpdateService")
                .resources(serviceArn).build());
    }
}
