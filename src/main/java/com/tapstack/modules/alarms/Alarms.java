package com.tapstack.modules.alarms;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.aws.AwsAccount;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An SNS topic encrypted with the stack key (with the e-mail subscribers configured), alarms on each service's
 * CPU, memory and running task count, each public service's unhealthy targets and 5xx responses, the load
 * balancer's 5xx rate and the database's CPU, capacity, memory (and, on RDS, free storage), and one dashboard with
 * those metrics. The alarms are created before the services (they are named, not looked up).
 *
 * <p>A service's deployments roll back only on signals of the new revision: the 5xx responses and unhealthy
 * targets of its target group. CPU and memory are service-wide averages over old and new tasks alike; under
 * sustained load they sit near the autoscaling target, so rolling back on them would undo healthy releases
 * whenever traffic is high. They notify instead. Services without a load balancer roll back through the circuit
 * breaker only (tasks that fail to start or fail their container health check).
 */
public final class Alarms extends ComponentResource {

    public static final String TYPE = "tap:alarms:Alarms";
    public static final int PERIOD_SECONDS = 60;
    public static final long GIB = 1L << 30;
    public static final long MIB = 1L << 20;

    private final CustomResourceOptions child;
    private final StackScope scope;
    private final Output<String> topicArn;
    private final List<MetricAlarm> alarms = new ArrayList<>();
    /** Per service, the alarms its deployments roll back on: its target group's 5xx and unhealthy targets. */
    private final Map<String, List<MetricAlarm>> rollbackAlarms = new LinkedHashMap<>();
    private final Map<String, List<Output<String>>> rollbackAlarmNames = new LinkedHashMap<>();
    /** Per service, its CPU alarm: what a service without rollback signals names in its switched-off block. */
    private final Map<String, MetricAlarm> cpuAlarms = new LinkedHashMap<>();

