package com.tapstack.service;

import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
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
 * <p>Not covered: an alarm rollback during the bake time ECS keeps watching after steady state, when that
 * happens after the provider's wait returned (pulumi up has then finished green); the next
 * {@code pulumi preview --refresh} shows the service's taskDefinition differing from the registered one.
 */
public final class DeploymentCheck {

    private DeploymentCheck() {
    }

    /** The revision the service runs, once it is known to be the one registered; a failure otherwise. */
    public static Output<String> runningRevision(Output<String> serviceName, Output<Optional<String>> running,
                                                 Output<String> registered) {
        return Output.tuple(serviceName, running, registered).applyValue(t -> {
            var actual = t.t2.orElse("");
            if (!Deployment.getInstance().isDryRun() && !actual.equals(t.t3)) {
                throw new RolledBack(t.t1, actual, t.t3);
            }
            return t.t3;
        });
    }

    /** ECS did not keep the new revision: the deployment failed and was rolled back. */
    public static final class RolledBack extends RuntimeException {
        public RolledBack(String service, String running, String registered) {
            super("ECS service " + service + " runs task definition " + revision(running) + ", not "
                    + revision(registered) + " which this update registered: the deployment failed and ECS rolled it"
                    + " back (circuit breaker or deployment alarm). The service's events say why: aws ecs"
                    + " describe-services --services " + service + ". The next pulumi up deploys "
                    + revision(registered) + " again.");
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
