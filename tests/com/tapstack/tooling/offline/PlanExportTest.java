package com.tapstack.tooling.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tapstack.support.Reference;
import java.time.Instant;
import java.util.HashSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The --json file has the shape of `pulumi stack export` (deployment version 3). */
class PlanExportTest {

    private static JsonObject export(String stack) {
        return JsonParser.parseString(PlanExport.toJson(Reference.plan(stack), Instant.parse("2026-11-23T10:00:00Z")))
                .getAsJsonObject();
    }

    @Test
    void topLevelIsVersion3WithAManifestAndResources() {
        var export = export("dev");

        assertThat(export.get("version").getAsInt()).isEqualTo(3);
        var deployment = export.getAsJsonObject("deployment");
        assertThat(deployment.getAsJsonObject("manifest").get("time").getAsString()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(deployment.getAsJsonArray("resources")).hasSize(Reference.plan("dev").resources().size() + 2);
    }

    @Test
    void everyResourceHasTheExportFieldsAndCustomOnesAnIdAndAProvider() {
        var resources = export("prod").getAsJsonObject("deployment").getAsJsonArray("resources");

        for (var element : resources) {
            var resource = element.getAsJsonObject();
            assertThat(resource.keySet()).contains("urn", "custom", "type", "inputs", "outputs", "protect",
                    "dependencies", "propertyDependencies");
            var type = resource.get("type").getAsString();
            if (resource.get("custom").getAsBoolean() && !type.startsWith("pulumi:providers:")) {
                assertThat(resource.get("id").getAsString()).isNotBlank();
                assertThat(resource.get("provider").getAsString())
                        .startsWith("urn:pulumi:prod::" + Reference.NS + ":pulumi:providers:aws::default_6_83_0::");
                assertThat(resource.get("parent").getAsString()).contains(com.tapstack.stack.TapStack.TYPE);
            }
        }
    }

    @Test
    void parentsAndDependenciesAppearBeforeTheResourcesThatNeedThem() {
        var resources = export("prod").getAsJsonObject("deployment").getAsJsonArray("resources");
        var seen = new HashSet<String>();

        for (var element : resources) {
            var resource = element.getAsJsonObject();
            if (resource.has("parent")) {
                assertThat(seen).contains(resource.get("parent").getAsString());
            }
            StreamSupport.stream(resource.getAsJsonArray("dependencies").spliterator(), false)
                    .forEach(dependency -> assertThat(seen).contains(dependency.getAsString()));
            seen.add(resource.get("urn").getAsString());
        }
    }

    @Test
    void stackOutputsSitOnTheStackResourceAndDependenciesAreRecorded() {
        var resources = export("prod").getAsJsonObject("deployment").getAsJsonArray("resources");
        var stack = resources.get(0).getAsJsonObject();
        var nat = StreamSupport.stream(resources.spliterator(), false).map(e -> e.getAsJsonObject())
                .filter(r -> r.get("type").getAsString().equals("aws:ec2/natGateway:NatGateway")).findFirst().orElseThrow();

        assertThat(stack.get("type").getAsString()).isEqualTo("pulumi:pulumi:Stack");
        assertThat(stack.get("urn").getAsString()).isEqualTo("urn:pulumi:prod::" + Reference.NS + ":pulumi:pulumi:Stack::" + Reference.P + "prod");
        assertThat(stack.getAsJsonObject("outputs").get("environmentSuffix").getAsString()).isEqualTo("core");
        assertThat(nat.getAsJsonObject("propertyDependencies").keySet()).contains("allocationId", "subnetId");
        assertThat(nat.getAsJsonObject("inputs").get("connectivityType").getAsString()).isEqualTo("public");
    }

    @Test
    void secretAndUnknownValuesUsePulumisMarkers() {
        assertThat(PlanExport.exportValue(new PlanValues.Secret("x")))
                .isEqualTo(java.util.Map.of(PlanExport.SECRET_SIG_KEY, PlanExport.SECRET_SIG_VALUE,
                        "ciphertext", "[secret: encrypted by the stack's secrets provider at deployment]"));
        assertThat(PlanExport.exportValue(PlanValues.UNKNOWN)).isEqualTo(PlanExport.UNKNOWN_SENTINEL);
    }
}
