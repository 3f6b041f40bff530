package com.tapstack.tooling.cli;

import static com.tapstack.support.TapRun.tap;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.tapstack.support.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class CheckDiagramNewEnvCliTest {



    private static Path copyProject(Path dir) throws Exception {
        for (var file : new String[] {"Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml"}) {
            Files.copy(Reference.DIR.resolve(file), dir.resolve(file));
        }
        return dir;
    }

    @Test
    void checkPassesDevAndProd() {
        for (var stack : new String[] {"dev", "prod"}) {
            var run = tap("check", stack, "--project-dir", Reference.DIR.toString());
            assertThat(run.exitCode()).as(stack).isZero();
            // prod is told it still needs HTTPS and a web ACL (medium: they need a domain of the user's).
            assertThat(run.out()).contains(stack.equals("dev") ? "0 findings" : "2 findings (0 critical, 0 high, 2 medium")
                    .endsWith("PASSED: no critical or high finding\n");
        }
    }

    @Test
    void checkFailsWithExit1AndWritesJsonAndSarifWhenAHighFindingRemains(@TempDir Path dir) throws Exception {
        copyProject(dir);
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), Reference.values("dev").set(Reference.NS + "natStrategy", "none").toYaml());

        var run = tap("check", "dev", "--project-dir", dir.toString(), "--json", dir.resolve("c.json").toString(),
                "--sarif", dir.resolve("c.sarif").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("high      TAP602  " + Reference.P + "web").contains("FAILED");
        var json = JsonParser.parseString(Files.readString(dir.resolve("c.json"))).getAsJsonObject();
        assertThat(json.getAsJsonObject("summary").get("high").getAsInt()).isEqualTo(6);
        var sarif = JsonParser.parseString(Files.readString(dir.resolve("c.sarif"))).getAsJsonObject();
        assertThat(sarif.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results")).hasSize(6);
    }

    @Test
    void checkHonoursASuppressionFromTheStackFile(@TempDir Path dir) throws Exception {
        copyProject(dir);
        var values = Reference.values("dev").set(Reference.NS + "natStrategy", "none").set(Reference.NS + "checkSuppressions",
                java.util.List.of(Map.of("rule", "TAP602", "resource", Reference.P + "worker",
                        "reason", "the worker only reads its queue through VPC endpoints added by hand")));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), values.toYaml());

        var run = tap("check", "dev", "--project-dir", dir.toString());

        assertThat(run.out()).contains("2 suppressed").contains("TAP602  " + Reference.P + "worker  the worker only reads its queue");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void diagramWritesMermaidToAMarkdownFile(@TempDir Path dir) throws Exception {
        var file = dir.resolve("arch.md");

        var run = tap("diagram", "dev", "--out", file.toString(), "--project-dir", Reference.DIR.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(file)).startsWith("```mermaid\nflowchart LR\n").endsWith("```\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void newEnvWritesAValidatedStackFileThatPlansAndChecksClean(@TempDir Path dir) throws Exception {
        copyProject(dir);

        var run = tap("new-env", "staging", "--from", "dev", "--region", "eu-central-1", "--set",
                Reference.NS + "services.web.maxCount=5", "--project-dir", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Wrote Pulumi.staging.yaml (environment staging, from Pulumi.dev.yaml, region"
                + " eu-central-1).").contains("pulumi stack init staging").contains("pulumi up --stack staging");
        Map<String, Object> top = new Yaml().load(Files.readString(dir.resolve("Pulumi.staging.yaml")));
        var config = (Map<String, Object>) top.get("config");
        assertThat(config).containsEntry(Reference.NS + "environment", "staging").containsEntry("aws:region", "eu-central-1");
        var web = (Map<String, Object>) ((Map<String, Object>) config.get(Reference.NS + "services")).get("web");
        assertThat(web).containsEntry("maxCount", 5);
        assertThat((Map<String, Object>) web.get("environment"))
                .containsEntry("API_URL", "http://api.staging" + "." + Reference.NAME + ".local" + ":8080");
        assertThat(tap("plan", "staging", "--project-dir", dir.toString()).exitCode()).isZero();
        assertThat(tap("check", "staging", "--project-dir", dir.toString()).exitCode()).isZero();
    }

    @Test
    void newEnvRefusesToOverwriteUnlessForced(@TempDir Path dir) throws Exception {
        copyProject(dir);

        var refused = tap("new-env", "prod", "--from", "dev", "--project-dir", dir.toString());
        var forced = tap("new-env", "prod", "--from", "dev", "--force", "--project-dir", dir.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("error: Pulumi.prod.yaml: file: already exists; allowed: a new environment"
                + " name, or --force to overwrite it" + System.lineSeparator());
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("Pulumi.prod.yaml"))).contains(Reference.NS + "environment: prod")
                .contains(Reference.NS + "natStrategy: single");
    }

    @Test
    void newEnvValidatesWithTheLoaderAndThePlan(@TempDir Path dir) throws Exception {
        copyProject(dir);

        var badName = tap("new-env", "Staging", "--project-dir", dir.toString());
        var tooManyZones = tap("new-env", "eu", "--region", "eu-central-1", "--set", Reference.NS + "azCount=4",
                "--project-dir", dir.toString());
        var malformed = tap("new-env", "qa", "--set", "azCount", "--project-dir", dir.toString());

        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).startsWith("error: Pulumi.Staging.yaml: " + Reference.NS + "environment: \"Staging\" cannot be used"
                + " in resource names");
        assertThat(tooManyZones.exitCode()).isEqualTo(2);
        assertThat(tooManyZones.err()).startsWith("error: Pulumi.eu.yaml: " + Reference.NS + "azCount: 4 is more than the 3"
                + " availability zones eu-central-1 offers");
        assertThat(malformed.err()).startsWith("error: Pulumi.qa.yaml: --set azCount: is not key=value");
        assertThat(dir.resolve("Pulumi.Staging.yaml")).doesNotExist();
        assertThat(dir.resolve("Pulumi.eu.yaml")).doesNotExist();
    }
}
