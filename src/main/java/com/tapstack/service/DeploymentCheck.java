package com.tapstack.service;

import com.pulumi.aws.ecs.outputs.ServiceLoadBalancer;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.exceptions.RunException;
import java.util.List;
import java.util.Optional;

/**
 * Makes {@code pulumi up} fail when a service does not run the task definition the update registered.
 *
 * <p>With {@code waitForSteadyState}, pulumi-aws 6.x (terraform-provider-aws v5) waits only for "one deployment,
 * running == desired" (statusServiceWaitForStable in internal/service/ecs/service.go) and never reads the
 * deployment's rolloutState. When the circuit breaker, or a deployment alarm before the waiter returns, rolls
 * the service back, ECS ends with one deployment of the previous revision and the wait reports success
 * (hashicorp/terraform-provider-aws#19519 and #20858, pulumi/pulumi-aws#4487, all open). The provider then reads
 * the service back from DescribeServices, so the service's {@code taskDefinition} output is the revision ECS
 * rolled back to. Comparing it with the revision this update registered is the Pulumi form of the Terraform
 * postcondition quoted in terraform-aws-modules/terraform-aws-ecs#325.
 *
 * <p>A rollback also returns the service to the load balancer configuration of the last completed deployment (a
 * service revision carries its target groups), so when the update moved the service to a new target group (a
 * replaced one), the service must read back in that group too; else the listener would forward to a group ECS no
 * longer registers tasks in.
 *
 * <p>Not covered: an alarm rollback during the bake time ECS keeps watching after steady state, when that
 * happens after the provider's wait returned (pulumi up has then finished green); the next
 * {@code pulumi preview --refresh} shows the service's taskDefinition differing from the registered one. Nor a
 * forced deployment of the same revision that ECS rolls back (the revision is the same either way).
 */
public final class DeploymentCheck {

    private DeploymentCheck() {
    }

    /**
     * The revision the service runs, once it is known to be the one registered (and, behind a load balancer, the
     * service known to be in the target group it was given); a failure otherwise.
     */
    public static Output<String> runningRevision(Output<String> serviceName, Output<Optional<String>> running,
                                                 Output<String> registered,
                                                 Output<Optional<List<ServiceLoadBalancer>>> loadBalancers,
                                                 Optional<Output<String>> targetGroupArn) {
        var expectedGroup = targetGroupArn.map(arn -> arn.applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
        return Output.tuple(serviceName, running, registered, loadBalancers, expectedGroup).applyValue(t -> {
            if (Deployment.getInstance().isDryRun()) {
                return t.t3;
            }
            var actual = t.t2.orElse("");
            if (!actual.equals(t.t3)) {
                throw new RolledBack(t.t1, "runs task definition " + RolledBack.revision(actual) + ", not "
                        + RolledBack.revision(t.t3)
                        + " which this update registered", t.t3);
            }
            var groups = t.t4.orElse(List.of()).stream().map(lb -> lb.targetGroupArn().orElse("")).toList();
            if (t.t5.isPresent() && !groups.contains(t.t5.get())) {
                throw new RolledBack(t.t1, "is registered in target group " + String.join(", ", groups) + ", not "
                        + t.t5.get() + " which this update moved it to (the listener forwards there)", t.t3);
            }
            return t.t3;
        });
    }

    /**
     * ECS did not keep the update: the deployment failed and was rolled back. A {@link RunException}, so the
     * Pulumi CLI prints this message and not a stack trace.
     */
    public static final class RolledBack extends RunException {
        public RolledBack(String service, String what, String registered) {
            super("ECS service " + service + " " + what + ": the deployment failed and ECS rolled it back (circuit"
                    + " breaker or deployment alarm). The service's events say why: aws ecs describe-services"
                    + " --services " + service + ". The next pulumi up deploys " + revision(registered) + " again.");
        }

        /** {@code family:revision} of a task definition ARN, the way the console and the events show it. */
        static String revision(String arn) {
            if (arn.isEmpty()) {
                return "(none)";
            }
            int slash = arn.lastIndexOf('/');
            return slash < 0 ? arn : arn.substring(slash + 1);
        }
    }
}
