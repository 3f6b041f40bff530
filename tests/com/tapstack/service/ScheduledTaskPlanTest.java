package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanAssertions;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Scheduled tasks (issue 15, item 2): an entry with a schedule keeps its task definition, roles, log group and
 * security group, gets an EventBridge Scheduler schedule instead of an ECS service, a scheduler role that may run
 * only that task, an encrypted dead-letter queue and an alarm on it; exactly as sent.
 */
class ScheduledTaskPlanTest {

    static final String S = Fixtures.key("services");
    static final String ACCOUNT = "123456789012";
    static final String PREFIX = "shop-qa-t1-";
    static final String REGION = "us-east-1";

    /** The small fixture with its worker, mailer, run every 15 minutes instead of as a service. */
    static StackValues scheduledMailer(StackValues values) {
        return values.removeIn(S, "mailer.maxCount").setIn(S, "mailer.schedule", Map.of("expression",
                "rate(15 minutes)"));
    }

    static Plan plan(UnaryOperator<StackValues> edit) {
        return Fixtures.plan(Fixtures.SMALL, edit.apply(Fixtures.values(Fixtures.SMALL)));
    }

    static PlannedResource only(Plan plan, String type) {
        assertThat(plan.byType(type)).hasSize(1);
        return plan.byType(type).get(0);
    }

    static PlannedResource named(Plan plan, String type, String suffix) {
        return plan.byType(type).stream().filter(r -> r.name().endsWith(suffix)).findFirst().orElseThrow();
    }

    @Test
    void theScheduleStartsTheTaskDefinitionOnFargateInThePrivateSubnets() {
        var plan = plan(ScheduledTaskPlanTest::scheduledMailer);
        var schedule = only(plan, "aws:scheduler/schedule:Schedule");
        var group = only(plan, "aws:scheduler/scheduleGroup:ScheduleGroup");
        var taskDefinition = named(plan, "aws:ecs/taskDefinition:TaskDefinition", "mailer-task-definition");
        var cluster = only(plan, "aws:ecs/cluster:Cluster");
        var group0 = named(plan, "aws:ec2/securityGroup:SecurityGroup", "-mailer");
        var privateSubnets = plan.byType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> "private".equals(String.valueOf(s.inputAt("tags.Tier")))).map(s -> s.id().orElseThrow())
                .sorted().toList();

        assertThat(schedule.input("name")).isEqualTo(PREFIX + "mailer");
        assertThat(group.input("name")).isEqualTo(PREFIX + "mailer");
        assertThat(schedule.input("groupName")).isEqualTo(PREFIX + "mailer");
        assertThat(schedule.input("scheduleExpression")).isEqualTo("rate(15 minutes)");
        assertThat(schedule.input("scheduleExpressionTimezone")).isEqualTo("UTC");
        assertThat(schedule.input("state")).isEqualTo("ENABLED");
        assertThat(schedule.input("flexibleTimeWindow")).isEqualTo(Map.of("mode", "OFF"));
        assertThat(schedule.input("kmsKeyArn")).isNull();
        assertThat(schedule.inputAt("target.arn")).isEqualTo(cluster.output("arn"));
        // Retried up to the next run (the rate is shorter than the default hour), as often as Scheduler allows.
        assertThat(schedule.inputAt("target.retryPolicy")).isEqualTo(Map.of("maximumRetryAttempts", 185L,
                "maximumEventAgeInSeconds", 900L));
        var ecs = (Map<?, ?>) schedule.inputAt("target.ecsParameters");
        assertThat(ecs.get("taskDefinitionArn")).isEqualTo(taskDefinition.output("arn"))
                .isEqualTo("arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":task-definition/" + PREFIX + "mailer:1");
        assertThat(ecs.get("taskCount")).isEqualTo(1L);
        assertThat(ecs.get("launchType")).isEqualTo("FARGATE");
        assertThat(ecs.get("platformVersion")).isEqualTo("LATEST");
        assertThat(ecs.get("enableExecuteCommand")).isEqualTo(false);
        assertThat(ecs.get("propagateTags")).isEqualTo("TASK_DEFINITION");
        assertThat(ecs.get("enableEcsManagedTags")).isEqualTo(true);
        var network = (Map<?, ?>) ecs.get("networkConfiguration");
        assertThat(network.get("assignPublicIp")).isEqualTo(false);
        assertThat(PlanAssertions.stringList(network.get("subnets")).stream().sorted().toList())
                .isEqualTo(privateSubnets).hasSize(2);
        assertThat(network.get("securityGroups")).isEqualTo(List.of(group0.id().orElseThrow()));
    }

