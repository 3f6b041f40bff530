package com.tapstack.queue;

import com.google.gson.GsonBuilder;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.config.service.QueueSettings;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A queue worker's standard SQS queue and its dead-letter queue: both encrypted with the stack key, both refusing
 * requests without TLS, the queue moving a message to the dead-letter queue after {@code maxReceiveCount} receives,
 * the dead-letter queue taking messages from this queue only, and an alarm as soon as a message lands there.
 */
public final class WorkQueue extends ComponentResource {

    public static final String TYPE = "tap:queue:WorkQueue";
    /**
     * How long SQS reuses a data key before it calls KMS again: SQS's default, stated (60 s to 24 h; a longer
     * period means fewer KMS requests, sqs-key-management.html "Understanding the data key reuse period").
     */
    public static final int DATA_KEY_REUSE_SECONDS = 300;
    /** Long polling at SQS's maximum: a receive waits up to 20 s for a message instead of returning empty. */
    public static final int RECEIVE_WAIT_SECONDS = 20;

    private final Output<String> url;
    private final Output<String> arn;
    private final Output<String> queueName;

    /** @param alarmTopicArn where the dead-letter alarm notifies, with tap:alarms */
    public WorkQueue(String name, String service, QueueSettings settings, Output<String> keyArn,
                     Optional<Output<String>> alarmTopicArn, StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var account = scope.account();
        var physicalName = queueName(service, scope);
        var sourceArn = Output.tuple(account, physicalName).applyValue(t -> t.t1.arn("sqs", t.t2));

        var deadLetters = new Queue(name + "-dead-letters", QueueArgs.builder()
                .name(deadLetterQueueName(service, scope))
                .kmsMasterKeyId(keyArn)
                .kmsDataKeyReusePeriodSeconds(DATA_KEY_REUSE_SECONDS)
                .messageRetentionSeconds(settings.deadLetterRetentionSeconds())
                .redriveAllowPolicy(sourceArn.applyValue(WorkQueue::redriveAllowPolicy))
                .tags(scope.commonTags())
                .build(), child);
        var queue = new Queue(name, QueueArgs.builder()
                .name(physicalName)
                .kmsMasterKeyId(keyArn)
                .kmsDataKeyReusePeriodSeconds(DATA_KEY_REUSE_SECONDS)
                .messageRetentionSeconds(settings.retentionSeconds())
                .visibilityTimeoutSeconds(settings.visibilityTimeoutSeconds())
                .receiveWaitTimeSeconds(RECEIVE_WAIT_SECONDS)
                .redrivePolicy(deadLetters.arn().applyValue(arn -> redrivePolicy(arn, settings.maxReceiveCount())))
                .tags(scope.commonTags())
                .build(), child);
        new QueuePolicy(name + "-policy", QueuePolicyArgs.builder()
                .queueUrl(queue.url())
                .policy(queue.arn().applyValue(arn -> tlsOnly(arn).toJson()))
                .build(), child);
        new QueuePolicy(name + "-dead-letters-policy", QueuePolicyArgs.builder()
                .queueUrl(deadLetters.url())
                .policy(deadLetters.arn().applyValue(arn -> tlsOnly(arn).toJson()))
                .build(), child);

        // A message in the dead-letter queue is work that failed maxReceiveCount times: someone must look at it
        // (SQS developer guide, "Creating alarms for dead-letter queues using Amazon CloudWatch").
        var actions = alarmTopicArn.map(arn -> arn.applyValue(List::of)).orElse(Output.of(List.of()));
        new MetricAlarm(name + "-dead-letters-alarm", MetricAlarmArgs.builder()
                .name(scope.name(service + "-queue-dead-letters", NameLimit.CLOUDWATCH))
                .alarmDescription("Messages of " + service + " failed " + settings.maxReceiveCount() + " receives and"
                        + " wait in its dead-letter queue: read them, fix the cause, then redrive them (aws sqs"
                        + " start-message-move-task)")
                .namespace("AWS/SQS").metricName("ApproximateNumberOfMessagesVisible").statistic("Maximum")
                .dimensions(deadLetters.name().applyValue(queueName -> Map.of("QueueName", queueName)))
                .period(300).evaluationPeriods(1).threshold(0.0).comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(actions)
                .okActions(actions)
                .tags(scope.commonTags())
                .build(), child);

        this.url = queue.url();
        this.arn = queue.arn();
        this.queueName = queue.name();
        registerOutputs(Map.of("url", url, "arn", arn, "deadLetterQueueArn", deadLetters.arn()));
    }

    /** {@code <prefix><service>-queue}: no other service's queue or dead-letter queue can end the same way. */
    public static Output<String> queueName(String service, StackScope scope) {
        return scope.name(service + "-queue", NameLimit.SQS_QUEUE);
    }

    public static Output<String> deadLetterQueueName(String service, StackScope scope) {
        return scope.name(service + "-queue-dlq", NameLimit.SQS_QUEUE);
    }

    /** After {@code maxReceiveCount} receives without a delete, SQS moves the message to the dead-letter queue. */
    public static String redrivePolicy(String deadLetterArn, int maxReceiveCount) {
        var policy = new LinkedHashMap<String, Object>();
        policy.put("deadLetterTargetArn", deadLetterArn);
        policy.put("maxReceiveCount", maxReceiveCount);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(policy);
    }

    /** Only the worker's queue may use the dead-letter queue (SQS's default lets every queue of the account). */
    public static String redriveAllowPolicy(String sourceQueueArn) {
        var policy = new LinkedHashMap<String, Object>();
        policy.put("redrivePermission", "byQueue");
        policy.put("sourceQueueArns", List.of(sourceQueueArn));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(policy);
    }

    /**
     * Every request without TLS is denied, whoever makes it (SQS security best practices, "Enforce encryption of
     * data in transit"; cdk-nag AwsSolutions-SQS4). Access itself is granted in IAM, to the worker and producers.
     */
    public static PolicyDocument tlsOnly(String queueArn) {
        return PolicyDocument.of(Statement.deny("DenyInsecureTransport")
                .principal("AWS", "*")
                .actions("sqs:*")
                .resources(queueArn)
                .condition("Bool", "aws:SecureTransport", "false")
                .build());
    }

    public Output<String> url() {
        return url;
    }

    public Output<String> arn() {
        return arn;
    }

    /** The queue's name, the QueueName dimension of its CloudWatch metrics. */
    public Output<String> queueName() {
        return queueName;
    }
}
