package com.tapstack.service;

import static com.tapstack.support.PlanAssertions.json;
import static com.tapstack.support.PlanAssertions.roleAllows;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rotated secret reaches the tasks: the rule, its target, the state machine and their scoped roles. */
class RotationRedeployPlanTest {

    @Test
    void theRotationOfTheDatabaseSecretStartsTheRedeployOfTheServiceThatReadsIt() {
        var plan = Reference.plan("prod");
        var secret = (String) plan.outputs().get("databaseSecretArn");
        var rule = plan.named("aws:cloudwatch/eventRule:EventRule", Reference.P + "api-rotation-rule");
        var machine = plan.named("aws:sfn/stateMachine:StateMachine", Reference.P + "api-rotation");
        var target = plan.named("aws:cloudwatch/eventTarget:EventTarget", Reference.P + "api-rotation-target");

        assertThat(rule.input("name")).isEqualTo(Reference.P + "prod-core-api-secret-rotated");
        assertThat(json(rule, "eventPattern")).isEqualTo(json("""
                {"source": ["aws.secretsmanager"], "detail-type": ["AWS Service Event via CloudTrail"],
                 "detail": {"eventSource": ["secretsmanager.amazonaws.com"], "eventName": ["RotationSucceeded"],
                            "additionalEventData": {"SecretId": ["%s"]}}}""".formatted(secret)));
        assertThat(target.inputs()).containsAllEntriesOf(Map.of("rule", rule.input("name"), "targetId", "redeploy",
                "arn", machine.output("arn"),
                "roleArn", plan.named("aws:iam/role:Role", Reference.P + "api-rotation-events").output("arn")));
    }

    @Test
    void theStateMachineForcesANewDeploymentOfExactlyThatService() {
        var plan = Reference.plan("prod");
        var service = plan.named("aws:ecs/service:Service", Reference.P + "api");
        var cluster = plan.byType("aws:ecs/cluster:Cluster").get(0).output("arn");
        var machine = plan.named("aws:sfn/stateMachine:StateMachine", Reference.P + "api-rotation");

        assertThat(json(machine, "definition")).isEqualTo(json("""
                {"Comment": "Start a new deployment so tasks read the rotated secret", "StartAt": "ForceNewDeployment",
                 "States": {"ForceNewDeployment": {"Type": "Task",
                   "Resource": "arn:aws:states:::aws-sdk:ecs:updateService",
                   "Parameters": {"Cluster": "%s", "Service": "%s", "ForceNewDeployment": true}, "End": true}}}
                """.formatted(cluster, service.id().orElseThrow())));
        var machineRole = Reference.P + "prod-core-api-redeploy";
        assertThat(roleAllows(plan, machineRole, "ecs:UpdateService", service.id().orElseThrow())).isTrue();
        assertThat(roleAllows(plan, machineRole, "ecs:UpdateService",
                plan.named("aws:ecs/service:Service", Reference.P + "web").id().orElseThrow())).isFalse();
        var eventsRole = Reference.P + "prod-core-api-rotation-events";
        assertThat(roleAllows(plan, eventsRole, "states:StartExecution", (String) machine.output("arn"))).isTrue();
        assertThat(roleAllows(plan, eventsRole, "ecs:UpdateService", service.id().orElseThrow())).isFalse();
        assertThat(plan.named("aws:iam/role:Role", Reference.P + "api-rotation-events").inputString("assumeRolePolicy"))
                .contains("\"Service\":\"events.amazonaws.com\"")
                .contains("\"aws:SourceArn\":\"arn:aws:events:us-east-1:123456789012:rule/" + Reference.P + "prod-core-api-secret-rotated\"");
    }

    @Test
    void onlyServicesThatReadRotatingSecretsGetOne() {
        var prod = Reference.plan("prod");
        assertThat(prod.byType("aws:cloudwatch/eventRule:EventRule")).hasSize(1);
        assertThat(Reference.plan("dev").byType("aws:cloudwatch/eventRule:EventRule")).isEmpty();

        var withSecret = Reference.plan("dev", Reference.values("dev").setIn(Reference.NS + "services", "worker.secrets", Map.of(
                "QUEUE_TOKEN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:queue-token-AbCdEf")).toMap());
        assertThat(json(withSecret.named("aws:cloudwatch/eventRule:EventRule", Reference.P + "worker-rotation-rule"),
                "eventPattern")).asString().contains("arn:aws:secretsmanager:us-east-1:123456789012:secret:queue-token-AbCdEf");
    }
}
