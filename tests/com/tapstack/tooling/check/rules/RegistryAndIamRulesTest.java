package com.tapstack.tooling.check.rules;

import static com.tapstack.support.Checks.dev;
import static com.tapstack.support.Checks.editDev;
import static com.tapstack.support.Checks.editProd;
import static com.tapstack.support.Checks.prod;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryAndIamRulesTest {

    private static final String REPO = "aws:ecr/repository:Repository";
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    @Test
    void tap201ScanOnPushOff() {
        assertThat(dev(editDev().set(REPO, Reference.P + "registry-web", "imageScanningConfiguration.scanOnPush", false),
                "TAP201")).hasSize(1);
    }

    @Test
    void tap202MutableTags() {
        assertThat(dev(editDev().set(REPO, Reference.P + "registry-api", "imageTagMutability", "MUTABLE"), "TAP202"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void tap203NoLifecyclePolicy() {
        assertThat(dev(editDev().removeResource("aws:ecr/lifecyclePolicy:LifecyclePolicy",
                Reference.P + "registry-web-lifecycle"), "TAP203")).singleElement()
                .satisfies(f -> assertThat(f.resource().name()).isEqualTo(Reference.P + "registry-web"));
    }

    @Test
    void tap301WildcardActionsAndResources() {
        var wildcard = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\","
                + "\"dynamodb:*\"],\"Resource\":\"*\"}]}";

        var findings = dev(editDev().set(POLICY, Reference.P + "worker-execution-policy", "policy", wildcard), "TAP301");

        assertThat(findings).extracting(f -> f.message()).containsExactly(
                "allows s3:*; list the actions the service calls, e.g. s3:GetObject",
                "allows dynamodb:*; list the actions the service calls, e.g. s3:GetObject",
                "allows s3:*, dynamodb:* on every resource (\"*\"); name the ARNs (only ecr:GetAuthorizationToken and"
                        + " a few others need \"*\")");
    }

    @Test
    void tap301LeavesEcrLoginAloneButNotItsNeighbours() {
        var login = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\"],\"Resource\":\"*\"}]}";
        var pull = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\",\"ecr:BatchGetImage\"],"
                + "\"Resource\":\"*\"}]}";

        assertThat(dev(editDev().set(POLICY, Reference.P + "worker-execution-policy", "policy", login), "TAP301")).isEmpty();
        assertThat(dev(editDev().set(POLICY, Reference.P + "worker-execution-policy", "policy", pull), "TAP301")).hasSize(1);
    }

    @Test
    void tap302AnExecutionRoleThatCannotPullItsEcrImage() {
        var digest = "sha256:" + "0f".repeat(32);
        var plan = com.tapstack.support.Reference.plan("prod", com.tapstack.support.Reference.values("prod")
                .setIn(Reference.NS + "services", "api.image", Map.of("repository", "self", "digest", digest)).toMap());
        var logsOnly = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                + "\"Resource\":[\"arn:aws:logs:us-east-1:123456789012:log-group:" + Reference.P + "prod-core-api:*\"]}]}";

        assertThat(com.tapstack.support.Checks.findings(plan, true, "TAP302")).isEmpty();
        var findings = prod(com.tapstack.support.PlanEditor.of(plan).set(POLICY, Reference.P + "api-execution-policy",
                "policy", logsOnly), "TAP302");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).isEqualTo("execution role " + Reference.P + "prod-core-api-execution cannot pull"
                    + " arn:aws:ecr:us-east-1:123456789012:repository/" + Reference.P + "prod-core-api; allow ecr:BatchGetImage and"
                    + " ecr:GetDownloadUrlForLayer on it and ecr:GetAuthorizationToken on *");
        });
    }

    @Test
    void tap303AnExecutionRoleThatCannotWriteItsLogGroup() {
        var otherGroup = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                + "\"Resource\":[\"arn:aws:logs:us-east-1:123456789012:log-group:another-group:*\"]}]}";

        assertThat(prod(editProd().set(POLICY, Reference.P + "web-execution-policy", "policy", otherGroup), "TAP303"))
                .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("execution role"
                        + " " + Reference.P + "prod-core-web-execution cannot write log group " + Reference.P + "prod-core-web; allow"
                        + " logs:CreateLogStream and logs:PutLogEvents on"
                        + " arn:aws:logs:us-east-1:123456789012:log-group:" + Reference.P + "prod-core-web:*"));
    }

    @Test
    void tap304ASecretTheExecutionRoleCannotRead() {
        var findings = prod(editProd().container(Reference.P + "api-task-definition", "api", c -> {
            c.put("secrets", List.of(Map.of("name", "DB_URL",
                    "valueFrom", "arn:aws:ssm:us-east-1:123456789012:parameter/" + Reference.NAME + "/prod/db-url")));
            return c;
        }), "TAP304");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("execution role"
                + " " + Reference.P + "prod-core-api-execution cannot read DB_URL; allow ssm:GetParameters on"
                + " arn:aws:ssm:us-east-1:123456789012:parameter/" + Reference.NAME + "/prod/db-url"));
    }

    @Test
    void tap305TheBroadManagedExecutionPolicy() {
        var findings = dev(editDev().add("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "managed",
                Map.of("role", Reference.prefix("dev") + "worker-execution",
                        "policyArn", "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"),
                "managed-1", null), "TAP305");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.resource().name())
                .isEqualTo(Reference.P + "worker-execution"));
    }

    @Test
    void tap306OneRoleForTaskAndExecution() {
        var plan = com.tapstack.support.Reference.plan("dev");
        var executionRole = plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "web-task-definition")
                .input("executionRoleArn");

        assertThat(dev(editDev().set("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "web-task-definition",
                "taskRoleArn", executionRole), "TAP306")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
    }
}
