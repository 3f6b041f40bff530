package com.tapstack.service;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.ScheduleGroup;
import com.pulumi.aws.scheduler.ScheduleGroupArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetDeadLetterConfigArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetEcsParametersArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetEcsParametersNetworkConfigurationArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.config.service.TaskSchedule;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a scheduled task: an EventBridge Scheduler schedule, in a schedule group of its own, that starts the task
 * definition on Fargate in the private subnets with the task's security group and no public IP; a role Scheduler
 * assumes that may run only that task and pass only its two roles; a dead-letter queue, encrypted with the stack
 * key, for runs Scheduler could not start after its retries; and an alarm when a run lands there.
 *
 * <p>The schedule's own customer managed key (kmsKeyArn) is left unset: it would encrypt only the target's Input
 * payload (Scheduler user guide, encryption-rest.html: names, state and schedule settings stay under an AWS owned
 * key), and an ECS target here sends no Input.
 */
public final class ScheduledRun extends ComponentResource {

    public static final String TYPE = "tap:service:ScheduledRun";
    /** Dead letters are kept as long as SQS allows (14 days), so a missed run can still be found and replayed. */
    public static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 60 * 60;
    /** Fargate, not the cluster's Spot share: a scheduled run has no service to replace a task Spot interrupts. */
    public static final String LAUNCH_TYPE = "FARGATE";

    private final Output<String> scheduleName;

    /** What a run starts and with what: the task definition, its roles and its network. */
    public record Task(String name, Output<String> taskDefinitionArn, Output<String> executionRoleArn,
                       Output<String> taskRoleArn, Output<String> securityGroupId, boolean exec) {
    }

    /**
     * @param startsWith what a task needs at its first start (policies, network, security group rules, database):
     *                   the schedule exists only after them, as a service's first deployment does
     */
    public ScheduledRun(String name, Task task, TaskSchedule schedule, SharedPlatform platform,
                        List<Resource> startsWith, StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var account = scope.account();

        var group = new ScheduleGroup(name + "-group", ScheduleGroupArgs.builder()
                .name(scope.name(task.name(), NameLimit.SCHEDULER))
                .tags(scope.commonTags())
                .build(), child);
        var deadLetters = new Queue(name + "-dead-letters", QueueArgs.builder()
                .name(scope.name(task.name() + "-schedule-dead-letters", NameLimit.SQS_QUEUE))
                .kmsMasterKeyId(platform.kmsKeyArn())
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS)
                .tags(scope.commonTags())
                .build(), child);
        // As the queue workers' queues: no request without TLS (SQS security best practices).
        new com.pulumi.aws.sqs.QueuePolicy(name + "-dead-letters-policy", com.pulumi.aws.sqs.QueuePolicyArgs.builder()
                .queueUrl(deadLetters.url())
                .policy(deadLetters.arn().applyValue(arn -> com.tapstack.queue.WorkQueue.tlsOnly(arn).toJson()))
                .build(), child);

        var role = new Role(name + "-role", RoleArgs.builder()
                .name(scope.name(task.name() + "-scheduler", NameLimit.IAM_ROLE))
                .description("EventBridge Scheduler runs scheduled task " + task.name() + " with it")
                .assumeRolePolicy(Output.tuple(account, group.arn()).applyValue(t ->
                        SchedulerPolicies.trust(t.t1, t.t2).toJson()))
                .tags(scope.commonTags())
                .build(), child);
        var policy = new RolePolicy(name + "-role-policy", RolePolicyArgs.builder()
                .name("run-task")
                .role(role.id())
                .policy(Output.tuple(account, task.taskDefinitionArn(), platform.cluster().arn(),
                        task.executionRoleArn(), task.taskRoleArn(), deadLetters.arn(), platform.kmsKeyArn())
                        .applyValue(t -> SchedulerPolicies.run(t.t1, t.t2, t.t3, t.t4, t.t5, t.t6, t.t7).toJson()))
                .build(), child);

        var dependencies = new ArrayList<Resource>(startsWith);
        dependencies.add(policy);
        var created = new Schedule(name, ScheduleArgs.builder()
                .name(scope.name(task.name(), NameLimit.SCHEDULER))
                .groupName(group.name())
                .description("Runs scheduled task " + task.name())
                .scheduleExpression(schedule.expression().text())
                .scheduleExpressionTimezone(schedule.timezone())
                .state(schedule.enabled() ? "ENABLED" : "DISABLED")
                // Runs start at their time, not somewhere in a window.
                .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
                .target(ScheduleTargetArgs.builder()
                        .arn(platform.cluster().arn())
                        .roleArn(role.arn())
                        .ecsParameters(ScheduleTargetEcsParametersArgs.builder()
                                .taskDefinitionArn(task.taskDefinitionArn())
                                .taskCount(schedule.taskCount())
                                .launchType(LAUNCH_TYPE)
                                // 1.4.0 and later, as the services run (ECR through interface endpoints).
                                .platformVersion("LATEST")
                                .networkConfiguration(ScheduleTargetEcsParametersNetworkConfigurationArgs.builder()
                                        .subnets(platform.privateSubnetIds())
                                        .securityGroups(task.securityGroupId().applyValue(List::of))
                                        .assignPublicIp(false)
                                        .build())
                                .enableExecuteCommand(task.exec())
                                .enableEcsManagedTags(true)
                                .propagateTags("TASK_DEFINITION")
                                .build())
                        .retryPolicy(ScheduleTargetRetryPolicyArgs.builder()
                                .maximumRetryAttempts(schedule.maximumRetryAttempts())
                                .maximumEventAgeInSeconds(schedule.maximumEventAgeSeconds())
                                .build())
                        .deadLetterConfig(ScheduleTargetDeadLetterConfigArgs.builder().arn(deadLetters.arn()).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(dependencies).build());

        alarm(name + "-failed-runs", task.name(), deadLetters.name(), platform.alarmTopicArn(), scope, child);
        this.scheduleName = created.name();
        registerOutputs(Map.of("scheduleName", scheduleName, "scheduleGroupName", group.name(),
                "deadLetterQueueArn", deadLetters.arn()));
    }

    /**
     * Any message in the dead-letter queue: a run Scheduler could not start (RunTask refused, or the role may not
     * run the task) after its retries. With tap:alarms it notifies the alarm topic; without, it only shows in the
     * console.
     */
    private static void alarm(String logicalName, String task, Output<String> queueName,
                              Optional<Output<String>> topicArn, StackScope scope, CustomResourceOptions options) {
        var actions = topicArn.map(arn -> arn.applyValue(List::of)).orElse(Output.of(List.of()));
        new MetricAlarm(logicalName, MetricAlarmArgs.builder()
                .name(scope.name(task + "-schedule-failed", NameLimit.CLOUDWATCH))
                .alarmDescription("A scheduled run of " + task + " did not start: its event is in the dead-letter"
                        + " queue (the message says why); run the task by hand if the run is still needed")
                .namespace("AWS/SQS").metricName("ApproximateNumberOfMessagesVisible").statistic("Maximum")
                .period(300).evaluationPeriods(1).threshold(0.0).comparisonOperator("GreaterThanThreshold")
                .dimensions(queueName.applyValue(queue -> Map.of("QueueName", queue)))
                .treatMissingData("notBreaching")
                .alarmActions(actions)
                .okActions(actions)
                .tags(scope.commonTags())
                .build(), options);
    }

    /** The schedule's name (in its group of the same name). */
    public Output<String> scheduleName() {
        return scheduleName;
    }
}
