package com.tapstack.tooling.cli;

import static com.tapstack.support.TapRun.tap;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.tapstack.support.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TapCliTest {



    @Test
    void planDevPrintsCountsByTypeAndOutputs() {
        var run = tap("plan", "dev", "--project-dir", Reference.DIR.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Plan for " + Reference.NAME + "/dev (offline: account 123456789012, us-east-1, partition aws)")
                .contains("85 resources to create")
                .containsPattern("aws:ec2/natGateway:NatGateway +1\\n")
                .containsPattern("vpcId +\"vpc-0[0-9a-f]{16}\"")
                .contains("Monthly estimate at list prices (us-east-1, USD, price table of ")
                .containsPattern("NAT gateways +34\\.20 USD")
                .containsPattern("total +110\\.66 USD");
    }

    @Test
    void costPrintsTheEstimateOnly() {
        var run = tap("cost", "prod", "--project-dir", Reference.DIR.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Monthly estimate at list prices (us-east-1, USD, price table of ")
                .containsPattern("Database +87\\.60 USD").containsPattern("total +490\\.01 USD")
                .doesNotContain("resources to create");
    }

    @Test
    void planProdHasOneNatGatewayPerZone() {
        var run = tap("plan", "prod", "--project-dir", Reference.DIR.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("aws:ec2/natGateway:NatGateway +3\\n");
    }

    @Test
    void jsonOptionWritesTheExportShapedGraph(@TempDir Path dir) throws Exception {
        var file = dir.resolve("out.json");

        var run = tap("plan", "dev", "--json", file.toString(), "--project-dir", Reference.DIR.toString());

        assertThat(run.exitCode()).isZero();
        var export = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertThat(export.get("version").getAsInt()).isEqualTo(3);
        assertThat(export.getAsJsonObject("deployment").getAsJsonArray("resources")).hasSizeGreaterThan(85);
    }

    @Test
    void aBrokenStackFileExitsWith2AndOneLineNamingTheKeyAndTheAllowedValues(@TempDir Path dir) throws Exception {
        Files.copy(Reference.DIR.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"),
                Files.readString(Reference.DIR.resolve("Pulumi.dev.yaml"))
                        .replace(Reference.NS + "logRetentionDays: 7", Reference.NS + "logRetentionDays: 8"));

        var run = tap("plan", "dev", "--project-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: Pulumi.dev.yaml: " + Reference.NS + "logRetentionDays: 8 is not a retention period"
                + " CloudWatch Logs accepts; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,"
                + " 1096, 1827, 2192, 2557, 2922, 3288, 3653" + System.lineSeparator());
    }

    @Test
    void planListsEachServiceFromThePlanGraph() {
        var run = tap("plan", "prod", "--project-dir", Reference.DIR.toString());

        assertThat(run.out()).containsPattern(Reference.P + "prod-core-web +public :8080 +512/1024 +2 \\(2-6\\) +FARGATE x1 +off")
                .containsPattern(Reference.P + "prod-core-api +internal :8080 +1024/2048 +2 \\(2-6\\) +FARGATE x1 +off")
                .containsPattern(Reference.P + "prod-core-worker +no inbound +512/1024 +1 \\(1-4\\) +FARGATE x1 +off");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> brokenServices() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("invalid cpu/memory", "web.memory", 4096,
                        Reference.NS + "services.web.memory: 4096 MiB is not a Fargate size for cpu 256"),
                org.junit.jupiter.params.provider.Arguments.of("tag without digest", "web.image", "nginx:latest",
                        Reference.NS + "services.web.image: \"nginx:latest\" is not pinned by digest"),
                org.junit.jupiter.params.provider.Arguments.of("wildcard permission", "api.permissions",
                        java.util.List.of(java.util.Map.of("actions", java.util.List.of("*"),
                                "resources", java.util.List.of("*"))),
                        Reference.NS + "services.api.permissions[0].actions: \"*\" is a wildcard action"),
                org.junit.jupiter.params.provider.Arguments.of("unknown secret format", "api.secrets",
                        java.util.Map.of("TOKEN", "plain-text"),
                        Reference.NS + "services.api.secrets.TOKEN: \"plain-text\" is not an SSM parameter or a Secrets Manager"),
                org.junit.jupiter.params.provider.Arguments.of("health check timeout not below interval",
                        "web.healthCheck.timeout", 30,
                        Reference.NS + "services.web.healthCheck.timeout: 30 is not below the interval of 30 seconds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenServices")
    void aBrokenServiceExitsWith2AndOneLine(String what, String path, Object value, String expected,
                                            @TempDir Path dir) throws Exception {
        Files.copy(Reference.DIR.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"),
                Reference.values("dev").setIn(Reference.NS + "services", path, value).toYaml());

        var run = tap("plan", "dev", "--project-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: Pulumi.dev.yaml: " + expected);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anUnknownStackNamesTheStacksThatExist() {
        var run = tap("plan", "staging", "--project-dir", Reference.DIR.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Pulumi.staging.yaml: file: not found in ")
                .contains("allowed: a stack of this project: dev, prod");
    }

    @Test
    void invalidYamlNamesTheLine(@TempDir Path dir) throws Exception {
        Files.copy(Reference.DIR.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config:\n  " + Reference.NS + "environment: dev\n   bad: [\n");

        var run = tap("plan", "dev", "--project-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Pulumi.dev.yaml: line 3: not valid YAML");
        assertThat(run.err().lines()).hasSize(1);
    }
}
