package com.tapstack.service;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.config.service.Scaling;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;

/**
 * Target tracking on average CPU and memory: the service's task count moves between min and max, scaling out
 * after 60 s and in after 300 s, so a burst adds tasks quickly and a lull removes them slowly.
 */
final class ServiceAutoscaling {

    static final String DIMENSION = "ecs:service:DesiredCount";

    private ServiceAutoscaling() {
    }

    static void create(String logicalName, String serviceName, Scaling scaling, Output<String> clusterName,
                       Output<String> ecsServiceName, StackScope scope, CustomResourceOptions options) {
        var target = target(logicalName, scaling, clusterName, ecsServiceName, scope, options);
        policy(logicalName + "-cpu", serviceName + "-cpu", "ECSServiceAverageCPUUtilization", scaling.cpuTarget(),
                target, scope, options);
        policy(logicalName + "-memory", serviceName + "-memory", "ECSServiceAverageMemoryUtilization",
                scaling.memoryTarget(), target, scope, options);
    }

    /** The service's task count as a scalable target between minCount and maxCount. */
    static Target target(String logicalName, Scaling scaling, Output<String> clusterName,
                         Output<String> ecsServiceName, StackScope scope, CustomResourceOptions options) {
        var resourceId = Output.tuple(clusterName, ecsServiceName).applyValue(t -> "service/" + t.t1 + "/" + t.t2);
        return new Target(logicalName, TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension(DIMENSION)
                .resourceId(resourceId)
                .minCapacity(scaling.minCount())
                .maxCapacity(scaling.maxCount())
                .tags(scope.commonTags())
                .build(), options);
    }

    /** A scaling policy's arguments on {@code target}: its name and type, the rest for the caller to add. */
    static PolicyArgs.Builder policyOn(Target target, Output<String> name, String policyType) {
        return PolicyArgs.builder()
                .name(name)
                .policyType(policyType)
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId());
    }

    private static void policy(String logicalName, String part, String metric, int targetPercent, Target target,
                               StackScope scope, CustomResourceOptions options) {
        var name = scope.name(part, NameLimit.SCALING_POLICY);
        new Policy(logicalName, policyOn(target, name, "TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                        .predefinedMetricType(metric).build())
                        .targetValue((double) targetPercent)
                        .scaleInCooldown(Scaling.SCALE_IN_COOLDOWN_SECONDS)
                        .scaleOutCooldown(Scaling.SCALE_OUT_COOLDOWN_SECONDS)
                        .build())
                .build(), options);
    }
}
