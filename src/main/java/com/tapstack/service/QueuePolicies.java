package com.tapstack.service;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.queue.QueueGrants;
import com.tapstack.queue.WorkQueue;
import com.tapstack.scope.StackScope;
import java.util.Optional;

/** The task role's inline policy {@code queues}: what {@link QueueGrants} allows the service on its queues. */
final class QueuePolicies {

    static final String POLICY_NAME = "queues";

    private QueuePolicies() {
    }

    static Optional<RolePolicy> attach(String logicalName, QueueAccess queues, Role taskRole, Output<String> keyArn,
                                       StackScope scope, String serviceKey, CustomResourceOptions options) {
        if (queues.isEmpty()) {
            return Optional.empty();
        }
        var own = queues.own().map(queue -> queue.arn().applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
        var sendTo = queues.sendTo().isEmpty() ? Output.of(java.util.List.<String>of())
                : Output.all(queues.sendTo().values().stream().map(WorkQueue::arn).toList());
        return Optional.of(new RolePolicy(logicalName, RolePolicyArgs.builder()
                .name(POLICY_NAME)
                .role(taskRole.id())
                .policy(Output.tuple(own, sendTo, keyArn, scope.account()).applyValue(t -> AwsSizeLimits.rolePolicy(
                        QueueGrants.of(t.t1, t.t2, t.t3, "sqs." + t.t4.region() + "." + t.t4.dnsSuffix())
                                .orElseThrow().toJson(), scope.configFile(),
                        serviceKey + ".queue", "task")))
                .build(), options));
    }
}
