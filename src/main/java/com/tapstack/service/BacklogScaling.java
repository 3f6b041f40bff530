package com.tapstack.service;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.inputs.PolicyStepScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyStepScalingPolicyConfigurationStepAdjustmentArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.config.service.Scaling;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.List;
import java.util.Map;

/**
 * A queue worker's autoscaling: target tracking on the backlog per task, the queue's visible messages divided by
 * the service's running tasks (Application Auto Scaling user guide, "target tracking ... using metric math",
 * example "Amazon SQS queue backlog per task"), instead of CPU and memory.
 *
 * <p>With no task running the division has no data point ("If the value of a data point causes a function to
 * attempt to divide by zero, the data point is dropped", CloudWatch using-metric-math.html), so the target tracking
 * alarm is INSUFFICIENT_DATA and neither scales out nor in (target tracking "does not scale in when the state of the
 * alarm is INSUFFICIENT_DATA"). A worker allowed to scale to zero (minCount 0) therefore also gets a step scaling
 * policy that adds one task when messages wait and no task runs; once a task runs, target tracking takes over.
 * RunningTaskCount is a Container Insights metric; the cluster has Container Insights on.
 */
final class BacklogScaling {

    public static final String VISIBLE_ID = "visible";
    public static final String RUNNING_ID = "running";
    /** AWS's expression: {@code (m1)/(m2)} with m1 the visible messages (Sum) and m2 the running tasks (Average). */
    public static final String BACKLOG_EXPRESSION = VISIBLE_ID + " / " + RUNNING_ID;
    /**
     * 1 when messages wait and no task runs, else 0. Missing running-task data (no task) is filled with 0, and a
     * comparison makes a 0-or-1 series; without visible-message data (an idle queue) there is no point, and the
     * alarm treats that as not breaching.
     */
    public static final String WAKE_EXPRESSION = VISIBLE_ID + " > 0 AND FILL(" + RUNNING_ID + ", 0) == 0";
    /** Two minutes in a row, so a late running-task data point does not add a task next to running ones. */
    public static final int WAKE_PERIODS = 2;
    public static final int PERIOD_SECONDS = 60;

    private BacklogScaling() {
    }

    static void create(String logicalName, String serviceName, Scaling scaling, int backlogPerTask,
                       Output<String> queueName, Output<String> clusterName, Output<String> ecsServiceName,
                       StackScope scope, CustomResourceOptions options) {
        var target = ServiceAutoscaling.target(logicalName, scaling, clusterName, ecsServiceName, scope, options);
        new Policy(logicalName + "-backlog", ServiceAutoscaling.policyOn(target,
                        scope.name(serviceName + "-backlog", NameLimit.SCALING_POLICY), "TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .customizedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs.builder()
                                        .metrics(
                                                metric(VISIBLE_ID, "Messages waiting", "AWS/SQS",
                                                        "ApproximateNumberOfMessagesVisible", "Sum",
                                                        queueDimensions(queueName)),
                                                metric(RUNNING_ID, "Tasks running", "ECS/ContainerInsights",
                                                        "RunningTaskCount", "Average",
                                                        serviceDimensions(clusterName, ecsServiceName)),
                                                PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                                                        .id("backlog").label("Backlog per task")
                                                        .expression(BACKLOG_EXPRESSION).returnData(true).build())
                                        .build())
                        .targetValue((double) backlogPerTask)
                        .scaleInCooldown(Scaling.SCALE_IN_COOLDOWN_SECONDS)
                        .scaleOutCooldown(Scaling.SCALE_OUT_COOLDOWN_SECONDS)
                        .build())
                .build(), options);
        if (scaling.minCount() == 0) {
            wakeFromZero(logicalName, serviceName, target, queueName, clusterName, ecsServiceName, scope, options);
        }
    }

    /**
     * One more task when the wake alarm fires. A step policy's cooldown counts the capacity it just added, so
     * repeated invocations while the first task starts ask for the same one task
     * (application-auto-scaling-step-scaling-policies.html, cooldown).
     */
    private static void wakeFromZero(String logicalName, String serviceName, Target target, Output<String> queueName,
                                     Output<String> clusterName, Output<String> ecsServiceName, StackScope scope,
                                     CustomResourceOptions options) {
        var wake = new Policy(logicalName + "-wake", ServiceAutoscaling.policyOn(target,
                        scope.name(serviceName + "-wake", NameLimit.SCALING_POLICY), "StepScaling")
                .stepScalingPolicyConfiguration(PolicyStepScalingPolicyConfigurationArgs.builder()
                        .adjustmentType("ChangeInCapacity")
                        .cooldown(Scaling.SCALE_IN_COOLDOWN_SECONDS)
                        .metricAggregationType("Maximum")
                        .stepAdjustments(PolicyStepScalingPolicyConfigurationStepAdjustmentArgs.builder()
                                .metricIntervalLowerBound("0").scalingAdjustment(1).build())
                        .build())
                .build(), options);
        new MetricAlarm(logicalName + "-wake-alarm", MetricAlarmArgs.builder()
                .name(scope.name(serviceName + "-queue-wake", NameLimit.CLOUDWATCH))
                .alarmDescription("Messages wait in the queue of " + serviceName + " and no task runs: start one"
                        + " (autoscaling, scale from zero)")
                .metricQueries(
                        alarmMetric(VISIBLE_ID, "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                                queueName.applyValue(name -> Map.of("QueueName", name))),
                        alarmMetric(RUNNING_ID, "ECS/ContainerInsights", "RunningTaskCount",
                                Output.tuple(clusterName, ecsServiceName).applyValue(t ->
                                        Map.of("ClusterName", t.t1, "ServiceName", t.t2))),
                        MetricAlarmMetricQueryArgs.builder().id("wake").label("Messages wait, no task runs")
                                .expression(WAKE_EXPRESSION).returnData(true).build())
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .threshold(1.0)
                .evaluationPeriods(WAKE_PERIODS)
                .datapointsToAlarm(WAKE_PERIODS)
                .treatMissingData("notBreaching")
                .alarmActions(wake.arn().applyValue(List::of))
                .tags(scope.commonTags())
                .build(), options);
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs metric(
            String id, String label, String namespace, String name, String stat,
            List<PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs> dimensions) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                .id(id).label(label).returnData(false)
                .metricStat(PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs.builder()
                        .stat(stat)
                        .metric(PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs.builder()
                                .namespace(namespace).metricName(name).dimensions(dimensions).build())
                        .build())
                .build();
    }

    private static List<PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs> queueDimensions(
            Output<String> queueName) {
        return List.of(dimension("QueueName", queueName));
    }

    private static List<PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs> serviceDimensions(
            Output<String> clusterName, Output<String> serviceName) {
        return List.of(dimension("ClusterName", clusterName), dimension("ServiceName", serviceName));
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs dimension(
            String name, Output<String> value) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs.builder()
                .name(name).value(value).build();
    }

    /** One metric of the wake alarm: its maximum over a minute. */
    private static MetricAlarmMetricQueryArgs alarmMetric(String id, String namespace, String name,
                                                          Output<Map<String, String>> dimensions) {
        return MetricAlarmMetricQueryArgs.builder().id(id).returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace(namespace).metricName(name).stat("Maximum").period(PERIOD_SECONDS)
                        .dimensions(dimensions).build())
                .build();
    }
}
