package com.tapstack.service;

import static com.tapstack.support.PlanAssertions.json;
import static com.tapstack.support.TaskContainers.awslogs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.tapstack.iam.StatementCheck;
import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sidecars (issue 15, item 4): extra containers per service, a FireLens log router and an ADOT collector, as the
 * task definition's container definitions carry them, the task role statements they get and the loader's lines.
 */
public class SidecarsPlanTest {

    static final String S = Fixtures.key("services");
    public static final String FLUENT_BIT = "public.ecr.aws/aws-observability/aws-for-fluent-bit@sha256:"
            + "a".repeat(64);
    public static final String ADOT = "public.ecr.aws/aws-observability/aws-otel-collector@sha256:" + "b".repeat(64);
    public static final String ENVOY = "111122223333.dkr.ecr.us-east-1.amazonaws.com/team/envoy@sha256:" + "c".repeat(64);

    static Plan plan(UnaryOperator<StackValues> edit) {
        return Fixtures.plan(Fixtures.SMALL, edit.apply(Fixtures.values(Fixtures.SMALL)));
    }

    static List<Map<String, Object>> containers(Plan plan, String service) {
        return com.tapstack.support.TaskContainers.of(plan, service);
    }

    static Map<String, Object> container(Plan plan, String service, String name) {
        return containers(plan, service).stream().filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
    }

    static PlannedResource logGroup(Plan plan, String logicalSuffix) {
        return plan.byType("aws:cloudwatch/logGroup:LogGroup").stream()
                .filter(g -> g.name().endsWith(logicalSuffix)).findFirst().orElseThrow();
    }

