package com.tapstack.config.service;

import static com.tapstack.support.BrokenConfig.broken;

import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Reference;
import com.tapstack.support.StackValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken service setting in a copy of Pulumi.dev.yaml ends in exactly one message. */
class BadServiceConfigTest {

    private static final String S = Reference.NS + "services";
    private static final String IMAGE_RULE = "an image reference ending in @sha256:<64 hex digits> (`docker buildx"
            + " imagetools inspect <image>:<tag>` prints it), {repository: self, digest: sha256:<64 hex>} for this"
            + " stack's ECR repository, or {repository: <existing ECR repository>, tag: <tag>} to resolve the tag at"
            + " deploy time";
    private static final String SECRET_RULE = "a mapping of variable name to an SSM parameter (/path/name or its ARN), a"
            + " Secrets Manager secret ARN, {ssmParameter | secretArn, jsonKey, kmsKeyArn}, or {parameter: <a name in <project>:parameters>}";
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    static Stream<Arguments> brokenServices() {
        return Stream.of(
                broken("memory that does not fit the cpu", v -> v.setIn(S, "web.memory", 4096),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.memory: 4096 MiB is not a Fargate size for cpu 256"
                                + " (nearest valid pairs: cpu 256 with memory 2048 or cpu 512 with memory 4096);"
                                + " allowed: for cpu 256: 512, 1024 or 2048"),
                broken("seed: cpu 256 with 1024 is fine but 256 with 3072 is not", v -> v.setIn(S, "web.memory", 3072),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.memory: 3072 MiB is not a Fargate size for cpu 256"
                                + " (nearest valid pairs: cpu 256 with memory 2048 or cpu 512 with memory 3072);"
                                + " allowed: for cpu 256: 512, 1024 or 2048"),
                broken("large task with a memory off the step", v -> v.setIn(S, "api.cpu", 8192).setIn(S, "api.memory", 20000),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.memory: 20000 MiB is not a Fargate size for cpu 8192"
                                + " (nearest valid pairs: cpu 8192 with memory 20480 or cpu 8192 with memory 16384);"
                                + " allowed: for cpu 8192: 16384 to 61440 in steps of 4096"),
                broken("cpu that Fargate does not have", v -> v.setIn(S, "web.cpu", 300),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.cpu: 300 is not a Fargate CPU size; allowed: one of 256,"
                                + " 512, 1024, 2048, 4096, 8192 or 16384 CPU units"),
                broken("latest tag", v -> v.setIn(S, "web.image", "nginx:latest"),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.image: \"nginx:latest\" is not pinned by digest (a tag can"
                                + " point at another image tomorrow, and a rollback would not restore what ran);"
                                + " allowed: " + IMAGE_RULE),
                broken("version tag", v -> v.setIn(S, "api.image", "ghcr.io/acme/api:v1"),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.image: \"ghcr.io/acme/api:v1\" is not pinned by digest (a"
                                + " tag can point at another image tomorrow, and a rollback would not restore what"
                                + " ran); allowed: " + IMAGE_RULE),
                broken("short digest", v -> v.setIn(S, "web.image", "nginx@sha256:abc123"),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.image: \"nginx@sha256:abc123\" does not end in a sha256"
                                + " digest of 64 lowercase hex digits; allowed: " + IMAGE_RULE),
                broken("own repository with a tag", v -> v.setIn(S, "web.image", Map.of("repository", "self", "tag", "v1")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.image.tag: needs an existing repository, and this stack's"
                                + " own repository is empty until CI pushes to it; allowed: digest: the sha256 digest CI"
                                + " pushed to the repository"),
                broken("repository with digest and tag", v -> v.setIn(S, "web.image",
                                Map.of("repository", "self", "tag", "v1", "digest", DIGEST)),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.image: has both a digest and a tag; allowed: exactly one of"
                                + " digest (sha256:<64 hex>) or tag (resolved to its digest at deploy time)"),
                broken("no image", v -> v.removeIn(S, "worker.image"),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.worker.image: is missing (set it in Pulumi.dev.yaml or with"
                                + " `pulumi config set --path '" + Reference.NS + "services.worker.image' <value>`); allowed: " + IMAGE_RULE),
                broken("wildcard action", v -> v.setIn(S, "api.permissions", List.of(Map.of(
                                "actions", List.of("s3:*"), "resources", List.of("arn:aws:s3:::" + Reference.P + "uploads/in/*")))),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.permissions[0].actions: \"s3:*\" is a wildcard action;"
                                + " allowed: explicit actions such as s3:GetObject (no *)"),
                broken("wildcard resource", v -> v.setIn(S, "api.permissions", List.of(Map.of(
                                "actions", List.of("dynamodb:GetItem"), "resources", List.of("*")))),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.permissions[0].resources: \"*\" is a wildcard resource;"
                                + " allowed: explicit ARNs (no *; only S3 object ARNs may end in /* after a named bucket)"),
                broken("wildcard inside an ARN", v -> v.setIn(S, "api.permissions", List.of(Map.of(
                                "actions", List.of("dynamodb:GetItem"),
                                "resources", List.of("arn:aws:dynamodb:us-east-1:123456789012:table/*")))),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.permissions[0].resources:"
                                + " \"arn:aws:dynamodb:us-east-1:123456789012:table/*\" is a wildcard resource; allowed:"
                                + " explicit ARNs (no *; only S3 object ARNs may end in /* after a named bucket)"),
                broken("secret in an unknown format", v -> v.setIn(S, "api.secrets", Map.of("DB_PASSWORD", "hunter2")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.secrets.DB_PASSWORD: \"hunter2\" is not an SSM parameter or a"
                                + " Secrets Manager secret (a secret's value never goes in the stack file); allowed: "
                                + SECRET_RULE),
                broken("secret given as a partial ARN", v -> v.setIn(S, "api.secrets", Map.of("DB",
                                "arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/db")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.secrets.DB:"
                                + " \"arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/db\" is a partial"
                                + " secret ARN (ECS and IAM need the full ARN); allowed: the full ARN ending in the 6"
                                + " characters AWS appends, as `aws secretsmanager describe-secret` prints it"),
                broken("JSON key on an SSM parameter", v -> v.setIn(S, "api.secrets", Map.of("DB",
                                Map.of("ssmParameter", "/" + Reference.NAME + "/dev/db", "jsonKey", "password"))),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.secrets.DB.jsonKey: only selects from a Secrets Manager"
                                + " secret; allowed: jsonKey with secretArn"),
                broken("secret also in the environment", v -> v.setIn(S, "api.secrets", Map.of("TOKEN", "/" + Reference.NAME + "/dev/token"))
                                .setIn(S, "api.environment", Map.of("TOKEN", "x")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.secrets.TOKEN: is also set in environment; allowed: each"
                                + " variable in one of environment or secrets"),
                broken("health check timeout equal to the interval", v -> v.setIn(S, "web.healthCheck.timeout", 30),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.healthCheck.timeout: 30 is not below the interval of 30"
                                + " seconds (AWS rejects it: a check must time out before the next one starts);"
                                + " allowed: 2 to 29 seconds for interval 30"),
                broken("health check timeout above a short interval", v -> v.setIn(S, "web.healthCheck.interval", 5)
                                .setIn(S, "web.healthCheck.timeout", 6),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.healthCheck.timeout: 6 is not below the interval of 5"
                                + " seconds (AWS rejects it: a check must time out before the next one starts);"
                                + " allowed: 2 to 4 seconds for interval 5"),
                broken("health check threshold out of range", v -> v.setIn(S, "web.healthCheck.healthyThreshold", 1),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.healthCheck.healthyThreshold: 1 is out of range; allowed:"
                                + " 2 to 10"),
                broken("health check matcher out of range", v -> v.setIn(S, "web.healthCheck.matcher", "500"),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.healthCheck.matcher: 500 is not a set of HTTP codes an"
                                + " ALB health check accepts; allowed: codes 200 to 499: one (200), a list (200,202) or"
                                + " a range (200-299)"),
                broken("container health check without CMD", v -> v.setIn(S, "api.containerHealthCheck.command",
                                List.of("curl", "-f", "http://localhost/")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.containerHealthCheck.command: [\"curl\",\"-f\","
                                + "\"http://localhost/\"] is not a container health check command; allowed: a list"
                                + " starting with CMD or CMD-SHELL, e.g. [CMD-SHELL, \"curl -f http://localhost:8080/"
                                + " || exit 1\"]"),
                broken("public service without a port", v -> v.removeIn(S, "web.port"),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.port: is missing (set it in Pulumi.dev.yaml or with `pulumi"
                                + " config set --path '" + Reference.NS + "services.web.port' <value>`); allowed: the container port the load"
                                + " balancer sends traffic to, 1 to 65535"),
                broken("call to a service that does not exist", v -> v.setIn(S, "web.calls", List.of("payments")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.calls: \"payments\" is not a service of this stack; allowed:"
                                + " names of other services: api, web, worker"),
                broken("a service calling itself", v -> v.setIn(S, "api.calls", List.of("api")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.calls: \"api\" is the service itself; allowed:"
                                + " names of other services"),
                broken("call to a service without a port", v -> v.setIn(S, "web.calls", List.of("worker")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.calls: \"worker\" has no port to call; allowed: services"
                                + " with a port"),
                broken("desired count above max", v -> v.setIn(S, "worker.desiredCount", 5),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.worker.desiredCount: 5 is out of range; allowed: 1 to 2"),
                broken("unknown service setting", v -> v.setIn(S, "web.memoryMiB", 512),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.memoryMiB: is not a known key (did you mean"
                                + " " + Reference.NS + "services.web.memory?); allowed: " + String.join(", ",
                                new java.util.TreeSet<>(ServiceKeys.KEYS.names()).stream()
                                        .map(f -> Reference.NS + "services.web." + f).toList())),
                broken("service name with capitals", v -> v.setIn(S, "Billing", Map.of("image", "x")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.Billing: is not a service name that fits AWS names; allowed: 1"
                                + " to 20 lowercase letters, digits or hyphens, starting with a letter"),
                broken("service named like a stack resource", v -> v.setIn(S, "alb", Map.of("image", "x")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.alb: is a name the stack's own resources use; allowed: 1 to 20"
                                + " lowercase letters, digits or hyphens, starting with a letter, other than alarms,"
                                + " alb, alb-logs, alerts, cluster, dashboard, database, db, ecs-exec, endpoints, igw,"
                                + " parameters, stack-key, vpc, vpc-flow-logs, waf, alb-<n> and endpoints-<n>"),
                broken("service named like a second load balancer group", v -> v.setIn(S, "alb-2", Map.of("image", "x")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.alb-2: is a name the stack's own resources use; allowed: 1 to"
                                + " 20 lowercase letters, digits or hyphens, starting with a letter, other than alarms,"
                                + " alb, alb-logs, alerts, cluster, dashboard, database, db, ecs-exec, endpoints, igw,"
                                + " parameters, stack-key, vpc, vpc-flow-logs, waf, alb-<n> and endpoints-<n>"),
                broken("two public services and no routing", v -> v.setIn(S, "api.public", true),
                        "Pulumi.dev.yaml: " + Reference.NS + "services: public services api, web have no pathPatterns or hostHeaders;"
                                + " allowed: exactly one public service without pathPatterns or hostHeaders (it gets"
                                + " every request no rule matches); every other public service with them"),
                broken("path rule that repeats the default action", v -> v.setIn(S, "api.public", true)
                                .setIn(S, "api.pathPatterns", List.of("/*")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.pathPatterns: \"/*\" matches every request, which is what"
                                + " the listener's default action already does; allowed: a narrower path such as /api/*"),
                broken("routing on an internal service", v -> v.setIn(S, "api.pathPatterns", List.of("/api/*")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.api.pathPatterns: routes load balancer traffic, but the service"
                                + " is not public; allowed: routing only on services with public: true"),
                broken("environment variable name with a dash", v -> v.setIn(S, "web.environment",
                                Map.of("API-URL", "x")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.environment.API-URL: is not an environment variable name;"
                                + " allowed: letters, digits and _, not starting with a digit"),
                broken("relative writable path", v -> v.setIn(S, "web.writablePaths", List.of("tmp")),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.writablePaths: \"tmp\" is not a distinct plain absolute"
                                + " path; allowed: at most 10 distinct absolute paths of letters, digits and _ . @ + -,"
                                + " such as /tmp, not under /proc, /sys or /dev"),
                broken("architecture", v -> v.setIn(S, "web.architecture", "arm64"),
                        "Pulumi.dev.yaml: " + Reference.NS + "services.web.architecture: \"arm64\" is not a Fargate CPU architecture;"
                                + " allowed: X86_64 or ARM64"));
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenServices")
    void brokenServiceSettingGivesOneExactMessage(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertRefused("dev", edit, message);
    }
}
