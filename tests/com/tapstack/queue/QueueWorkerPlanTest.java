package com.tapstack.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queue workers (issue 15, item 3) on the shop fixture: mailer works off a queue that orders and storefront send
 * to. The queue and its dead-letter queue, the redrive JSON, the TLS-only queue policies, the task roles' exact
 * statements, the queue URLs in the containers, the backlog-per-task policy's metric math, scale to zero, and the
 * loader's lines, all on exact inputs.
 */
class QueueWorkerPlanTest {

    static final String S = Fixtures.key("services");
    static final String PREFIX = "shop-qa-t1-";
    static final String ACCOUNT = "123456789012";
    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + PREFIX + "mailer-queue";
    static final String DLQ_ARN = QUEUE_ARN + "-dlq";

    static StackValues worker(StackValues values) {
        return values.setIn(S, "mailer.queue", Map.of("producers", List.of("orders", "storefront")));
    }

    static Plan plan(UnaryOperator<StackValues> edit) {
        return Fixtures.plan(Fixtures.SMALL, edit.apply(Fixtures.values(Fixtures.SMALL)));
    }

    static PlannedResource named(Plan plan, String type, String suffix) {
        return plan.byType(type).stream().filter(r -> r.name().endsWith(suffix)).findFirst().orElseThrow(() ->
                new AssertionError("no " + type + " named *" + suffix + " in " + plan.byType(type).stream()
                        .map(PlannedResource::name).toList()));
    }

    static Map<String, Object> json(String text) {
        return new Gson().fromJson(text, new TypeToken<Map<String, Object>>() { }.getType());
    }