    static String taskPolicy(Plan plan, String service) {
        return plan.byType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> p.name().endsWith(service + "-task-policy")).findFirst().orElseThrow()
                .inputString("policy");
    }

    @Test
    void withoutSidecarsTheTaskHasOnlyItsOwnContainersAndNoSidecarGrants() {
        var plan = Fixtures.plan(Fixtures.SMALL);
        assertThat(containers(plan, "storefront")).extracting(c -> c.get("name"))
                .containsExactly("prepare-writable-paths", "storefront");
        assertThat(containers(plan, "mailer")).extracting(c -> c.get("name")).containsExactly("mailer");
        assertThat(plan.byType("aws:cloudwatch/logGroup:LogGroup")).noneMatch(g -> g.name().endsWith("otel-metrics"));
        assertThat(taskPolicy(plan, "orders")).doesNotContain("xray:", "FireLens", "Otel");
    }

    @Test
    void aFireLensRouterCarriesTheServiceContainersLogsToItsEncryptedGroup() {
        var plan = plan(v -> v.setIn(S, "storefront.sidecars", Map.of("log-router", Map.of("kind", "firelens",
                "image", FLUENT_BIT, "memoryReservation", 50))));
        var group = logGroup(plan, "storefront-logs").inputString("name");
        assertThat(group).isEqualTo("shop-qa-t1-storefront");

        assertThat(containers(plan, "storefront")).extracting(c -> c.get("name"))
                .containsExactly("prepare-writable-paths", "storefront", "log-router");
        var router = new LinkedHashMap<String, Object>();
        router.put("name", "log-router");
        router.put("image", FLUENT_BIT);
        router.put("essential", true);
        router.put("memoryReservation", 50.0);
        router.put("environment", List.of());
        router.put("readonlyRootFilesystem", true);
        router.put("privileged", false);
        router.put("firelensConfiguration", Map.of("type", "fluentbit"));
        router.put("logConfiguration", awslogs(group, "log-router"));
        assertThat(container(plan, "storefront", "log-router")).isEqualTo(router);

        var service = container(plan, "storefront", "storefront");
        assertThat(service.get("logConfiguration")).isEqualTo(Map.of("logDriver", "awsfirelens", "options", Map.of(
                "Name", "cloudwatch_logs", "region", "us-east-1", "log_group_name", group,
                "log_stream_prefix", "storefront/", "auto_create_group", "false")));
        assertThat(service.get("dependsOn")).isEqualTo(List.of(
                Map.of("containerName", "prepare-writable-paths", "condition", "SUCCESS"),
                Map.of("containerName", "log-router", "condition", "START")));

        var groupArn = logGroup(plan, "storefront-logs").output("arn");
        assertThat(json(taskPolicy(plan, "storefront"))).isEqualTo(json("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "FireLensWriteLogs", "Effect": "Allow",
                   "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": ["%s:log-stream:*"]}]}"""
                .formatted(groupArn)));
        assertThat(groupArn).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:shop-qa-t1-storefront");
    }

    @Test
    void anOtelCollectorExportsToXrayAndToAMetricsGroupOfItsOwn() {
        var plan = plan(v -> v.setIn(S, "mailer.sidecars", Map.of("collector", Map.of("kind", "otel",
                "image", ADOT, "cpu", 64, "memory", 128))));
        var metrics = logGroup(plan, "mailer-otel-metrics");
        assertThat(metrics.inputString("name")).isEqualTo("shop-qa-t1-mailer/otel-metrics");
        assertThat(metrics.input("kmsKeyId")).isEqualTo(logGroup(plan, "mailer-logs").input("kmsKeyId"))
                .isNotNull();
        assertThat(metrics.input("retentionInDays")).isEqualTo(7L);

        var collector = container(plan, "mailer", "collector");
        var expected = new LinkedHashMap<String, Object>();
        expected.put("name", "collector");
        expected.put("image", ADOT);
        expected.put("essential", false);
        expected.put("cpu", 64.0);
        expected.put("memory", 128.0);
        expected.put("environment", List.of(Map.of("name", "AOT_CONFIG_CONTENT", "value",
                SidecarContainers.collectorConfig("shop-qa-t1-mailer/otel-metrics"))));
        expected.put("readonlyRootFilesystem", true);
        expected.put("privileged", false);
        expected.put("logConfiguration", awslogs("shop-qa-t1-mailer", "collector"));
        assertThat(collector).isEqualTo(expected);
        assertThat(SidecarContainers.collectorConfig("G")).contains("""
                  awsemf:
                    namespace: ECS/AWSOTel/Application
                    log_group_name: 'G'
                """, "endpoint: 127.0.0.1:4318", "exporters: [awsxray]").doesNotContain("0.0.0.0");

        var service = container(plan, "mailer", "mailer");
        assertThat(service.get("environment")).isEqualTo(List.of(
                Map.of("name", "OTEL_EXPORTER_OTLP_ENDPOINT", "value", "http://localhost:4318"),
                Map.of("name", "OTEL_EXPORTER_OTLP_PROTOCOL", "value", "http/protobuf")));
        assertThat(service.get("dependsOn")).isEqualTo(List.of(Map.of("containerName", "collector",
                "condition", "START")));
        assertThat(service.get("logConfiguration")).isEqualTo(awslogs("shop-qa-t1-mailer", "mailer"));

        assertThat(json(taskPolicy(plan, "mailer"))).isEqualTo(json("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "OtelTraces", "Effect": "Allow", "Action": ["xray:PutTraceSegments",
                   "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
                   "Resource": ["*"]},
                  {"Sid": "OtelMetrics", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                   "Resource": ["arn:aws:logs:us-east-1:123456789012:log-group:shop-qa-t1-mailer/otel-metrics:log-stream:*"]}
                ]}"""));
    }

    @Test
    void theReadyMadeSidecarsStatementsExistInTheServiceAuthorizationReference() {
        var statements = SidecarPolicies.statements(com.tapstack.config.service.ServiceConfig.builder("api",
                        new com.tapstack.config.service.ImageSpec.External(ENVOY))
                .sidecars(List.of(sidecar("router", com.tapstack.config.service.SidecarKind.FIRELENS),
                        sidecar("collector", com.tapstack.config.service.SidecarKind.OTEL))).build(),
                "arn:aws:logs:us-east-1:123456789012:log-group:shop-qa-t1-api",
                java.util.Optional.of("arn:aws:logs:us-east-1:123456789012:log-group:shop-qa-t1-api/otel-metrics"));
        assertThat(statements).extracting(com.tapstack.iam.Statement::sid)
                .containsExactly("FireLensWriteLogs", "OtelTraces", "OtelMetrics");
        for (var statement : statements) {
            assertThat(StatementCheck.problems(statement.actions(), statement.resources(), List.of(), false))
                    .as(statement.sid()).isEmpty();
        }
    }

    static com.tapstack.config.service.Sidecar sidecar(String name, com.tapstack.config.service.SidecarKind kind) {
        return new com.tapstack.config.service.Sidecar(name, java.util.Optional.of(kind), ADOT, false,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), List.of(), Map.of(), java.util.Optional.empty(), true);
    }

    @Test
    void aPlainSidecarFromAnotherEcrRepositoryIsPulledByTheExecutionRoleAndAwaitedHealthy() {
        var plan = plan(v -> v.setIn(S, "orders.sidecars", Map.of("proxy", Map.of("image", ENVOY,
                "essential", true, "dependsOn", "HEALTHY", "command", List.of("--config", "/etc/envoy.yaml"),
                "environment", Map.of("LOG_LEVEL", "info"),
                "containerHealthCheck", Map.of("command", List.of("CMD", "/health"), "interval", 10, "timeout", 3)))));
        var proxy = container(plan, "orders", "proxy");
        var expected = new LinkedHashMap<String, Object>();
        expected.put("name", "proxy");
        expected.put("image", ENVOY);
        expected.put("essential", true);
        expected.put("command", List.of("--config", "/etc/envoy.yaml"));
        expected.put("environment", List.of(Map.of("name", "LOG_LEVEL", "value", "info")));
        // orders has readonlyRootFilesystem: false, which its sidecars inherit.
        expected.put("readonlyRootFilesystem", false);
        expected.put("privileged", false);
        expected.put("healthCheck", Map.of("command", List.of("CMD", "/health"), "interval", 10.0, "timeout", 3.0,
                "retries", 3.0, "startPeriod", 0.0));
        expected.put("logConfiguration", awslogs("shop-qa-t1-orders", "proxy"));
        assertThat(proxy).isEqualTo(expected);
        assertThat(container(plan, "orders", "orders").get("dependsOn")).isEqualTo(List.of(
                Map.of("containerName", "proxy", "condition", "HEALTHY")));

        var execution = plan.byType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> p.name().endsWith("orders-execution-policy")).findFirst().orElseThrow();
        var pull = new Gson().fromJson(execution.inputString("policy"), Map.class);
        assertThat(((List<?>) pull.get("Statement")).get(0)).isEqualTo(Map.of("Sid", "PullImage", "Effect", "Allow",
                "Action", List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                "Resource", List.of("arn:aws:ecr:us-east-1:123456789012:repository/shop-qa-t1-orders",
                        "arn:aws:ecr:us-east-1:111122223333:repository/team/envoy")));
    }

    @Test
    void aServiceThatNamesItsOwnCollectorAddressKeepsIt() {
        var plan = plan(v -> v.setIn(S, "mailer.environment", Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"))
                .setIn(S, "mailer.sidecars", Map.of("collector", Map.of("kind", "otel", "image", ADOT))));
        assertThat(container(plan, "mailer", "mailer").get("environment")).isEqualTo(List.of(
                Map.of("name", "OTEL_EXPORTER_OTLP_PROTOCOL", "value", "grpc")));
    }

    static Stream<Arguments> refused() {
        var file = "Pulumi." + Fixtures.SMALL + ".yaml: " + S + ".storefront.sidecars";
        return Stream.of(
                BrokenConfig.broken("an image by tag", v -> sidecar(v, Map.of("image", "fluent/fluent-bit:3.1")),
                        file + ".log-router.image: \"fluent/fluent-bit:3.1\" is not pinned by digest (a tag can point"
                                + " at another image tomorrow, and a rollback would not restore what ran); allowed: an"
                                + " image reference ending in @sha256:<64 hex digits> (`docker buildx imagetools"
                                + " inspect <image>:<tag>` prints it)"),
                BrokenConfig.broken("no image", v -> sidecar(v, Map.of("kind", "firelens")),
                        file + ".log-router.image: is missing (set it in Pulumi.small.yaml or with `pulumi config set"
                                + " --path '" + S + ".storefront.sidecars.log-router.image' <value>`); allowed: an image"
                                + " reference ending in @sha256:<64 hex digits> (`docker buildx imagetools inspect"
                                + " <image>:<tag>` prints it), e.g. public.ecr.aws/aws-observability/aws-for-fluent-bit"
                                + "@sha256:<its digest>"),
                BrokenConfig.broken("a router next to a service on FireLens's port", v -> sidecar(v.setIn(S,
                        "storefront.port", 24224), Map.of("image", FLUENT_BIT, "kind", "firelens")),
                        "Pulumi." + Fixtures.SMALL + ".yaml: " + S + ".storefront.port: 24224 is the port the FireLens"
                                + " router listens on, and the service's security group admits its callers on it;"
                                + " allowed: another port (AWS: the task's security group must not allow ingress on"
                                + " 24224)"),
                BrokenConfig.broken("no CPU at all", v -> sidecar(v, Map.of("image", FLUENT_BIT, "cpu", 0)),
                        file + ".log-router.cpu: 0 is out of range; allowed: 1 to 16384"),
                BrokenConfig.broken("an ECR mapping", v -> sidecar(v, Map.of("image", Map.of("repository", "self",
                        "digest", "sha256:" + "a".repeat(64)))), file + ".log-router.image: {\"digest\":\"sha256:"
                        + "a".repeat(64) + "\",\"repository\":\"self\"} is a mapping; a sidecar's image is a reference;"
                        + " allowed: an image reference ending in @sha256:<64 hex digits> (`docker buildx imagetools"
                        + " inspect <image>:<tag>` prints it)"),
                BrokenConfig.broken("an unknown kind", v -> sidecar(v, Map.of("image", FLUENT_BIT, "kind", "envoy")),
                        file + ".log-router.kind: \"envoy\" is not a ready-made sidecar; allowed: firelens or otel"),
                BrokenConfig.broken("a router that is not essential", v -> sidecar(v, Map.of("image", FLUENT_BIT,
                        "kind", "firelens", "essential", false)), file + ".log-router.essential: is false for a"
                        + " firelens router: the task would run on with its logs going nowhere; allowed: true (or"
                        + " leave it out)"),
                BrokenConfig.broken("HEALTHY without a health check", v -> sidecar(v, Map.of("image", FLUENT_BIT,
                        "dependsOn", "HEALTHY")), file + ".log-router.dependsOn: HEALTHY needs the sidecar's"
                        + " containerHealthCheck (without one the service container never starts); allowed: START,"
                        + " or a containerHealthCheck next to it"),
                BrokenConfig.broken("SUCCESS on an essential sidecar", v -> sidecar(v, Map.of("image", FLUENT_BIT,
                        "essential", true, "dependsOn", "SUCCESS")), file + ".log-router.dependsOn: SUCCESS waits"
                        + " for the sidecar to exit, which ECS does not allow on an essential container; allowed:"
                        + " START or HEALTHY, or essential: false"),
                BrokenConfig.broken("a condition ECS does not know", v -> sidecar(v, Map.of("image", FLUENT_BIT,
                        "dependsOn", "READY")), file + ".log-router.dependsOn: \"READY\" is not an ECS dependency"
                        + " condition; allowed: START, COMPLETE, SUCCESS, HEALTHY"),
                BrokenConfig.broken("the service's own name", v -> v.setIn(S, "storefront.sidecars",
                        Map.of("storefront", Map.of("image", FLUENT_BIT))), file + ".storefront: is the name of the"
                        + " service's container; allowed: another name: container names are unique in a task"),
                BrokenConfig.broken("the init container's name", v -> v.setIn(S, "storefront.sidecars",
                        Map.of("prepare-writable-paths", Map.of("image", FLUENT_BIT))), file
                        + ".prepare-writable-paths: is the name of the init container that prepares writable paths;"
                        + " allowed: another name: container names are unique in a task"),
                BrokenConfig.broken("two routers", v -> v.setIn(S, "storefront.sidecars", Map.of(
                        "a", Map.of("image", FLUENT_BIT, "kind", "firelens"),
                        "b", Map.of("image", FLUENT_BIT, "kind", "firelens"))), file + ": has 2 sidecars of kind"
                        + " firelens (a, b); allowed: at most one firelens sidecar per service"),
                BrokenConfig.broken("more CPU than the task has", v -> sidecar(v, Map.of("image", FLUENT_BIT,
                        "cpu", 256)), file + ": take 256 CPU units of the task's 256; allowed: together less than 256"
                        + " CPU units, so the service container keeps a share (or a larger cpu)"),
                BrokenConfig.broken("more memory than the task has", v -> v.setIn(S, "storefront.sidecars", Map.of(
                        "a", Map.of("image", FLUENT_BIT, "memory", 256),
                        "b", Map.of("image", FLUENT_BIT, "memoryReservation", 256))), file + ": take 512 MiB of the"
                        + " task's 512 MiB; allowed: together less than 512 MiB, so the service container keeps memory"
                        + " (or a larger memory)"),
                BrokenConfig.broken("a reservation over the limit", v -> sidecar(v, Map.of("image", FLUENT_BIT,
                        "memory", 64, "memoryReservation", 64)), file + ".log-router.memoryReservation: 64 MiB is not"
                        + " below memory 64 MiB; allowed: 6 to 63 MiB (the soft limit under the hard one)"),
                BrokenConfig.broken("a collector with a command", v -> sidecar(v, Map.of("image", ADOT, "kind",
                        "otel", "command", List.of("--config=/etc/ecs/ecs-default-config.yaml"))), file
                        + ".log-router.command: is set on an otel sidecar, whose configuration the stack writes"
                        + " (AOT_CONFIG_CONTENT); allowed: no command (kind otel), or no kind"),
                BrokenConfig.broken("a collector configuration of one's own", v -> sidecar(v, Map.of("image", ADOT,
                        "kind", "otel", "environment", Map.of("AOT_CONFIG_CONTENT", "receivers: {}"))), file
                        + ".log-router.environment.AOT_CONFIG_CONTENT: is the collector configuration the stack"
                        + " writes; allowed: other variables (or no kind, with your own configuration)"),
                BrokenConfig.broken("more containers than a task takes", v -> v.setIn(S, "storefront.sidecars",
                        java.util.stream.IntStream.range(0, 9).boxed().collect(java.util.stream.Collectors.toMap(
                                i -> "s" + i, i -> (Object) Map.of("image", FLUENT_BIT)))), file + ": has 9 sidecars,"
                        + " more than fit next to the service container and the init container for writablePaths;"
                        + " allowed: at most 8 (ECS takes 10 containers per task definition)"));
    }

    private static StackValues sidecar(StackValues values, Map<String, Object> sidecar) {
        return values.setIn(S, "storefront.sidecars", Map.of("log-router", sidecar));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badValuesAreOneLine(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.SMALL, edit, message);
    }

    @Test
    void theReadyMadeSidecarsAddNoFindingToTheChecks() {
        var baseline = com.tapstack.support.Checks.findings(Fixtures.plan(Fixtures.SMALL), false).stream()
                .map(f -> f.rule().id() + " " + f.message()).toList();
        var plan = plan(v -> v.setIn(S, "storefront.sidecars", Map.of("log-router", Map.of("kind", "firelens",
                        "image", FLUENT_BIT, "memoryReservation", 50)))
                .setIn(S, "mailer.sidecars", Map.of("collector", Map.of("kind", "otel", "image", ADOT,
                        "containerHealthCheck", Map.of("command", List.of("CMD", "/healthcheck"))))));
        var added = com.tapstack.support.Checks.findings(plan, false).stream()
                .map(f -> f.rule().id() + " " + f.message()).filter(f -> !baseline.contains(f)).toList();
        assertThat(added).isEmpty();
        assertThat(container(plan, "mailer", "collector").get("healthCheck")).isEqualTo(Map.of("command",
                List.of("CMD", "/healthcheck"), "interval", 30.0, "timeout", 5.0, "retries", 3.0, "startPeriod", 0.0));
    }

    @Test
    void aSidecarFromTheServicesOwnRepositoryAddsNoSecondPullResource() {
        var account = new com.tapstack.aws.AwsAccount("123456789012", "aws", "us-east-1", "amazonaws.com");
        var repository = "arn:aws:ecr:us-east-1:123456789012:repository/shop-qa-t1-orders";
        var policy = TaskPolicies.execution(account, List.of(repository, repository),
                List.of("arn:aws:logs:us-east-1:123456789012:log-group:shop-qa-t1-orders"), List.of());
        assertThat(policy.statements().get(0).resources()).containsExactly(repository);
        assertThat(TaskPolicies.execution(account, List.<String>of(),
                List.of("arn:aws:logs:us-east-1:123456789012:log-group:g"), List.of()).statements()).extracting(com.tapstack.iam.Statement::sid).containsExactly("WriteLogs");
    }
}