    public Alarms(String name, AlarmsConfig config, Output<Monitored> monitored, int serviceCount,
                  List<String> serviceNames, List<Boolean> publicServices,
                  Optional<WatchedDatabase> database, Output<String> kmsKeyArn,
                  StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.scope = scope;
        this.child = CustomResourceOptions.builder().parent(this).build();
        var topic = new Topic(name, TopicArgs.builder()
                .name(scope.name("alarms", NameLimit.SNS_TOPIC))
                .kmsMasterKeyId(kmsKeyArn)
                .tags(scope.commonTags())
                .build(), child);
        this.topicArn = topic.arn();
        new TopicPolicy(name + "-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(Output.tuple(topic.arn(), scope.account()).applyValue(t -> topicPolicy(t.t1, t.t2).toJson()))
                .build(), child);
        for (int i = 0; i < config.emails().size(); i++) {
            new TopicSubscription(name + "-email-" + (i + 1), TopicSubscriptionArgs.builder()
                    .topic(topic.arn()).protocol("email").endpoint(config.emails().get(i)).build(), child);
        }

        for (int i = 0; i < serviceCount; i++) {
            int index = i;
            var service = serviceNames.get(i);
            var svc = monitored.applyValue(m -> m.services().get(index));
            var dimensions = Output.tuple(monitored, svc).applyValue(t ->
                    Map.of("ClusterName", t.t1.clusterName(), "ServiceName", t.t2.ecsServiceName()));
            var cpu = simple(name + "-" + service + "-cpu", service + "-cpu-high", "CPU of " + service + " above "
                    + config.cpuPercent() + "% (notification only: deployments do not roll back on it)", "AWS/ECS",
                    "CPUUtilization", "Average", dimensions, config.cpuPercent(), "GreaterThanThreshold", 5, 3);
            cpuAlarms.put(service, cpu);
            simple(name + "-" + service + "-memory", service + "-memory-high", "Memory of " + service + " above "
                    + config.memoryPercent() + "% (notification only: deployments do not roll back on it)", "AWS/ECS",
                    "MemoryUtilization", "Average", dimensions, config.memoryPercent(), "GreaterThanThreshold", 5, 3);
            math(name + "-" + service + "-tasks", service + "-tasks-below-desired", "Fewer running tasks of "
                    + service + " than desired for 5 minutes", "desired - running", List.of(
                    query("running", "ECS/ContainerInsights", "RunningTaskCount", "Average", dimensions),
                    query("desired", "ECS/ContainerInsights", "DesiredTaskCount", "Average", dimensions)),
                    0, "GreaterThanThreshold", 5, 5);
            if (publicServices.get(i)) {
                var targets = Output.tuple(monitored, svc).applyValue(t -> Map.of(
                        "TargetGroup", t.t2.targetGroup().orElseThrow(),
                        "LoadBalancer", t.t1.loadBalancer().orElseThrow()));
                rollsBack(service, simple(name + "-" + service + "-unhealthy", service + "-unhealthy-targets",
                        "Unhealthy targets of " + service + " behind the load balancer", "AWS/ApplicationELB",
                        "UnHealthyHostCount", "Maximum", targets, 0, "GreaterThanThreshold", 3, 3));
                rollsBack(service, simple(name + "-" + service + "-5xx", service + "-target-5xx", "More than " + config.alb5xxPerMinute()
                        + " 5xx responses a minute from " + service, "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                        "Sum", targets, config.alb5xxPerMinute(), "GreaterThanThreshold", 3, 3));
            }
        }
        if (publicServices.contains(true)) {
            var lb = monitored.applyValue(m -> Map.of("LoadBalancer", m.loadBalancer().orElseThrow()));
            math(name + "-alb-5xx", "alb-5xx", "More than " + config.alb5xxPerMinute() + " 5xx responses a minute",
                    "FILL(elb, 0) + FILL(target, 0)", List.of(
                            query("elb", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", lb),
                            query("target", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", lb)),
                    config.alb5xxPerMinute(), "GreaterThanThreshold", 3, 3);
        }
        database.ifPresent(db -> databaseAlarms(name, config, db,
                monitored.applyValue(m -> m.database().orElseThrow())));

        var alarmArns = Output.all(alarms.stream().map(MetricAlarm::arn).toList());
        new Dashboard(name + "-dashboard", com.pulumi.aws.cloudwatch.DashboardArgs.builder()
                .dashboardName(scope.name("overview", NameLimit.CLOUDWATCH))
                .dashboardBody(Output.tuple(monitored, alarmArns).applyValue(t -> Dashboards.body(t.t1, t.t2)))
                .build(), child);
        registerOutputs(Map.of("topicArn", topicArn));
    }

    /**
     * CPU, then what tells an operator the database is running out of room: Aurora Serverless v2's ACUUtilization
     * (ServerlessDatabaseCapacity over the cluster's maximum ACUs; near 100 it cannot scale further), the memory
     * its instances have left (FreeableMemory; on Serverless v2 measured at the maximum capacity), and, on RDS,
     * the instance's free storage. Aurora's FreeLocalStorage is per-instance scratch space for temporary tables
     * and logs, not the cluster volume, and Serverless v2 does not report it at all (Aurora user guide,
     * Aurora.AuroraMonitoring.Metrics): an alarm on it would never speak for the data. The cluster volume grows on
     * its own up to 128 TiB, so it gets no alarm.
     */
    private void databaseAlarms(String name, AlarmsConfig config, WatchedDatabase kind,
                                Output<Monitored.Database> db) {
        var memoryBytes = (double) config.databaseFreeableMemoryMiB() * MIB;
        if (!kind.aurora()) {
            var instance = db.applyValue(d -> Map.of(d.dimension(), d.identifier()));
            simple(name + "-db-cpu", "db-cpu-high", "Database CPU above " + config.databaseCpuPercent() + "%",
                    "AWS/RDS", "CPUUtilization", "Maximum", instance, config.databaseCpuPercent(),
                    "GreaterThanThreshold", 5, 3);
            alarm(name + "-db-memory", "db-memory-low", "Database freeable memory below "
                    + config.databaseFreeableMemoryMiB() + " MiB", MetricAlarmArgs.builder()
                    .namespace("AWS/RDS").metricName("FreeableMemory").statistic("Minimum").period(PERIOD_SECONDS)
                    .dimensions(instance).threshold(memoryBytes)
                    .comparisonOperator("LessThanThreshold").evaluationPeriods(5).datapointsToAlarm(3));
            alarm(name + "-db-storage", "db-storage-low", "Database free storage below "
                    + config.databaseFreeStorageGiB() + " GiB", MetricAlarmArgs.builder()
                    .namespace("AWS/RDS").metricName("FreeStorageSpace").statistic("Minimum").period(PERIOD_SECONDS)
                    .dimensions(instance)
                    .threshold((double) (config.databaseFreeStorageGiB() * GIB))
                    .comparisonOperator("LessThanThreshold").evaluationPeriods(5).datapointsToAlarm(3));
            return;
        }
        // Aurora: the worst instance, each read by its own DBInstanceIdentifier. The cluster-level series is an
        // average over the instances (ServerlessDatabaseCapacity "represents the average of ... all the Aurora
        // Serverless v2 DB instances in the cluster"), which a busy writer next to an idle reader hides.
        math(name + "-db-cpu", "db-cpu-high", "CPU of the busiest database instance above "
                        + config.databaseCpuPercent() + "%", "MAX(METRICS())",
                instanceQueries(db, kind.instances(), "CPUUtilization", "Maximum"), config.databaseCpuPercent(),
                "GreaterThanThreshold", 5, 3);
        if (kind.serverless()) {
            math(name + "-db-capacity", "db-capacity-high", "Capacity of the busiest database instance above "
                            + config.databaseAcuPercent() + "% of its maximum ACUs: raise maxCapacity", "MAX(METRICS())",
                    instanceQueries(db, kind.instances(), "ACUUtilization", "Maximum"), config.databaseAcuPercent(),
                    "GreaterThanThreshold", 5, 3);
        }
        math(name + "-db-memory", "db-memory-low", "Freeable memory of a database instance below "
                        + config.databaseFreeableMemoryMiB() + " MiB", "MIN(METRICS())",
                instanceQueries(db, kind.instances(), "FreeableMemory", "Minimum"), memoryBytes,
                "LessThanThreshold", 5, 3);
    }

    /** One query per Aurora instance ({@code m1}, {@code m2}, ...), by the identifiers the database gives them. */
    private static List<MetricAlarmMetricQueryArgs> instanceQueries(Output<Monitored.Database> db, int instances,
                                                                    String metric, String stat) {
        var queries = new ArrayList<MetricAlarmMetricQueryArgs>();
        for (int i = 1; i <= instances; i++) {
            int index = i;
            queries.add(query("m" + i, "AWS/RDS", metric, stat, db.applyValue(d ->
                    Map.of("DBInstanceIdentifier", d.instanceIdentifiers().get(index - 1)))));
        }
        return queries;
    }

    /** CloudWatch alarms of this account may publish; the account keeps administering the topic. */
    static PolicyDocument topicPolicy(String topicArn, AwsAccount account) {
        return PolicyDocument.of(
                Statement.allow("AccountAdministersTopic").principal("AWS", account.rootPrincipal())
                        .actions("sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:AddPermission",
                                "sns:RemovePermission", "sns:DeleteTopic", "sns:Subscribe",
                                "sns:ListSubscriptionsByTopic", "sns:Publish")
                        .resources(topicArn).build(),
                Statement.allow("CloudWatchAlarmsPublish").principal("Service", account.servicePrincipal("cloudwatch"))
                        .actions("sns:Publish").resources(topicArn)
                        .condition("StringEquals", "aws:SourceAccount", account.accountId())
                        .condition("ArnLike", "aws:SourceArn", account.arn("cloudwatch", "alarm:*"))
                        .build());
    }

    public Output<String> topicArn() {
        return topicArn;
    }

    /**
     * Per service, the alarms its ECS deployments roll back on: behind the load balancer, its target group's 5xx
     * and unhealthy targets; otherwise a switched-off block naming its CPU alarm (see {@link
     * com.tapstack.service.DeploymentAlarms#rollback()}).
     */
    public Map<String, com.tapstack.service.DeploymentAlarms> deploymentAlarms() {
        var result = new LinkedHashMap<String, com.tapstack.service.DeploymentAlarms>();
        cpuAlarms.forEach((service, cpu) -> result.put(service, rollbackAlarms.containsKey(service)
                ? new com.tapstack.service.DeploymentAlarms(rollbackAlarmNames.get(service),
                        List.copyOf(rollbackAlarms.get(service)), true)
                : new com.tapstack.service.DeploymentAlarms(List.of(cpu.name()), List.of(cpu), false)));
        return result;
    }

    private MetricAlarm simple(String logicalName, String part, String description, String namespace, String metric,
                               String statistic, Output<Map<String, String>> dimensions, int threshold,
                               String comparison, int evaluationPeriods, int datapoints) {
        return alarm(logicalName, part, description, MetricAlarmArgs.builder()
                .namespace(namespace).metricName(metric).statistic(statistic).period(PERIOD_SECONDS)
                .dimensions(dimensions)
                .threshold((double) threshold).comparisonOperator(comparison)
                .evaluationPeriods(evaluationPeriods).datapointsToAlarm(datapoints));
    }

    private void math(String logicalName, String part, String description, String expression,
                      List<MetricAlarmMetricQueryArgs> metrics, double threshold, String comparison, int evaluationPeriods,
                      int datapoints) {
        var queries = new ArrayList<>(metrics);
        queries.add(MetricAlarmMetricQueryArgs.builder().id("result").expression(expression).label(part)
                .returnData(true).build());
        alarm(logicalName, part, description, MetricAlarmArgs.builder()
                .metricQueries(queries)
                .threshold(threshold).comparisonOperator(comparison)
                .evaluationPeriods(evaluationPeriods).datapointsToAlarm(datapoints));
    }

    private static MetricAlarmMetricQueryArgs query(String id, String namespace, String metric, String stat,
                                                    Output<Map<String, String>> dimensions) {
        return MetricAlarmMetricQueryArgs.builder().id(id).returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder().namespace(namespace).metricName(metric)
                        .stat(stat).period(PERIOD_SECONDS).dimensions(dimensions).build())
                .build();
    }

    private MetricAlarm alarm(String logicalName, String part, String description, MetricAlarmArgs.Builder args) {
        var alarmName = scope.name(part, NameLimit.CLOUDWATCH);
        var alarm = new MetricAlarm(logicalName, args
                .name(alarmName)
                .alarmDescription(description)
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of))
                .treatMissingData("notBreaching")
                .tags(scope.commonTags())
                .build(), child);
        alarms.add(alarm);
        return alarm;
    }

    /** Marks an alarm of {@code service} as one its deployments roll back on. */
    private void rollsBack(String service, MetricAlarm alarm) {
        rollbackAlarms.computeIfAbsent(service, k -> new ArrayList<>()).add(alarm);
        rollbackAlarmNames.computeIfAbsent(service, k -> new ArrayList<>()).add(alarm.name());
    }
}
