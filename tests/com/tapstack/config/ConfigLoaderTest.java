package com.tapstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.modules.ModulesConfig;
import com.tapstack.modules.alarms.AlarmsConfig;
import com.tapstack.modules.alblogs.AlbLogsConfig;
import com.tapstack.modules.database.DatabaseConfig;
import com.tapstack.modules.database.DatabaseEngine;
import com.tapstack.modules.endpoints.EndpointsConfig;
import com.tapstack.modules.parameters.ParameterConfig;
import com.tapstack.network.Ipv4Cidr;
import com.tapstack.network.NatStrategy;
import com.tapstack.network.NetworkConfig;
import com.tapstack.stack.ConfigLoader;
import com.tapstack.stack.StackConfig;
import com.tapstack.support.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    @Test
    void devStackFileLoadsIntoTypedConfig() {
        var config = Reference.config("dev");

        assertThat(config).usingRecursiveComparison().ignoringFields("platform").isEqualTo(StackConfig.builder(
                Reference.NAME, "dev", "us-east-1", "platform-team", "engineering")
                .logRetentionDays(7).kmsDeletionWindowDays(7).protect(false).tags(Map.of("Team", "platform"))
                .network(new NetworkConfig(Ipv4Cidr.parse("10.10.0.0/16").orElseThrow().network(), 2,
                        NatStrategy.SINGLE, List.of()))
                .build());
        assertThat(config.platform().spotWeight()).isEqualTo(3);
        assertThat(config.platform().onDemandBase()).isEqualTo(1);
        assertThat(config.platform().ecrKeepImages()).isEqualTo(10);
        assertThat(config.platform().ecrUntaggedExpiryDays()).isEqualTo(3);
        assertThat(config.platform().services()).containsOnlyKeys("web", "api", "worker");
        assertThat(config.platform().services().values()).noneMatch(service -> service.database());
    }

    @Test
    void prodStackFileLoadsIntoTypedConfig() {
        var config = Reference.config("prod");

        assertThat(config).usingRecursiveComparison().ignoringFields("platform").isEqualTo(StackConfig.builder(
                Reference.NAME, "prod", "us-east-1", "platform-team", "engineering")
                .environmentSuffix("core").tags(Map.of("Team", "platform"))
                .network(new NetworkConfig(Ipv4Cidr.parse("10.20.0.0/16").orElseThrow().network(), 3,
                        NatStrategy.PER_AZ, List.of("use1-az1", "use1-az2", "use1-az4")))
                .modules(new ModulesConfig(
                        Optional.of(DatabaseConfig.builder(DatabaseEngine.AURORA).serverless(0.5, 8.0).instances(2)
                                .backupRetentionDays(14).performanceInsights(true).build()),
                        Map.of("LOG_LEVEL", new ParameterConfig("LOG_LEVEL", false, "info")),
                        Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(new EndpointsConfig(List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm"))),
                        Optional.of(new AlbLogsConfig(90)),
                        Optional.of(new AlarmsConfig(List.of(), 80, 80, 10, 80, 90, 512, 5)), Optional.empty(),
                        Optional.empty()))
                .build());
        assertThat(config.platform().spotWeight()).isZero();
        assertThat(config.platform().ecrKeepImages()).isEqualTo(30);
        assertThat(config.platform().services()).containsOnlyKeys("web", "api", "worker");
        assertThat(config.platform().services().values()).filteredOn(service -> service.database())
                .extracting(service -> service.name()).containsExactly("api");
    }

    @Test
    void keysLeftOutOfTheStackFileTakeTheDefaultsDeclaredInPulumiYaml() {
        var minimal = Map.<String, Object>of(
                "aws:region", "eu-west-1",
                Reference.NS + "environment", "qa",
                Reference.NS + "owner", "qa-team",
                Reference.NS + "costCenter", "quality");

        var config = Reference.load("qa", minimal);

        assertThat(config.environmentSuffix()).isEmpty();
        assertThat(config.logRetentionDays()).isEqualTo(30);
        assertThat(config.kmsDeletionWindowDays()).isEqualTo(30);
        assertThat(config.protect()).isTrue();
        assertThat(config.network().vpcCidr()).hasToString("10.0.0.0/16");
        assertThat(config.network().azCount()).isEqualTo(3);
        assertThat(config.network().natStrategy()).isEqualTo(NatStrategy.PER_AZ);
        assertThat(config.tags()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theEngineSourceAndTheStackFileGiveTheSameConfig(String stack) {
        // What the Pulumi CLI hands the program: every value as text, mappings and lists as JSON text.
        var gson = new com.google.gson.Gson();
        var engineConfig = new java.util.LinkedHashMap<String, String>();
        Reference.values(stack).toMap().forEach((key, value) -> engineConfig.put(key,
                value instanceof Map || value instanceof List ? gson.toJson(value) : String.valueOf(value)));

        var fromEngine = ConfigLoader.load(EngineConfigSource.fromJson(stack, gson.toJson(engineConfig), "[]"), Reference.NAME);

        assertThat(fromEngine).isEqualTo(Reference.config(stack));
    }

    @Test
    void theEngineSourceAcceptsTheLegacyConfigKeyFormAndMarksSecrets() {
        var source = EngineConfigSource.fromJson("dev",
                "{\"" + Reference.NS + "config:owner\": \"ops\", \"" + Reference.NS + "token\": \"s3cr3t\", \"" + Reference.NS + "nested\": \"{\\\"a\\\": 1}\"}",
                "[\"" + Reference.NS + "token\", \"" + Reference.NS + "nested\"]");

        var values = source.namespace(Reference.NAME);

        assertThat(values).containsEntry("owner", "ops")
                .containsEntry("token", SecretValue.of("s3cr3t"))
                .containsEntry("nested", Map.of("a", SecretValue.of("1")));
        assertThat(source.origin()).isEqualTo("Pulumi.dev.yaml");
    }

    @Test
    void encryptedValuesInAStackFileStaySecretOffline() {
        var source = StackFileSource.of(Reference.project(), "Pulumi.dev.yaml",
                Map.of(Reference.NS + "token", Map.of("secure", "v1:abc"), Reference.NS + "list", List.of(Map.of("secure", "v1:def"))));

        var values = source.namespace(Reference.NAME);

        assertThat(values.get("token")).isEqualTo(SecretValue.encrypted());
        assertThat(values.get("list")).isEqualTo(List.of(SecretValue.encrypted()));
    }

    @Test
    void yamlIsReadAsThePulumiCliReadsItSoYesStaysTextAndADateBecomesGosTimestamp(@TempDir Path dir) throws Exception {
        var file = dir.resolve("Pulumi.dev.yaml");
        java.nio.file.Files.writeString(file, Reference.expand("""
                config:
                  aws:region: us-east-1
                  {ns}environment: dev
                  {ns}owner: platform-team
                  {ns}costCenter: engineering
                  {ns}tags:
                    Backup: yes
                    Since: 2024-01-01
                    Kept: "2024-01-01"
                """));

        var loaded = ConfigLoader.loadWithWarnings(StackFileSource.read(Reference.project(), file), Reference.NAME);

        assertThat(loaded.config().tags()).containsEntry("Backup", "yes")
                .containsEntry("Since", "2024-01-01 00:00:00 +0000 UTC").containsEntry("Kept", "2024-01-01");
        assertThat(loaded.warnings()).containsExactly(file.getFileName() + ": " + Reference.NS + "tags.Since: 2024-01-01 is a date to"
                + " the Pulumi CLI, which hands it over as \"2024-01-01 00:00:00 +0000 UTC\"; quote it (\"2024-01-01\")"
                + " to keep the text");
    }
}
