package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.test.Mocks;
import com.tapstack.support.AwsAnswers;
import com.tapstack.support.Fixtures;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.SimulatedAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * pulumi up fails, naming the service and both revisions, when ECS rolled a deployment back: the provider reads
 * the service back at the revision ECS returned to, while the wait for steady state reported success.
 */
class DeploymentCheckTest {

    private static final String OLD_GROUP = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/"
            + "shop-qa-t1-storefront/0123456789abcdef";

    /** AWS answers as the simulator does, except that one ECS service reads back at revision 41. */
    private static Mocks rolledBack(Mocks aws, String serviceSuffix) {
        return AwsAnswers.readBack(aws, AwsAnswers.named("aws:ecs/service:Service", serviceSuffix), state ->
                state.put("taskDefinition", String.valueOf(state.get("taskDefinition")).replaceFirst(":\\d+$", ":41")));
    }

    /** One ECS service reads back in the target group it was in before the update. */
    private static Mocks backInTheOldTargetGroup(Mocks aws, String serviceSuffix) {
        return AwsAnswers.readBack(aws, AwsAnswers.named("aws:ecs/service:Service", serviceSuffix), state ->
                state.put("loadBalancers", List.of(Map.of("containerName", "storefront", "containerPort", 3000,
                        "targetGroupArn", OLD_GROUP))));
    }

    @Test
    void aServiceReadBackAtAnotherRevisionFailsTheDeploymentNamingTheServiceAndBothRevisions() {
        var config = Fixtures.config(Fixtures.SMALL);

        assertThatThrownBy(() -> OfflineEngine.plan(config, Fixtures.SMALL, SimulatedAccount.forStack(config),
                aws -> rolledBack(aws, "-orders")))
                .hasMessageContaining("ECS service shop-qa-t1-orders runs task definition shop-qa-t1-orders:41, not"
                        + " shop-qa-t1-orders:1 which this update registered: the deployment failed and ECS rolled it"
                        + " back (circuit breaker or deployment alarm)")
                .hasMessageNotContaining("storefront");
    }

    @Test
    void aServiceRolledBackIntoItsOldTargetGroupFailsTheDeploymentToo() {
        var config = Fixtures.config(Fixtures.SMALL);

        assertThatThrownBy(() -> OfflineEngine.plan(config, Fixtures.SMALL, SimulatedAccount.forStack(config),
                aws -> backInTheOldTargetGroup(aws, "-storefront")))
                .hasMessageContaining("ECS service shop-qa-t1-storefront is registered in target group " + OLD_GROUP
                        + ", not arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-qa-t1-storefront-")
                .hasMessageContaining("which this update moved it to (the listener forwards there): the deployment"
                        + " failed and ECS rolled it back");
    }

    @Test
    void servicesThatRunTheRegisteredRevisionPlanAndExportIt() {
        var plan = Fixtures.plan(Fixtures.SMALL);

        @SuppressWarnings("unchecked")
        var services = (Map<String, Map<String, Object>>) plan.outputs().get("services");
        assertThat(services.get("orders").get("taskDefinitionArn"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/shop-qa-t1-orders:1");
        assertThat(services.get("storefront").get("taskDefinitionArn"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/shop-qa-t1-storefront:1");
    }

    @Test
    void revisionsAreShownAsFamilyAndRevision() {
        assertThat(DeploymentCheck.RolledBack.revision("arn:aws:ecs:eu-west-1:1:task-definition/app:7"))
                .isEqualTo("app:7");
        assertThat(DeploymentCheck.RolledBack.revision("")).isEqualTo("(none)");
    }
}