    static Map<String, Object> container(Plan plan, String service) {
        List<Map<String, Object>> containers = new Gson().fromJson(named(plan,
                "aws:ecs/taskDefinition:TaskDefinition", service + "-task-definition").inputString("containerDefinitions"),
                new TypeToken<List<Map<String, Object>>>() { }.getType());
        return containers.stream().filter(c -> c.get("name").equals(service)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Plan plan, String service) {
        var result = new java.util.TreeMap<String, String>();
        ((List<Map<String, Object>>) container(plan, service).get("environment"))
                .forEach(e -> result.put((String) e.get("name"), (String) e.get("value")));
        return result;
    }

    @Test
    void withoutAQueueBlockNothingOfItIsPlanned() {
        var plan = Fixtures.plan(Fixtures.SMALL);
        assertThat(plan.byType("aws:sqs/queue:Queue")).isEmpty();
        assertThat(plan.byType("aws:iam/rolePolicy:RolePolicy")).noneMatch(p -> "queues".equals(p.input("name")));
        assertThat(named(plan, "aws:appautoscaling/policy:Policy", "mailer-scaling-cpu")).isNotNull();
    }

    @Test
    void theQueueAndItsDeadLetterQueueAreEncryptedWithTheStackKeyAndRedriveAfterMaxReceives() {
        var plan = plan(QueueWorkerPlanTest::worker);
        var key = plan.byType("aws:kms/key:Key").get(0).output("arn");
        var queue = named(plan, "aws:sqs/queue:Queue", "mailer-queue");
        var deadLetters = named(plan, "aws:sqs/queue:Queue", "mailer-queue-dead-letters");
        assertThat(plan.byType("aws:sqs/queue:Queue")).hasSize(2);
        assertThat(queue.inputs()).containsEntry("name", PREFIX + "mailer-queue")
                .containsEntry("kmsMasterKeyId", key)
                .containsEntry("kmsDataKeyReusePeriodSeconds", 300L)
                .containsEntry("messageRetentionSeconds", 345_600L)
                .containsEntry("visibilityTimeoutSeconds", 30L)
                .containsEntry("receiveWaitTimeSeconds", 20L)
                .doesNotContainKeys("fifoQueue", "sqsManagedSseEnabled", "policy");
        assertThat(queue.inputString("redrivePolicy")).isEqualTo("{\"deadLetterTargetArn\":\"" + DLQ_ARN
                + "\",\"maxReceiveCount\":5}");
        assertThat(deadLetters.inputs()).containsEntry("name", PREFIX + "mailer-queue-dlq")
                .containsEntry("kmsMasterKeyId", key)
                .containsEntry("kmsDataKeyReusePeriodSeconds", 300L)
                .containsEntry("messageRetentionSeconds", 1_209_600L)
                .doesNotContainKeys("redrivePolicy");
        assertThat(deadLetters.inputString("redriveAllowPolicy")).isEqualTo("{\"redrivePermission\":\"byQueue\","
                + "\"sourceQueueArns\":[\"" + QUEUE_ARN + "\"]}");
    }

    @Test
    void bothQueuesDenyEveryRequestWithoutTls() {
        var plan = plan(QueueWorkerPlanTest::worker);
        for (var entry : Map.of("mailer-queue-policy", QUEUE_ARN, "mailer-queue-dead-letters-policy", DLQ_ARN)
                .entrySet()) {
            var policy = named(plan, "aws:sqs/queuePolicy:QueuePolicy", entry.getKey());
            assertThat(policy.input("queueUrl")).isEqualTo("https://sqs.us-east-1.amazonaws.com/" + ACCOUNT + "/"
                    + entry.getValue().substring(entry.getValue().lastIndexOf(':') + 1));
            assertThat(policy.inputString("policy")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
                    + "\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":"
                    + "[\"sqs:*\"],\"Resource\":[\"" + entry.getValue() + "\"],\"Condition\":{\"Bool\":"
                    + "{\"aws:SecureTransport\":\"false\"}}}]}");
        }
    }

    @Test
    void theWorkerMayReceiveDeleteAndHandBackTheProducersOnlySend() {
        var plan = plan(QueueWorkerPlanTest::worker);
        var key = (String) plan.byType("aws:kms/key:Key").get(0).output("arn");
        // The stack key, only through SQS in the stack's region (the small fixture's us-east-1).
        var throughSqs = "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"sqs.us-east-1.amazonaws.com\"}}";
        var worker = named(plan, "aws:iam/rolePolicy:RolePolicy", "mailer-queues-policy");
        assertThat(worker.inputs()).containsEntry("name", "queues").containsEntry("role", PREFIX + "mailer-task");
        assertThat(worker.inputString("policy")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"ConsumeQueue\",\"Effect\":\"Allow\",\"Action\":[\"sqs:ReceiveMessage\","
                + "\"sqs:DeleteMessage\"],\"Resource\":[\"" + QUEUE_ARN + "\"]},"
                + "{\"Sid\":\"UseStackKeyForQueues\",\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\"],"
                + "\"Resource\":[\"" + key + "\"]," + throughSqs + "}]}");
        for (var producer : List.of("orders", "storefront")) {
            var policy = named(plan, "aws:iam/rolePolicy:RolePolicy", producer + "-queues-policy");
            assertThat(policy.inputs()).containsEntry("role", PREFIX + producer + "-task");
            assertThat(policy.inputString("policy")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
                    + "{\"Sid\":\"SendToQueues\",\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\"],"
                    + "\"Resource\":[\"" + QUEUE_ARN + "\"]},"
                    + "{\"Sid\":\"UseStackKeyForQueues\",\"Effect\":\"Allow\",\"Action\":[\"kms:GenerateDataKey\","
                    + "\"kms:Decrypt\"],\"Resource\":[\"" + key + "\"]," + throughSqs + "}]}");
        }
        // The execution roles do not change: ECS itself never touches the queue.
        assertThat(named(plan, "aws:iam/rolePolicy:RolePolicy", "mailer-execution-policy").inputString("policy"))
                .doesNotContain("sqs:");
    }

    @Test
    void theWorkerFindsItsQueueInQueueUrlAndEachProducerInWorkerQueueUrl() {
        var plan = plan(QueueWorkerPlanTest::worker);
        var url = "https://sqs.us-east-1.amazonaws.com/" + ACCOUNT + "/" + PREFIX + "mailer-queue";
        assertThat(environment(plan, "mailer")).isEqualTo(Map.of("QUEUE_URL", url));
        assertThat(environment(plan, "orders")).isEqualTo(Map.of("MAILER_QUEUE_URL", url));
        assertThat(environment(plan, "storefront")).isEqualTo(Map.of("MAILER_QUEUE_URL", url));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkerScalesOnBacklogPerTaskInsteadOfCpuAndMemory() {
        var plan = plan(v -> worker(v).setIn(S, "mailer.queue.backlogPerTask", 25));
        var policies = plan.byType("aws:appautoscaling/policy:Policy").stream()
                .filter(p -> p.name().startsWith("shop-mailer-")).map(PlannedResource::name).toList();
        assertThat(policies).containsExactly("shop-mailer-scaling-backlog");
        var policy = named(plan, "aws:appautoscaling/policy:Policy", "mailer-scaling-backlog");
        assertThat(policy.inputs()).containsEntry("name", PREFIX + "mailer-backlog")
                .containsEntry("policyType", "TargetTrackingScaling")
                .containsEntry("resourceId", "service/" + PREFIX + "cluster/" + PREFIX + "mailer");
        var configuration = (Map<String, Object>) policy.input("targetTrackingScalingPolicyConfiguration");
        assertThat(configuration).containsEntry("targetValue", 25L).containsEntry("scaleInCooldown", 300L)
                .containsEntry("scaleOutCooldown", 60L).doesNotContainKey("predefinedMetricSpecification");
        var metrics = (List<Map<String, Object>>) ((Map<String, Object>) configuration
                .get("customizedMetricSpecification")).get("metrics");
        assertThat(metrics).containsExactly(
                Map.of("id", "visible", "label", "Messages waiting", "returnData", false, "metricStat", Map.of(
                        "stat", "Sum", "metric", Map.of("namespace", "AWS/SQS", "metricName",
                                "ApproximateNumberOfMessagesVisible", "dimensions", List.of(Map.of("name",
                                        "QueueName", "value", PREFIX + "mailer-queue"))))),
                Map.of("id", "running", "label", "Tasks running", "returnData", false, "metricStat", Map.of(
                        "stat", "Average", "metric", Map.of("namespace", "ECS/ContainerInsights", "metricName",
                                "RunningTaskCount", "dimensions", List.of(
                                        Map.of("name", "ClusterName", "value", PREFIX + "cluster"),
                                        Map.of("name", "ServiceName", "value", PREFIX + "mailer"))))),
                Map.of("id", "backlog", "label", "Backlog per task", "expression", "visible / running",
                        "returnData", true));
        // No wake alarm while the worker keeps a task.
        assertThat(plan.byType("aws:cloudwatch/metricAlarm:MetricAlarm")).noneMatch(a -> a.name().contains("wake"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void minCountZeroScalesToNoTaskAndAStepPolicyWakesTheWorkerWhenMessagesWait() {
        var plan = plan(v -> worker(v).setIn(S, "mailer.minCount", 0));
        var target = named(plan, "aws:appautoscaling/target:Target", "mailer-scaling");
        assertThat(target.inputs()).containsEntry("minCapacity", 0L).containsEntry("maxCapacity", 2L);
        var wake = named(plan, "aws:appautoscaling/policy:Policy", "mailer-scaling-wake");
        assertThat(wake.inputs()).containsEntry("name", PREFIX + "mailer-wake")
                .containsEntry("policyType", "StepScaling")
                .containsEntry("stepScalingPolicyConfiguration", Map.of("adjustmentType", "ChangeInCapacity",
                        "cooldown", 300L, "metricAggregationType", "Maximum", "stepAdjustments", List.of(Map.of(
                                "metricIntervalLowerBound", "0", "scalingAdjustment", 1L))));
        var alarm = named(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "mailer-scaling-wake-alarm");
        assertThat(alarm.inputs()).containsEntry("name", PREFIX + "mailer-queue-wake")
                .containsEntry("comparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("threshold", 1L).containsEntry("evaluationPeriods", 2L)
                .containsEntry("datapointsToAlarm", 2L).containsEntry("treatMissingData", "notBreaching")
                .containsEntry("alarmActions", List.of(wake.output("arn")));
        assertThat((List<Map<String, Object>>) alarm.input("metricQueries")).containsExactly(
                Map.of("id", "visible", "returnData", false, "metric", Map.of("namespace", "AWS/SQS", "metricName",
                        "ApproximateNumberOfMessagesVisible", "stat", "Maximum", "period", 60L, "dimensions",
                        Map.of("QueueName", PREFIX + "mailer-queue"))),
                Map.of("id", "running", "returnData", false, "metric", Map.of("namespace", "ECS/ContainerInsights",
                        "metricName", "RunningTaskCount", "stat", "Maximum", "period", 60L, "dimensions",
                        Map.of("ClusterName", PREFIX + "cluster", "ServiceName", PREFIX + "mailer"))),
                Map.of("id", "wake", "label", "Messages wait, no task runs", "expression",
                        "visible > 0 AND FILL(running, 0) == 0", "returnData", true));
    }

    @Test
    void everySettingReachesTheQueuesAsWritten() {
        var plan = plan(v -> v.setIn(S, "mailer.queue", Map.of("maxReceiveCount", 3, "retention", 86_400,
                "deadLetterRetention", 604_800, "visibilityTimeout", 120)));
        var queue = named(plan, "aws:sqs/queue:Queue", "mailer-queue");
        assertThat(queue.inputs()).containsEntry("messageRetentionSeconds", 86_400L)
                .containsEntry("visibilityTimeoutSeconds", 120L);
        assertThat(json(queue.inputString("redrivePolicy"))).containsEntry("maxReceiveCount", 3.0);
        assertThat(named(plan, "aws:sqs/queue:Queue", "mailer-queue-dead-letters").inputs())
                .containsEntry("messageRetentionSeconds", 604_800L);
        // Without producers, no other service gets anything.
        assertThat(environment(plan, "orders")).isEmpty();
        assertThat(plan.byType("aws:iam/rolePolicy:RolePolicy")).filteredOn(p -> "queues".equals(p.input("name")))
                .extracting(PlannedResource::name).containsExactly("shop-mailer-queues-policy");
    }

    @Test
    void aWorkerThatProducesForAnotherGetsBothQueuesAndBothGrantsInOnePolicy() {
        var plan = plan(v -> v.setIn(S, "mailer.queue", Map.of("producers", List.of("orders")))
                .setIn(S, "orders.queue", Map.of("producers", List.of("mailer"))));
        var ordersQueue = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + PREFIX + "orders-queue";
        var base = "https://sqs.us-east-1.amazonaws.com/" + ACCOUNT + "/" + PREFIX;
        assertThat(environment(plan, "mailer")).isEqualTo(Map.of("QUEUE_URL", base + "mailer-queue",
                "ORDERS_QUEUE_URL", base + "orders-queue"));
        assertThat(environment(plan, "orders")).isEqualTo(Map.of("QUEUE_URL", base + "orders-queue",
                "MAILER_QUEUE_URL", base + "mailer-queue"));
        var policy = named(plan, "aws:iam/rolePolicy:RolePolicy", "mailer-queues-policy").inputString("policy");
        assertThat(policy).contains("{\"Sid\":\"ConsumeQueue\",\"Effect\":\"Allow\",\"Action\":[\"sqs:ReceiveMessage\","
                + "\"sqs:DeleteMessage\"],\"Resource\":[\"" + QUEUE_ARN + "\"]}",
                "{\"Sid\":\"SendToQueues\",\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\"],\"Resource\":[\""
                        + ordersQueue + "\"]}", "\"Action\":[\"kms:GenerateDataKey\",\"kms:Decrypt\"]");
        assertThat(plan.byType("aws:sqs/queue:Queue")).hasSize(4);
        assertThat(plan.byType("aws:appautoscaling/policy:Policy")).extracting(PlannedResource::name)
                .contains("shop-mailer-scaling-backlog", "shop-orders-scaling-backlog")
                .doesNotContain("shop-orders-scaling-cpu", "shop-mailer-scaling-cpu");
    }

    @Test
    void aMessageInTheDeadLetterQueueRaisesAnAlarmThatNotifiesTheAlarmTopicWhenThereIsOne() {
        var alarm = named(plan(QueueWorkerPlanTest::worker), "aws:cloudwatch/metricAlarm:MetricAlarm",
                "mailer-queue-dead-letters-alarm");
        assertThat(alarm.inputs()).containsEntry("name", PREFIX + "mailer-queue-dead-letters")
                .containsEntry("namespace", "AWS/SQS").containsEntry("metricName", "ApproximateNumberOfMessagesVisible")
                .containsEntry("statistic", "Maximum").containsEntry("comparisonOperator", "GreaterThanThreshold")
                .containsEntry("threshold", 0L).containsEntry("period", 300L)
                .containsEntry("dimensions", Map.of("QueueName", PREFIX + "mailer-queue-dlq"));
        assertThat(alarm.input("alarmActions")).isIn(null, List.of());
        var full = Fixtures.plan(Fixtures.FULL, Fixtures.values(Fixtures.FULL).setIn(S, "mailer.queue", Map.of()));
        var topic = full.byType("aws:sns/topic:Topic").get(0).output("arn");
        var withTopic = named(full, "aws:cloudwatch/metricAlarm:MetricAlarm", "mailer-queue-dead-letters-alarm");
        assertThat(withTopic.inputs()).containsEntry("alarmActions", List.of(topic))
                .containsEntry("okActions", List.of(topic));
    }

    static Stream<Arguments> refused() {
        var file = "Pulumi." + Fixtures.SMALL + ".yaml: " + S + ".";
        return Stream.of(
                BrokenConfig.broken("a producer that is no service", v -> v.setIn(S, "mailer.queue",
                        Map.of("producers", List.of("billing"))), file + "mailer.queue.producers: \"billing\" is not"
                        + " a service of this stack; allowed: names of other services: mailer, orders, storefront"),
                BrokenConfig.broken("the worker as its own producer", v -> v.setIn(S, "mailer.queue",
                        Map.of("producers", List.of("mailer"))), file + "mailer.queue.producers: \"mailer\" is the"
                        + " worker itself; allowed: names of other services"),
                BrokenConfig.broken("a producer twice", v -> v.setIn(S, "mailer.queue",
                        Map.of("producers", List.of("orders", "orders"))), file + "mailer.queue.producers: names a"
                        + " service twice; allowed: each producer once"),
                BrokenConfig.broken("a producer that sets the variable itself", v -> worker(v)
                        .setIn(S, "orders.environment", Map.of("MAILER_QUEUE_URL", "x")), file + "orders.environment"
                        + ".MAILER_QUEUE_URL: is the variable the stack sets to the URL of mailer's queue; allowed:"
                        + " other names than MAILER_QUEUE_URL"),
                BrokenConfig.broken("a worker that sets QUEUE_URL itself", v -> worker(v)
                        .setIn(S, "mailer.environment", Map.of("QUEUE_URL", "x")), file + "mailer.environment"
                        + ".QUEUE_URL: is the variable the stack sets to the URL of its queue; allowed: other names"
                        + " than QUEUE_URL"),
                BrokenConfig.broken("a dead-letter queue that keeps less", v -> v.setIn(S, "mailer.queue",
                        Map.of("retention", 604_800, "deadLetterRetention", 604_800)), file + "mailer.queue"
                        + ".deadLetterRetention: 604800 is not longer than retention 604800 (a message moved to a"
                        + " standard dead-letter queue keeps its first enqueue time and would expire there at once);"
                        + " allowed: more than 604800, up to 1209600"),
                BrokenConfig.broken("a retention over SQS's", v -> v.setIn(S, "mailer.queue",
                        Map.of("retention", 1_209_600)), file + "mailer.queue.retention: 1209600 is out of range;"
                        + " allowed: 60 to 1209599"),
                BrokenConfig.broken("a receive count over SQS's", v -> v.setIn(S, "mailer.queue",
                        Map.of("maxReceiveCount", 1001)), file + "mailer.queue.maxReceiveCount: 1001 is out of"
                        + " range; allowed: 1 to 1000"),
                BrokenConfig.broken("a visibility timeout over SQS's", v -> v.setIn(S, "mailer.queue",
                        Map.of("visibilityTimeout", 43_201)), file + "mailer.queue.visibilityTimeout: 43201 is out of"
                        + " range; allowed: 0 to 43200"),
                BrokenConfig.broken("an unknown key", v -> v.setIn(S, "mailer.queue", Map.of("fifo", true)),
                        file + "mailer.queue.fifo: is not a known key; allowed: " + S + ".mailer.queue.backlogPerTask, "
                        + S + ".mailer.queue.deadLetterRetention, " + S + ".mailer.queue.maxReceiveCount, " + S
                        + ".mailer.queue.producers, " + S + ".mailer.queue.retention, " + S + ".mailer.queue.visibilityTimeout"),
                BrokenConfig.broken("a public queue worker", v -> v.setIn(S, "storefront.queue", Map.of()),
                        file + "storefront.queue: is set on a public service; a queue worker scales on its backlog,"
                                + " not on the requests the load balancer sends; allowed: a queue on a service"
                                + " without public: true"),
                BrokenConfig.broken("minCount 0 without a queue", v -> v.setIn(S, "mailer.minCount", 0),
                        file + "mailer.minCount: 0 lets the service scale to no task, which only a queue worker can"
                                + " come back from (CPU and memory have no data without a task); allowed: 1 to"
                                + " maxCount, or 0 with a queue block"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badValuesAreOneLine(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.SMALL, edit, message);
    }
}
