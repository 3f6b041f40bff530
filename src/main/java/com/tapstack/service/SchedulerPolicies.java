package com.tapstack.service;

import com.tapstack.aws.AwsAccount;
import com.tapstack.iam.Condition;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.List;

/**
 * The IAM documents of a scheduled task's scheduler role, as pure functions. EventBridge Scheduler assumes the
 * role to call ECS RunTask for the schedule and to deliver a failed run to the dead-letter queue (Scheduler user
 * guide: setting-up.html#setting-up-execution-role, configuring-schedule-dlq.html; the ECS target's permissions as
 * the ECS developer guide lists them for scheduled tasks, CWE_IAM_role.html: ecs:RunTask, iam:PassRole for the
 * task's execution and task roles, ecs:TagResource for tags set at launch).
 */
public final class SchedulerPolicies {

    /** What SQS needs of a producer on a queue encrypted with a customer managed key (sqs-key-management.html). */
    public static final List<String> ENCRYPTED_QUEUE_SEND_ACTIONS = List.of("kms:GenerateDataKey", "kms:Decrypt");

    private SchedulerPolicies() {
    }

    /**
     * Only EventBridge Scheduler, for schedules of this account in this task's own schedule group, may assume the
     * role: aws:SourceAccount and aws:SourceArn as the Scheduler guide recommends against the confused deputy,
     * with the group's ARN ("The value of aws:SourceArn must be your EventBridge Scheduler schedule group ARN ...
     * Do not scope the aws:SourceArn statement to a specific schedule", cross-service-confused-deputy-prevention.html).
     */
    public static PolicyDocument trust(AwsAccount account, String scheduleGroupArn) {
        return PolicyDocument.trust(account.servicePrincipal("scheduler"), List.of(
                Condition.of("StringEquals", "aws:SourceAccount", account.accountId()),
                Condition.of("ArnEquals", "aws:SourceArn", scheduleGroupArn)));
    }

    /**
     * Run exactly this task's family in exactly this cluster, pass exactly its two roles to ECS tasks, and write
     * exactly its dead-letter queue.
     *
     * <p>RunTask names the revision the schedule holds; the role allows every revision of this one family
     * ({@code task-definition/<family>:*}, the resource type the Service Authorization Reference gives RunTask).
     * A deployment registers a new revision and updates the schedule and this policy as two resources; allowing
     * only the exact revision would leave, for the seconds between the two updates and IAM's propagation, a schedule
     * naming a revision its role may not run, and a run in that window would fail into the dead-letter queue. Other
     * families stay out of reach, and the ecs:cluster condition keeps the runs in this stack's cluster.
     *
     * @param taskDefinitionArn the revision the schedule runs; its family's ARN is derived from it
     */
    public static PolicyDocument run(AwsAccount account, String taskDefinitionArn, String clusterArn,
                                     String executionRoleArn, String taskRoleArn, String deadLetterQueueArn,
                                     String keyArn) {
        var clusterName = clusterArn.substring(clusterArn.lastIndexOf('/') + 1);
        return PolicyDocument.of(
                Statement.allow("RunTaskFamily").actions("ecs:RunTask").resources(familyRevisions(taskDefinitionArn))
                        .condition("ArnEquals", "ecs:cluster", clusterArn).build(),
                // The schedule propagates the task definition's tags and ECS's managed tags to the task it starts:
                // ECS authorizes tagging at launch as ecs:TagResource on the new task, with ecs:CreateAction.
                Statement.allow("TagStartedTasks").actions("ecs:TagResource")
                        .resources(account.arn("ecs", "task/" + clusterName + "/*"))
                        .condition("StringEquals", "ecs:CreateAction", "RunTask").build(),
                Statement.allow("PassTaskRoles").actions("iam:PassRole").resources(executionRoleArn, taskRoleArn)
                        .condition("StringEquals", "iam:PassedToService", account.servicePrincipal("ecs-tasks"))
                        .build(),
                Statement.allow("SendDeadLetters").actions("sqs:SendMessage").resources(deadLetterQueueArn).build(),
                // The queue is encrypted with the stack key: SQS uses it on the sender's behalf, so the sender needs
                // it, and only through SQS in this region.
                Statement.allow("EncryptDeadLetters").actions(ENCRYPTED_QUEUE_SEND_ACTIONS).resources(keyArn)
                        .condition("StringEquals", "kms:ViaService", "sqs." + account.region() + "."
                                + account.dnsSuffix()).build());
    }

    /** {@code arn:...:task-definition/<family>:<revision>} to {@code arn:...:task-definition/<family>:*}. */
    static String familyRevisions(String taskDefinitionArn) {
        return taskDefinitionArn.substring(0, taskDefinitionArn.lastIndexOf(':')) + ":*";
    }
}