    @Test
    void aScheduledTaskHasNoServiceNoDiscoveryNameNoScalingAndKeepsItsTask() {
        var services = Fixtures.plan(Fixtures.SMALL);
        var scheduled = plan(ScheduledTaskPlanTest::scheduledMailer);
        var servicesNames = scheduled.byType("aws:ecs/service:Service").stream().map(r -> r.inputString("name"))
                .sorted().toList();
        assertThat(servicesNames).containsExactly(PREFIX + "orders", PREFIX + "storefront");
        assertThat(scheduled.byType("aws:servicediscovery/service:Service")).extracting(r -> r.inputString("name"))
                .containsExactlyInAnyOrder("orders", "storefront");
        assertThat(scheduled.byType("aws:appautoscaling/target:Target"))
                .noneMatch(t -> String.valueOf(t.input("resourceId")).endsWith("/" + PREFIX + "mailer"));
        // The task itself is the service's: the same container definitions, roles and log group.
        assertThat(named(scheduled, "aws:ecs/taskDefinition:TaskDefinition", "mailer-task-definition").inputs())
                .isEqualTo(named(services, "aws:ecs/taskDefinition:TaskDefinition", "mailer-task-definition").inputs());
        assertThat(scheduled.byType("aws:iam/role:Role")).extracting(r -> r.inputString("name"))
                .contains(PREFIX + "mailer-execution", PREFIX + "mailer-task", PREFIX + "mailer-scheduler");
    }

