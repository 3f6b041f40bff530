package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import com.tapstack.support.Fixtures;
import com.tapstack.tooling.offline.Plan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A task definition or a role policy that AWS would refuse for its size is refused when the plan is made. */
class AwsSizeLimitsTest {

    private static final String P = Fixtures.project().name() + "-";
    private static final String SERVICES = Fixtures.key("services");

    private static Plan withEnvironment(int padding) {
        return Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL)
                .setIn(SERVICES, "mailer.environment", Map.of("PAD", "p".repeat(padding))));
    }

    private static int containerBytes(Plan plan) {
        return plan.named("aws:ecs/taskDefinition:TaskDefinition", P + "mailer-task-definition")
                .inputString("containerDefinitions").getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void containerDefinitionsAtTheLimitPlanAndOneBytePastItIsRefused() {
        var padding = 1000;
        padding += AwsSizeLimits.CONTAINER_DEFINITIONS_BYTES - containerBytes(withEnvironment(padding));

        assertThat(containerBytes(withEnvironment(padding))).isEqualTo(AwsSizeLimits.CONTAINER_DEFINITIONS_BYTES);
        int past = padding + 1;
        assertThatThrownBy(() -> withEnvironment(past)).isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.small.yaml: shop:services.mailer: makes container definitions of "
                        + (AwsSizeLimits.CONTAINER_DEFINITIONS_BYTES + 1) + " bytes, and ECS refuses a task definition"
                        + " over 64 KiB (63488 bytes are left for them); allowed: smaller environment, command and"
                        + " secrets: move large values to SSM parameters or files in the image");
    }

    private static Plan withPermission(int length) {
        var resources = List.of("arn:aws:s3:::shop-reports/" + "r".repeat(length));
        return Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL).setIn(SERVICES, "mailer.permissions",
                List.of(Map.of("actions", List.of("s3:GetObject"), "resources", resources))));
    }

    private static int policyCharacters(Plan plan) {
        return (int) plan.named("aws:iam/rolePolicy:RolePolicy", P + "mailer-task-policy").inputString("policy")
                .chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    @Test
    void aTaskRolePolicyAtIamsLimitPlansAndOneCharacterPastItIsRefused() {
        int length = 100;
        length += AwsSizeLimits.ROLE_INLINE_POLICY_CHARACTERS - policyCharacters(withPermission(length));

        assertThat(policyCharacters(withPermission(length))).isEqualTo(AwsSizeLimits.ROLE_INLINE_POLICY_CHARACTERS);
        int past = length + 1;
        assertThatThrownBy(() -> withPermission(past)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Pulumi.small.yaml: shop:services.mailer.permissions: makes the task role's"
                        + " policy 10241 characters long, and IAM refuses a role's inline policies over 10240 (white"
                        + " space not counted)");
    }
}
