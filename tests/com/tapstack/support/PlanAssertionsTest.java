package com.tapstack.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test kit's matchers answer no as readily as yes. */
class PlanAssertionsTest {

    @Test
    void partialJsonMatchesSubsetsOnly() {
        var policy = Reference.plan("dev").named("aws:iam/rolePolicy:RolePolicy", Reference.P + "web-execution-policy");

        assertThat(PlanAssertions.containsJson(policy, "policy",
                "{\"Statement\": [{\"Sid\": \"WriteLogs\", \"Action\": [\"logs:PutLogEvents\"]}]}")).isTrue();
        assertThat(PlanAssertions.containsJson(policy, "policy",
                "{\"Statement\": [{\"Sid\": \"WriteLogs\", \"Action\": [\"logs:DeleteLogGroup\"]}]}")).isFalse();
        assertThat(PlanAssertions.containsJson(policy, "policy", "{\"Version\": \"2008-10-17\"}")).isFalse();
    }

    @Test
    void roleEvaluationFollowsResourcesAndActions() {
        var plan = Reference.plan("dev");
        var role = (String) plan.named("aws:iam/role:Role", Reference.P + "web-execution").input("name");
        var suffix = plan.outputs().get("environmentSuffix");
        var ownGroup = "arn:aws:logs:us-east-1:123456789012:log-group:" + Reference.P + "dev-" + suffix + "-web:log-stream:x";

        assertThat(PlanAssertions.roleAllows(plan, role, "logs:PutLogEvents", ownGroup)).isTrue();
        assertThat(PlanAssertions.roleAllows(plan, role, "logs:PutLogEvents", ownGroup.replace("-web:", "-api:")))
                .isFalse();
        assertThat(PlanAssertions.roleAllows(plan, role, "logs:DeleteLogGroup", ownGroup)).isFalse();
    }
}
