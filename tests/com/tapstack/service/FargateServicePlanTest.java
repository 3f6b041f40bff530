package com.tapstack.service;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every piece of each of the three services, as the dev and prod plans would send it to AWS. */
class FargateServicePlanTest {

    private static final String IMAGE = "ghcr.io/nginx/nginx-unprivileged@sha256:"
            + "ed04ec1ff34502c339ee5c3ae3f855442398edc1d05591e2b98981dcbbd20b1e";

    private static String prefix(Plan plan) {
        return Reference.P + plan.stack() + "-" + plan.outputs().get("environmentSuffix") + "-";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(PlannedResource taskDefinition) {
        return (List<Map<String, Object>>) json(taskDefinition, "containerDefinitions");
    }

    private static Map<String, Object> container(PlannedResource taskDefinition, String name) {
        return containers(taskDefinition).stream().filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}: retention {2} days")
    @CsvSource({"dev, web, 7", "dev, api, 7", "dev, worker, 7", "prod, web, 30", "prod, api, 30", "prod, worker, 30"})
    void eachServiceLogsToItsOwnKmsEncryptedGroupWithTheEnvironmentsRetention(String stack, String service, long days) {
        var plan = Reference.plan(stack);
        var group = plan.named("aws:cloudwatch/logGroup:LogGroup", Reference.P + service + "-logs");

        assertThat(group.input("name")).isEqualTo(prefix(plan) + service);
        assertThat(group.input("retentionInDays")).isEqualTo(days);
        assertThat(group.input("kmsKeyId")).isEqualTo(plan.byType("aws:kms/key:Key").get(0).output("arn"));
        var logging = (Map<?, ?>) container(plan.named("aws:ecs/taskDefinition:TaskDefinition",
                Reference.P + service + "-task-definition"), service).get("logConfiguration");
        assertThat(logging.get("logDriver")).isEqualTo("awslogs");
        assertThat(logging.get("options")).isEqualTo(Map.of("awslogs-group", prefix(plan) + service,
                "awslogs-region", "us-east-1", "awslogs-stream-prefix", service, "mode", "non-blocking",
                "max-buffer-size", "25m"));
    }

    @ParameterizedTest(name = "prod {0}: cpu {1} memory {2}")
    @CsvSource({"web, 512, 1024", "api, 1024, 2048", "worker, 512, 1024"})
    void taskDefinitionIsFargateAwsvpcWithTheValidatedSizeAndBothRoles(String service, String cpu, String memory) {
        var plan = Reference.plan("prod");
        var taskDefinition = plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + service + "-task-definition");

        assertThat(taskDefinition.input("family")).isEqualTo(Reference.P + "prod-core-" + service);
        assertThat(taskDefinition.input("requiresCompatibilities")).isEqualTo(List.of("FARGATE"));
        assertThat(taskDefinition.input("networkMode")).isEqualTo("awsvpc");
        assertThat(taskDefinition.input("cpu")).isEqualTo(cpu);
        assertThat(taskDefinition.input("memory")).isEqualTo(memory);
        assertThat(taskDefinition.input("runtimePlatform"))
                .isEqualTo(Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "X86_64"));
        assertThat(taskDefinition.input("executionRoleArn"))
                .isEqualTo("arn:aws:iam::123456789012:role/" + Reference.P + "prod-core-" + service + "-execution");
        assertThat(taskDefinition.input("taskRoleArn"))
                .isEqualTo("arn:aws:iam::123456789012:role/" + Reference.P + "prod-core-" + service + "-task");
        assertThat(taskDefinition.input("volumes")).isEqualTo(List.of(Map.of("name", "writable-1")));
    }

    @Test
    void theContainerRunsTheDigestPinnedImageAsUser101OnAReadOnlyRootWithAWritableTmp() {
        var web = container(Reference.plan("dev").named("aws:ecs/taskDefinition:TaskDefinition",
                Reference.P + "web-task-definition"), "web");

        assertThat(web.get("image")).isEqualTo(IMAGE);
        assertThat((String) web.get("image")).matches(".+@sha256:[0-9a-f]{64}");
        assertThat(web.get("essential")).isEqualTo(true);
        assertThat(web.get("readonlyRootFilesystem")).isEqualTo(true);
        assertThat(web.get("privileged")).isEqualTo(false);
        assertThat(web.get("user")).isEqualTo("101");
        assertThat(web.get("portMappings")).isEqualTo(List.of(Map.of("containerPort", 8080.0, "protocol", "tcp")));
        assertThat(web.get("environment")).isEqualTo(List.of(Map.of("name", "API_URL",
                "value", "http://api.dev" + "." + Reference.NAME + ".local" + ":8080")));
        assertThat(web.get("secrets")).isEqualTo(List.of());
        assertThat(web.get("mountPoints")).isEqualTo(List.of(Map.of("sourceVolume", "writable-1",
                "containerPath", "/tmp", "readOnly", false)));
        assertThat(web.get("dependsOn")).isEqualTo(List.of(Map.of("containerName", "prepare-writable-paths",
                "condition", "SUCCESS")));
        assertThat(web.get("healthCheck")).isEqualTo(Map.of("command", List.of("CMD-SHELL",
                "wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1"), "interval", 30.0, "timeout", 5.0,
                "retries", 3.0, "startPeriod", 15.0));
    }

    @Test
    void theWritableVolumeIsHandedToTheUserByAShortLivedContainerBeforeTheServiceStarts() {
        var prepare = container(Reference.plan("dev").named("aws:ecs/taskDefinition:TaskDefinition",
                Reference.P + "worker-task-definition"), ContainerDefinitions.PREPARE_CONTAINER);

        assertThat(prepare.get("image")).isEqualTo(IMAGE);
        assertThat(prepare.get("essential")).isEqualTo(false);
        assertThat(prepare.get("user")).isEqualTo("0");
        assertThat(prepare.get("entryPoint")).isEqualTo(List.of("chown"));
        assertThat(prepare.get("command")).isEqualTo(List.of("101", "/tmp"));
        assertThat(prepare.get("readonlyRootFilesystem")).isEqualTo(true);
        assertThat(prepare.get("mountPoints")).isEqualTo(List.of(Map.of("sourceVolume", "writable-1",
                "containerPath", "/tmp", "readOnly", false)));
    }

    @Test
    void publicServiceRunsPrivatelyBehindItsTargetGroupWithACircuitBreakerThatRollsBack() {
        var plan = Reference.plan("prod");
        var service = plan.named("aws:ecs/service:Service", Reference.P + "web");
        var privateSubnets = plan.outputs().get("privateSubnetIds");

        assertThat(service.input("name")).isEqualTo(Reference.P + "prod-core-web");
        assertThat(service.input("cluster")).isEqualTo(plan.outputs().get("clusterArn"));
        assertThat(service.input("taskDefinition"))
                .isEqualTo(plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "web-task-definition").output("arn"));
        assertThat(service.input("desiredCount")).isEqualTo(2L);
        assertThat(service.input("launchType")).isNull();
        assertThat(service.input("capacityProviderStrategies"))
                .isEqualTo(List.of(Map.of("capacityProvider", "FARGATE", "base", 0L, "weight", 1L)));
        assertThat(service.input("platformVersion")).isEqualTo("LATEST");
        assertThat(service.input("networkConfiguration")).isEqualTo(Map.of(
                "subnets", privateSubnets,
                "securityGroups", List.of(plan.named("aws:ec2/securityGroup:SecurityGroup", Reference.P + "security-groups-web")
                        .id().orElseThrow()),
                "assignPublicIp", false));
        assertThat(service.input("deploymentCircuitBreaker")).isEqualTo(Map.of("enable", true, "rollback", true));
        // pulumi up waits for the deployment to finish and fails when ECS rolled it back.
        assertThat(service.input("waitForSteadyState")).isEqualTo(true);
        assertThat(service.input("deploymentController")).isEqualTo(Map.of("type", "ECS"));
        assertThat(service.input("deploymentMinimumHealthyPercent")).isEqualTo(100L);
        assertThat(service.input("deploymentMaximumPercent")).isEqualTo(200L);
        assertThat(service.input("healthCheckGracePeriodSeconds")).isEqualTo(60L);
        assertThat(service.input("loadBalancers")).isEqualTo(List.of(Map.of(
                "targetGroupArn", plan.named("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web").output("arn"),
                "containerName", "web", "containerPort", 8080L)));
        assertThat(service.input("serviceRegistries")).isEqualTo(Map.of("registryArn",
                plan.named("aws:servicediscovery/service:Service", Reference.P + "web-discovery").output("arn")));
        assertThat(service.input("propagateTags")).isEqualTo("SERVICE");
        assertThat(service.input("enableEcsManagedTags")).isEqualTo(true);
        assertThat(service.input("enableExecuteCommand")).isEqualTo(false);
        assertThat(service.ignoreChanges()).containsExactly("desiredCount");
        assertThat(service.dependencies())
                .contains(plan.named("aws:lb/listener:Listener", Reference.P + "alb-http").urn())
                .contains(plan.named("aws:iam/rolePolicy:RolePolicy", Reference.P + "web-execution-policy").urn())
                .contains(plan.named("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
                        Reference.P + "cluster-capacity").urn());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api", "worker"})
    void internalServicesHaveNoLoadBalancerAndNoGracePeriod(String name) {
        var service = Reference.plan("dev").named("aws:ecs/service:Service", Reference.P + name);

        assertThat(service.input("loadBalancers")).isNull();
        assertThat(service.input("healthCheckGracePeriodSeconds")).isNull();
        assertThat(service.inputAt("networkConfiguration.assignPublicIp")).isEqualTo(false);
        assertThat(service.input("deploymentCircuitBreaker")).isEqualTo(Map.of("enable", true, "rollback", true));
        assertThat(service.input("capacityProviderStrategies")).isEqualTo(List.of(
                Map.of("capacityProvider", "FARGATE", "base", 1L, "weight", 1L),
                Map.of("capacityProvider", "FARGATE_SPOT", "base", 0L, "weight", 3L)));
    }

    @Test
    void execIsOnlyEnabledWhereConfiguredAndThenTheContainerGetsAnInitProcess() {
        var plan = Reference.plan("dev");

        assertThat(plan.named("aws:ecs/service:Service", Reference.P + "api").input("enableExecuteCommand")).isEqualTo(true);
        assertThat(plan.named("aws:ecs/service:Service", Reference.P + "web").input("enableExecuteCommand")).isEqualTo(false);
        assertThat(container(plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "api-task-definition"), "api")
                .get("linuxParameters")).isEqualTo(Map.of("initProcessEnabled", true));
        assertThat(container(plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "web-task-definition"), "web"))
                .doesNotContainKey("linuxParameters");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"web", "api", "worker"})
    void everyServiceRegistersARecordsInCloudMap(String name) {
        var plan = Reference.plan("dev");
        var discovery = plan.named("aws:servicediscovery/service:Service", Reference.P + name + "-discovery");
        var namespace = plan.byType("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").get(0);

        assertThat(discovery.input("name")).isEqualTo(name);
        assertThat(discovery.input("dnsConfig")).isEqualTo(Map.of(
                "namespaceId", namespace.id().orElseThrow(),
                "dnsRecords", List.of(Map.of("type", "A", "ttl", 10L)),
                "routingPolicy", "MULTIVALUE"));
        assertThat(discovery.input("healthCheckCustomConfig")).isEqualTo(Map.of("failureThreshold", 1L));
        assertThat(discovery.input("healthCheckConfig")).isNull();
        assertThat(discovery.input("forceDestroy")).isEqualTo(true);
    }

    @Test
    void autoscalingTracksCpuAndMemoryAtSeventyPercentBetweenMinAndMax() {
        var plan = Reference.plan("prod");
        var target = plan.named("aws:appautoscaling/target:Target", Reference.P + "api-scaling");

        assertThat(target.input("resourceId")).isEqualTo("service/" + Reference.P + "prod-core-cluster/" + Reference.P + "prod-core-api");
        assertThat(target.input("scalableDimension")).isEqualTo("ecs:service:DesiredCount");
        assertThat(target.input("serviceNamespace")).isEqualTo("ecs");
        assertThat(target.input("minCapacity")).isEqualTo(2L);
        assertThat(target.input("maxCapacity")).isEqualTo(6L);
        for (var metric : List.of("cpu:ECSServiceAverageCPUUtilization", "memory:ECSServiceAverageMemoryUtilization")) {
            var parts = metric.split(":");
            var policy = plan.named("aws:appautoscaling/policy:Policy", Reference.P + "api-scaling-" + parts[0]);
            assertThat(policy.input("name")).isEqualTo(Reference.P + "prod-core-api-" + parts[0]);
            assertThat(policy.input("policyType")).isEqualTo("TargetTrackingScaling");
            assertThat(policy.input("resourceId")).isEqualTo(target.input("resourceId"));
            assertThat(policy.input("targetTrackingScalingPolicyConfiguration")).isEqualTo(Map.of(
                    "predefinedMetricSpecification", Map.of("predefinedMetricType", parts[1]),
                    "targetValue", 70L, "scaleInCooldown", 300L, "scaleOutCooldown", 60L));
        }
    }

    /** In prod, api also reads the database secret and a parameter: see DatabaseWiringPlanTest. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"web", "worker"})
    void executionRoleOfAnImageOutsideEcrMayOnlyWriteItsOwnLogGroup(String name) {
        var plan = Reference.plan("prod");
        var policy = plan.named("aws:iam/rolePolicy:RolePolicy", Reference.P + name + "-execution-policy");

        assertThat(policy.input("role")).isEqualTo(Reference.P + "prod-core-" + name + "-execution");
        assertThat(json(policy, "policy")).isEqualTo(json(Reference.expand("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "WriteLogs", "Effect": "Allow",
                  "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                  "Resource": ["arn:aws:logs:us-east-1:123456789012:log-group:{p}prod-core-%s:*"]}]}""").formatted(name)));
        assertThat(plan.find(r -> r.name().equals(Reference.P + name + "-task-policy"))).isEmpty();
    }

    @Test
    void anImageInTheStacksOwnRepositoryIsPulledFromThatRepositoryOnly() {
        var digest = "sha256:" + "0f".repeat(32);
        var plan = Reference.plan("prod", Reference.values("prod")
                .setIn(Reference.NS + "services", "web.image", Map.of("repository", "self", "digest", digest)).toMap());

        var web = container(plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "web-task-definition"), "web");
        assertThat(web.get("image"))
                .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com/" + Reference.P + "prod-core-web@" + digest);
        assertThat(json(plan.named("aws:iam/rolePolicy:RolePolicy", Reference.P + "web-execution-policy"), "policy"))
                .isEqualTo(json(Reference.expand("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "PullImage", "Effect": "Allow",
                   "Action": ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
                   "Resource": ["arn:aws:ecr:us-east-1:123456789012:repository/{p}prod-core-web"]},
                  {"Sid": "EcrLogin", "Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": ["*"]},
                  {"Sid": "WriteLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                   "Resource": ["arn:aws:logs:us-east-1:123456789012:log-group:{p}prod-core-web:*"]}]}""")));
    }

    @Test
    void aTagInAnExistingRepositoryIsResolvedToItsDigestAtDeployTime() {
        var plan = Reference.plan("prod", Reference.values("prod")
                .setIn(Reference.NS + "services", "worker.image", Map.of("repository", "team/worker", "tag", "v1.4.2")).toMap());

        var worker = container(plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "worker-task-definition"),
                "worker");
        assertThat((String) worker.get("image"))
                .matches("123456789012\\.dkr\\.ecr\\.us-east-1\\.amazonaws\\.com/team/worker@sha256:[0-9a-f]{64}");
        assertThat(plan.named("aws:iam/rolePolicy:RolePolicy", Reference.P + "worker-execution-policy").inputString("policy"))
                .contains("\"Resource\":[\"arn:aws:ecr:us-east-1:123456789012:repository/team/worker\"]");
    }

    @Test
    void secretsArePassedAsSecretsAndTheExecutionRoleMayReadExactlyThem() {
        var plan = Reference.plan("dev", Reference.values("dev").setIn(Reference.NS + "services", "api.secrets", Map.of(
                "DB_URL", "/" + Reference.NAME + "/dev/db-url",
                "DB_PASSWORD", Map.of("secretArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:tap/db-AbCdEf",
                        "jsonKey", "password"))).toMap());

        var api = container(plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "api-task-definition"), "api");
        assertThat(api.get("secrets")).isEqualTo(List.of(
                Map.of("name", "DB_PASSWORD",
                        "valueFrom", "arn:aws:secretsmanager:us-east-1:123456789012:secret:tap/db-AbCdEf:password::"),
                Map.of("name", "DB_URL", "valueFrom", "arn:aws:ssm:us-east-1:123456789012:parameter/" + Reference.NAME + "/dev/db-url")));
        assertThat(api.get("environment")).isEqualTo(List.of());
        var policy = plan.named("aws:iam/rolePolicy:RolePolicy", Reference.P + "api-execution-policy").inputString("policy");
        assertThat(policy).contains("{\"Sid\":\"ReadParameters\",\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameters\"],"
                        + "\"Resource\":[\"arn:aws:ssm:us-east-1:123456789012:parameter/" + Reference.NAME + "/dev/db-url\"]}")
                .contains("{\"Sid\":\"ReadSecrets\",\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\"],"
                        + "\"Resource\":[\"arn:aws:secretsmanager:us-east-1:123456789012:secret:tap/db-AbCdEf\"]}")
                .doesNotContain("kms:Decrypt");
    }

    @Test
    void taskRoleCarriesExactlyTheConfiguredPermissions() {
        var plan = Reference.plan("prod", Reference.values("prod").setIn(Reference.NS + "services", "worker.permissions", List.of(Map.of(
                "actions", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage"),
                "resources", List.of("arn:aws:sqs:us-east-1:123456789012:" + Reference.P + "prod-jobs")))).toMap());

        var policy = plan.named("aws:iam/rolePolicy:RolePolicy", Reference.P + "worker-task-policy");
        assertThat(policy.input("role")).isEqualTo(Reference.P + "prod-core-worker-task");
        assertThat(json(policy, "policy")).isEqualTo(json(Reference.expand("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "Configured1", "Effect": "Allow",
                  "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
                  "Resource": ["arn:aws:sqs:us-east-1:123456789012:{p}prod-jobs"]}]}""")));
    }

    @Test
    void noRoleHasAManagedPolicyAttached() {
        assertThat(Reference.plan("prod").byType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
        assertThat(Reference.plan("prod").byType("aws:iam/role:Role"))
                .allSatisfy(role -> assertThat(role.input("managedPolicyArns")).isNull());
    }
}