    @Test
    void theSchedulerRoleIsTrustedOnlyBySchedulerForItsOwnGroup() {
        var plan = plan(ScheduledTaskPlanTest::scheduledMailer);
        var role = plan.byType("aws:iam/role:Role").stream()
                .filter(r -> r.inputString("name").equals(PREFIX + "mailer-scheduler")).findFirst().orElseThrow();
        assertThat(PlanAssertions.json(role, "assumeRolePolicy")).isEqualTo(PlanAssertions.json("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "TrustService", "Effect": "Allow",
                  "Principal": {"Service": "scheduler.amazonaws.com"}, "Action": ["sts:AssumeRole"],
                  "Condition": {"StringEquals": {"aws:SourceAccount": "%s"},
                    "ArnEquals": {"aws:SourceArn": "arn:aws:scheduler:%s:%s:schedule-group/%smailer"}}}]}
                """.formatted(ACCOUNT, REGION, ACCOUNT, PREFIX)));
    }

    @Test
    void theSchedulerRoleMayRunOnlyThisFamilyPassOnlyItsRolesAndWriteOnlyItsQueue() {
        var plan = plan(ScheduledTaskPlanTest::scheduledMailer);
        var policy = named(plan, "aws:iam/rolePolicy:RolePolicy", "mailer-schedule-role-policy");
        var key = only(plan, "aws:kms/key:Key").output("arn");
        var arn = "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":";
        var iam = "arn:aws:iam::" + ACCOUNT + ":role/" + PREFIX;
        assertThat(policy.input("name")).isEqualTo("run-task");
        assertThat(PlanAssertions.json(policy, "policy")).isEqualTo(PlanAssertions.json("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "RunTaskFamily", "Effect": "Allow", "Action": ["ecs:RunTask"],
                   "Resource": ["%stask-definition/%smailer:*"],
                   "Condition": {"ArnEquals": {"ecs:cluster": "%scluster/%scluster"}}},
                  {"Sid": "TagStartedTasks", "Effect": "Allow", "Action": ["ecs:TagResource"],
                   "Resource": ["%stask/%scluster/*"], "Condition": {"StringEquals": {"ecs:CreateAction": "RunTask"}}},
                  {"Sid": "PassTaskRoles", "Effect": "Allow", "Action": ["iam:PassRole"],
                   "Resource": ["%smailer-execution", "%smailer-task"],
                   "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
                  {"Sid": "SendDeadLetters", "Effect": "Allow", "Action": ["sqs:SendMessage"],
                   "Resource": ["arn:aws:sqs:%s:%s:%smailer-schedule-dead-letters"]},
                  {"Sid": "EncryptDeadLetters", "Effect": "Allow", "Action": ["kms:GenerateDataKey", "kms:Decrypt"],
                   "Resource": ["%s"], "Condition": {"StringEquals": {"kms:ViaService": "sqs.%s.amazonaws.com"}}}]}
                """.formatted(arn, PREFIX, arn, PREFIX, arn, PREFIX, iam, iam, REGION, ACCOUNT, PREFIX, key, REGION)));
    }

    @Test
    void failedRunsLandInAnEncryptedQueueWhoseAlarmNotifiesTheAlarmTopic() {
        var plan = plan(ScheduledTaskPlanTest::scheduledMailer);
        var queue = named(plan, "aws:sqs/queue:Queue", "mailer-schedule-dead-letters");
        assertThat(queue.input("name")).isEqualTo(PREFIX + "mailer-schedule-dead-letters");
        assertThat(queue.input("kmsMasterKeyId")).isEqualTo(only(plan, "aws:kms/key:Key").output("arn"));
        assertThat(queue.input("messageRetentionSeconds")).isEqualTo(1_209_600L);
        var queueArn = String.valueOf(queue.output("arn"));
        var policy = named(plan, "aws:sqs/queuePolicy:QueuePolicy", "mailer-schedule-dead-letters-policy");
        assertThat(policy.input("queueUrl")).isEqualTo(queue.output("url"));
        assertThat(policy.inputString("policy")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
                + "\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":"
                + "[\"sqs:*\"],\"Resource\":[\"" + queueArn + "\"],\"Condition\":{\"Bool\":"
                + "{\"aws:SecureTransport\":\"false\"}}}]}");
        var schedule = only(plan, "aws:scheduler/schedule:Schedule");
        assertThat(schedule.inputAt("target.deadLetterConfig")).isEqualTo(Map.of("arn", queue.output("arn")));
        var alarm = named(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "mailer-schedule-failed-runs");
        assertThat(alarm.input("name")).isEqualTo(PREFIX + "mailer-schedule-failed");
        assertThat(alarm.input("namespace")).isEqualTo("AWS/SQS");
        assertThat(alarm.input("metricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
        assertThat(alarm.input("statistic")).isEqualTo("Maximum");
        assertThat(alarm.input("comparisonOperator")).isEqualTo("GreaterThanThreshold");
        assertThat(((Number) alarm.input("threshold")).doubleValue()).isEqualTo(0.0);
        assertThat(alarm.input("dimensions")).isEqualTo(Map.of("QueueName", PREFIX + "mailer-schedule-dead-letters"));
        // The small fixture has no alarms module: nothing to notify.
        assertThat(alarm.input("alarmActions")).isEqualTo(List.of());
    }

    @Test
    void withTheAlarmsModuleTheDeadLetterAlarmNotifiesItsTopicAndNoServiceAlarmWatchesTheTask() {
        var values = Fixtures.values(Fixtures.FULL).setIn(S, "mailer.schedule", Map.of("expression",
                "cron(0 3 * * ? *)", "timezone", "Europe/Berlin"));
        var plan = Fixtures.plan(Fixtures.FULL, values);
        var services = Fixtures.plan(Fixtures.FULL);
        var topic = only(plan, "aws:sns/topic:Topic").output("arn");
        var alarm = named(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "mailer-schedule-failed-runs");
        assertThat(alarm.input("alarmActions")).isEqualTo(List.of(topic));
        assertThat(alarm.input("okActions")).isEqualTo(List.of(topic));
        // The service alarms and dashboard widgets of mailer are gone with its service; no other alarm names it.
        assertThat(plan.byType("aws:cloudwatch/metricAlarm:MetricAlarm")).filteredOn(a -> a != alarm)
                .noneMatch(a -> String.valueOf(a.input("dimensions")).contains(PREFIX.replace("qa-t1", "live")
                        + "mailer") || String.valueOf(a.input("name")).contains("mailer"));
        assertThat(services.byType("aws:cloudwatch/metricAlarm:MetricAlarm"))
                .anyMatch(a -> String.valueOf(a.input("name")).contains("mailer"));
        // Each run reads the secrets afresh: no redeploy on rotation, as a service needs.
        assertThat(plan.byType("aws:sfn/stateMachine:StateMachine")).noneMatch(m ->
                String.valueOf(m.input("name")).contains("mailer"));
        var schedule = only(plan, "aws:scheduler/schedule:Schedule");
        assertThat(schedule.input("scheduleExpression")).isEqualTo("cron(0 3 * * ? *)");
        assertThat(schedule.input("scheduleExpressionTimezone")).isEqualTo("Europe/Berlin");
        assertThat(schedule.inputAt("target.retryPolicy.maximumEventAgeInSeconds")).isEqualTo(3600L);
    }

    @Test
    void aDisabledScheduleIsKeptAndSaysSo() {
        var plan = plan(v -> scheduledMailer(v).setIn(S, "mailer.schedule", Map.of("expression", "rate(1 day)",
                "enabled", false, "taskCount", 3)));
        var schedule = only(plan, "aws:scheduler/schedule:Schedule");
        assertThat(schedule.input("state")).isEqualTo("DISABLED");
        assertThat(schedule.inputAt("target.ecsParameters.taskCount")).isEqualTo(3L);
    }

    @Test
    void theSchedulerRolesStatementsAreOnesAwsKnows() {
        var account = new com.tapstack.aws.AwsAccount(ACCOUNT, "aws", REGION, "amazonaws.com");
        var document = SchedulerPolicies.run(account, "arn:aws:ecs:us-east-1:123456789012:task-definition/x-job:7",
                "arn:aws:ecs:us-east-1:123456789012:cluster/x-cluster", "arn:aws:iam::123456789012:role/x-job-execution",
                "arn:aws:iam::123456789012:role/x-job-task", "arn:aws:sqs:us-east-1:123456789012:x-job-dead-letters",
                "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666");
        assertThat(document.statements()).hasSize(5).allSatisfy(statement -> assertThat(
                com.tapstack.iam.StatementCheck.problems(statement.actions(), statement.resources(),
                        statement.conditions().stream().map(com.tapstack.iam.Condition::key).toList(), false))
                .as(statement.sid()).isEmpty());
        assertThat(SchedulerPolicies.familyRevisions("arn:aws:ecs:us-east-1:123456789012:task-definition/x-job:7"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/x-job:*");
    }
}
