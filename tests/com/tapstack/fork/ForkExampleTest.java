package com.tapstack.fork;

import static com.tapstack.support.PlanAssertions.containsJson;
import static com.tapstack.support.PlanAssertions.roleAllows;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of docs/testing.md, "Testing your fork", kept compiling and passing (DocsTest checks they match). */
class ForkExampleTest {

    @Test
    void aNewServiceMayReadItsBucketAndNothingElse() {
        // Plan the reference dev stack with one service more, offline.
        var plan = Reference.plan("dev", Reference.values("dev").setIn(Reference.NS + "services", "reports", Map.of(
                "image", "ghcr.io/acme/reports@sha256:" + "ab".repeat(32),
                "permissions", List.of(Map.of("actions", List.of("s3:GetObject"),
                        "resources", List.of("arn:aws:s3:::acme-reports/*"))))).toMap());

        var service = plan.named("aws:ecs/service:Service", Reference.P + "reports");
        assertThat(service.inputAt("deploymentCircuitBreaker.rollback")).isEqualTo(true);
        var taskRole = (String) plan.named("aws:iam/role:Role", Reference.P + "reports-task").input("name");
        assertThat(roleAllows(plan, taskRole, "s3:GetObject", "arn:aws:s3:::acme-reports/q3.csv")).isTrue();
        assertThat(roleAllows(plan, taskRole, "s3:PutObject", "arn:aws:s3:::acme-reports/q3.csv")).isFalse();
        assertThat(containsJson(plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "reports-task-definition"),
                "containerDefinitions", "[{\"name\": \"reports\", \"readonlyRootFilesystem\": true}]")).isTrue();
        assertThat(Checks.findings(plan, false)).isEmpty();
    }
}
