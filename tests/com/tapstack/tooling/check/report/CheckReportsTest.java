package com.tapstack.tooling.check.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tapstack.config.Suppression;
import com.tapstack.support.PlanEditor;
import com.tapstack.support.Reference;
import com.tapstack.tooling.check.Checker;
import com.tapstack.tooling.check.RuleCatalog;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckReportsTest {

    private static com.tapstack.tooling.check.CheckReport brokenDev() {
        var plan = PlanEditor.of(Reference.plan("dev"))
                .set("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web", "healthCheck.timeout", 30L)
                .set("aws:ecr/repository:Repository", Reference.P + "registry-api", "imageTagMutability", "MUTABLE")
                .set("aws:ecr/repository:Repository", Reference.P + "registry-web", "forceDelete", false)
                .build();
        return Checker.check(plan, false, List.of(new Suppression("TAP802", Reference.P + "registry-web", "images are deleted"
                + " by CI before destroy")), "Pulumi.dev.yaml", RuleCatalog.all());
    }

    private static StackFileLines lines() throws Exception {
        var file = Reference.DIR.resolve("Pulumi.dev.yaml");
        return new StackFileLines("Pulumi.dev.yaml", Files.readAllLines(file), Reference.plan("dev"));
    }

    @Test
    void sarifHasTheShapeOfTheSarif210Schema() throws Exception {
        var sarif = JsonParser.parseString(SarifReport.render(brokenDev(), lines())).getAsJsonObject();

        assertThat(sarif.get("version").getAsString()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").getAsString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        var runs = sarif.getAsJsonArray("runs");
        assertThat(runs).hasSize(1);
        var run = runs.get(0).getAsJsonObject();
        var driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertThat(driver.get("name").getAsString()).isEqualTo("tap check");
        var rules = driver.getAsJsonArray("rules");
        assertThat(rules).hasSize(RuleCatalog.all().size());
        for (var element : rules) {
            var rule = element.getAsJsonObject();
            assertThat(rule.get("id").getAsString()).matches("TAP\\d{3}");
            assertThat(rule.getAsJsonObject("shortDescription").get("text").getAsString()).isNotBlank();
            assertThat(rule.getAsJsonObject("defaultConfiguration").get("level").getAsString())
                    .isIn("error", "warning", "note");
            assertThat(rule.getAsJsonObject("properties").get("security-severity").getAsString()).matches("\\d+\\.\\d");
        }
        var results = run.getAsJsonArray("results");
        assertThat(results).hasSize(3);
        for (var element : results) {
            var result = element.getAsJsonObject();
            assertThat(result.keySet()).contains("ruleId", "ruleIndex", "level", "message", "locations");
            int index = result.get("ruleIndex").getAsInt();
            assertThat(rules.get(index).getAsJsonObject().get("id").getAsString()).isEqualTo(result.get("ruleId").getAsString());
            assertThat(result.get("level").getAsString()).isIn("none", "note", "warning", "error");
            assertThat(result.getAsJsonObject("message").get("text").getAsString()).isNotBlank();
            var location = result.getAsJsonArray("locations").get(0).getAsJsonObject();
            var physical = location.getAsJsonObject("physicalLocation");
            assertThat(physical.getAsJsonObject("artifactLocation").get("uri").getAsString()).isEqualTo("Pulumi.dev.yaml");
            assertThat(physical.getAsJsonObject("region").get("startLine").getAsInt()).isPositive();
            assertThat(location.getAsJsonArray("logicalLocations").get(0).getAsJsonObject().get("kind").getAsString())
                    .isEqualTo("resource");
        }
        var suppressed = find(results, "TAP802");
        assertThat(suppressed.getAsJsonArray("suppressions").get(0).getAsJsonObject().get("kind").getAsString())
                .isEqualTo("external");
    }

    @Test
    void sarifPointsAServicesFindingAtTheServiceInTheStackFileAndOthersAtTheTop() throws Exception {
        var plan = PlanEditor.of(Reference.plan("dev"))
                .container(Reference.P + "web-task-definition", "web", c -> {
                    c.put("readonlyRootFilesystem", false);
                    return c;
                })
                .set("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web", "healthCheck.timeout", 30L).build();
        var report = Checker.check(plan, false, List.of(), "Pulumi.dev.yaml", RuleCatalog.all());
        var results = JsonParser.parseString(SarifReport.render(report, lines())).getAsJsonObject()
                .getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
        var file = Files.readAllLines(Reference.DIR.resolve("Pulumi.dev.yaml"));

        assertThat(file.get(startLine(find(results, "TAP110")) - 1)).isEqualTo("    web:");
        assertThat(startLine(find(results, "TAP501"))).isEqualTo(1);
    }

    @Test
    void aFindingKeepsTheFingerprintEarlierReportsGaveItUnderTheURNOfTheRootStacksTypeAndNoOtherFindingHasIt()
            throws Exception {
        var results = JsonParser.parseString(SarifReport.render(brokenDev(), lines())).getAsJsonObject()
                .getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
        var engineUrn = "urn:pulumi:dev::tap::tap:stack:TapStack$aws:ecr/repository:Repository::tap-dev-registry-api";
        var earlierUrn = "urn:pulumi:dev::tap::pulumi:pulumi:Stack$tap:stack:TapStack$aws:ecr/repository:Repository"
                + "::tap-dev-registry-api";

        assertThat(SarifReport.fingerprint("TAP801", engineUrn)).isEqualTo(SarifReport.fingerprint("TAP801", earlierUrn))
                .isNotEqualTo(SarifReport.fingerprint("TAP802", engineUrn))
                .isNotEqualTo(SarifReport.fingerprint("TAP801", engineUrn.replace("registry-api", "registry-web")));
        for (var element : results) {
            var result = element.getAsJsonObject();
            var urn = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonArray("logicalLocations")
                    .get(0).getAsJsonObject().get("fullyQualifiedName").getAsString();
            assertThat(urn).doesNotContain("pulumi:pulumi:Stack$");
            assertThat(result.getAsJsonObject("partialFingerprints").get(SarifReport.FINGERPRINT).getAsString())
                    .isEqualTo(SarifReport.fingerprint(result.get("ruleId").getAsString(), urn));
        }
        assertThat(results.asList().stream().map(r -> r.getAsJsonObject().getAsJsonObject("partialFingerprints")
                .get(SarifReport.FINGERPRINT).getAsString()).distinct()).hasSize(results.size());
    }

    private static int startLine(JsonObject result) {
        return result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
                .getAsJsonObject("region").get("startLine").getAsInt();
    }

    @Test
    void jsonAndTerminalReportsListFindingsAndSuppressionsWithTheVerdict() {
        var report = brokenDev();
        var json = JsonParser.parseString(JsonReport.render(report)).getAsJsonObject();

        assertThat(json.getAsJsonObject("summary").get("critical").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("summary").get("medium").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("summary").get("passed").getAsBoolean()).isFalse();
        assertThat(json.getAsJsonArray("suppressed").get(0).getAsJsonObject().get("reason").getAsString())
                .isEqualTo("images are deleted by CI before destroy");
        var ids = Set.copyOf(json.getAsJsonArray("findings").asList().stream()
                .map(f -> f.getAsJsonObject().get("rule").getAsString()).toList());
        assertThat(ids).containsExactlyInAnyOrder("TAP501", "TAP202");

        var text = TerminalReport.render(report);
        assertThat(text).startsWith("Check of " + Reference.NAME + "/dev: " + RuleCatalog.all().size() + " rules, 2 findings (1 critical,"
                + " 0 high, 1 medium, 0 low), 1 suppressed")
                .contains("critical  TAP501  " + Reference.P + "alb-web")
                .contains("Suppressed (" + Reference.NS + "checkSuppressions)")
                .endsWith("FAILED: critical or high findings remain (exit 1)\n");
    }

    private static JsonObject find(JsonArray results, String ruleId) {
        for (var element : results) {
            if (element.getAsJsonObject().get("ruleId").getAsString().equals(ruleId)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }
}
