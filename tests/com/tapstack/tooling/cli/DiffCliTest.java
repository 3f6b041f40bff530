package com.tapstack.tooling.cli;

import static com.tapstack.support.TapRun.tap;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.tapstack.support.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./tap diff` end to end: exit codes, the three outputs, and base files that are not deployments. */
class DiffCliTest {

    private static Path project(Path dir) throws Exception {
        for (var file : new String[] {"Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml"}) {
            Files.copy(Reference.DIR.resolve(file), dir.resolve(file));
        }
        return dir;
    }

    private static Path basePlan(Path dir, String stack) {
        var base = dir.resolve("base-" + stack + ".json");
        var run = tap("plan", stack, "--project-dir", dir.toString(), "--json", base.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return base;
    }

    @Test
    void noChangeExitsZero(@TempDir Path dir) throws Exception {
        project(dir);
        var run = tap("diff", "dev", "--project-dir", dir.toString(), "--base", basePlan(dir, "dev").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 to replace, 0 to update, 0 to create, 0 to delete").contains("No changes.");
    }

    @Test
    void aHazardExitsThreeAndWritesJsonAndMarkdown(@TempDir Path dir) throws Exception {
        project(dir);
        var base = basePlan(dir, "dev");
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), Reference.values("dev")
                .set(Reference.NS + "vpcCidr", "10.50.0.0/16").toYaml());

        var run = tap("diff", "dev", "--project-dir", dir.toString(), "--base", base.toString(),
                "--json", dir.resolve("d.json").toString(), "--markdown", dir.resolve("d.md").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("Hazards").contains("network-cascade")
                .contains("cidrBlock: \"10.10.0.0/16\" => \"10.50.0.0/16\"   (forces replacement)");
        assertThat(run.out().indexOf("Hazards")).isLessThan(run.out().indexOf("Replacements"));
        var json = JsonParser.parseString(Files.readString(dir.resolve("d.json"))).getAsJsonObject();
        assertThat(json.getAsJsonObject("summary").get("hazards").getAsInt()).isPositive();
        var vpc = json.getAsJsonArray("changes").asList().stream().map(e -> e.getAsJsonObject())
                .filter(c -> c.get("type").getAsString().equals("aws:ec2/vpc:Vpc")).findFirst().orElseThrow();
        assertThat(vpc.get("action").getAsString()).isEqualTo("replace");
        var cidr = vpc.getAsJsonArray("properties").get(0).getAsJsonObject();
        assertThat(cidr.get("path").getAsString()).isEqualTo("cidrBlock");
        assertThat(cidr.get("before").getAsString()).isEqualTo("10.10.0.0/16");
        assertThat(cidr.get("after").getAsString()).isEqualTo("10.50.0.0/16");
        assertThat(cidr.get("replaces").getAsBoolean()).isTrue();
        assertThat(vpc.getAsJsonArray("hazards").get(0).getAsJsonObject().get("kind").getAsString())
                .isEqualTo("network-cascade");
        var markdown = Files.readString(dir.resolve("d.md"));
        assertThat(markdown).startsWith("### `./tap diff dev` :warning:").contains("#### Hazards")
                .contains("<details><summary>Replacements (");
    }

    @Test
    void aHeadFileReplacesTheWorkingTree(@TempDir Path dir) throws Exception {
        project(dir);
        var base = basePlan(dir, "dev");
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), Reference.values("dev")
                .set(Reference.NS + "spotWeight", 4).toYaml());
        var head = basePlan(dir, "dev");
        Files.copy(Reference.DIR.resolve("Pulumi.dev.yaml"), dir.resolve("Pulumi.dev.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var run = tap("diff", "dev", "--project-dir", dir.toString(), "--base", base.toString(), "--head",
                head.toString().replace("base-dev", "base-dev"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("No changes.");
    }

    @Test
    void aBaseThatCannotBeReadIsRefusedBeforeTheWorkingTreeIsPlanned(@TempDir Path dir) throws Exception {
        project(dir);
        var base = basePlan(dir, "prod");
        // A zone this account is not offered loads, but fails the plan: it shows whether the plan ran.
        Files.writeString(dir.resolve("Pulumi.prod.yaml"), Reference.values("prod")
                .set(Reference.NS + "availabilityZones", java.util.List.of("use1-az1", "use1-az2", "use1-az9"))
                .toYaml());
        var empty = dir.resolve("empty.json");
        Files.writeString(empty, "");

        var badBase = tap("diff", "prod", "--project-dir", dir.toString(), "--base", empty.toString());
        assertThat(badBase.exitCode()).isEqualTo(2);
        assertThat(badBase.err()).startsWith("error: " + empty).contains("is empty").hasLineCount(1);

        var goodBase = tap("diff", "prod", "--project-dir", dir.toString(), "--base", base.toString());
        assertThat(goodBase.exitCode()).isEqualTo(2);
        assertThat(goodBase.err()).contains("\"use1-az9\" is not an availability zone").hasLineCount(1);
    }

    @Test
    void badBaseFilesExitTwoWithOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        project(dir);
        var prodPlan = basePlan(dir, "prod");
        var cases = new String[][] {
                {"empty.json", "", "is empty"},
                {"not-json.json", "{\"version\": 3, \"deployment\": ", "is not JSON"},
                {"array.json", "[1, 2]", "is JSON but not an object"},
                {"version.json", "{\"version\": 2, \"deployment\": {}}", "version: is 2"},
                {"no-deployment.json", "{\"version\": 3}", "deployment: is missing"},
                {"bare.json", "{\"resources\": []}", "bare deployment"},
                {"bad-urn.json", "{\"version\": 3, \"deployment\": {\"resources\": [{\"urn\": \"nope\","
                        + " \"type\": \"x\"}]}}", "is not a Pulumi URN"},
        };
        for (var c : cases) {
            var file = dir.resolve(c[0]);
            Files.writeString(file, c[1]);
            var run = tap("diff", "dev", "--project-dir", dir.toString(), "--base", file.toString());
            assertThat(run.exitCode()).as(c[0] + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(c[0]).startsWith("error: " + file).contains(c[2]).hasLineCount(1);
        }
        var otherStack = tap("diff", "dev", "--project-dir", dir.toString(), "--base", prodPlan.toString());
        assertThat(otherStack.exitCode()).isEqualTo(2);
        assertThat(otherStack.err()).contains(prodPlan.toString()).contains("is stack 'prod' of project '"
                + Reference.NAME + "', the head is stack 'dev'").hasLineCount(1);
        var missing = tap("diff", "dev", "--project-dir", dir.toString(), "--base", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist").hasLineCount(1);
        var binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b});
        var notText = tap("diff", "dev", "--project-dir", dir.toString(), "--base", binary.toString());
        assertThat(notText.exitCode()).isEqualTo(2);
        assertThat(notText.err()).contains("is not UTF-8 text").hasLineCount(1);
    }
}
