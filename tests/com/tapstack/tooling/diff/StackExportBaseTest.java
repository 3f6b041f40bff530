package com.tapstack.tooling.diff;

import static com.tapstack.support.Reference.NS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlanExport;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A base that is a `pulumi stack export` of the deployed stack, not a plan: real ids and ARNs where the planner
 * invents its own, the bridge's __defaults and Check-filled defaults in the inputs, tagsAll stored with the inputs,
 * numbers as floats, a CLI version in the manifest. The same program must diff to nothing against it, and a change
 * to the same actions as against a plan.
 */
class StackExportBaseTest {

    /** The reference stack's plan rewritten the way the deployed stack's export differs from a plan. */
    static Deployment exportOf(Plan plan) {
        var root = JsonParser.parseString(new Gson().toJson(PlanExport.toMap(plan, Instant.EPOCH))).getAsJsonObject();
        var deployment = root.getAsJsonObject("deployment");
        deployment.getAsJsonObject("manifest").addProperty("version", "v3.150.0");
        var real = new LinkedHashMap<String, String>();
        for (var element : deployment.getAsJsonArray("resources")) {
            var resource = element.getAsJsonObject();
            if (!resource.get("custom").getAsBoolean() || resource.get("type").getAsString().startsWith("pulumi:")) {
                continue;
            }
            var inputs = resource.getAsJsonObject("inputs");
            // Real ids differ from the planner's; ids that are names (a log group's, a role's) do not.
            var inputTexts = new java.util.HashSet<String>();
            inputs.entrySet().forEach(e -> inputTexts.add(e.getValue().isJsonPrimitive()
                    ? e.getValue().getAsString() : e.getValue().toString()));
            if (resource.has("id") && !inputTexts.contains(resource.get("id").getAsString())
                    && resource.get("id").getAsString().length() >= 4) {
                real.put(resource.get("id").getAsString(), deployed(resource.get("id").getAsString()));
            }
            // What Check stores besides the program's inputs.
            var defaults = new JsonArray();
            if (resource.get("type").getAsString().equals("aws:cloudwatch/logGroup:LogGroup")) {
                // terraform-provider-aws schema defaults of aws_cloudwatch_log_group.
                inputs.addProperty("logGroupClass", "STANDARD");
                inputs.addProperty("skipDestroy", false);
                defaults.add("logGroupClass");
                defaults.add("skipDestroy");
            }
            inputs.add("__defaults", defaults);
            if (inputs.has("tags")) {
                inputs.add("tagsAll", inputs.get("tags").deepCopy());
            }
        }
        // And the real account is not the planner's.
        real.put(plan.account().accountId(), "210987654321");
        var text = floats(root).toString();
        var longestFirst = real.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList();
        for (var entry : longestFirst) {
            text = text.replace(entry.getKey(), entry.getValue());
        }
        return DeploymentReader.parse("prod-export.json", text);
    }

    /** A "real" id: the planner's with every digit moved on by one, so ids, ARNs and names made of them stay apart. */
    static String deployed(String planned) {
        if (planned.startsWith("arn:")) {
            // An ARN keeps its region and account (the account is replaced on its own); its generated tail differs.
            int tail = Math.max(planned.lastIndexOf('/'), planned.lastIndexOf(':')) + 1;
            return planned.substring(0, tail) + deployed(planned.substring(tail));
        }
        var out = new StringBuilder();
        for (char c : planned.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) ('0' + (c - '0' + 1) % 10) : c);
        }
        return out.toString();
    }

    static JsonElement floats(JsonElement element) {
        if (element.isJsonObject()) {
            var copy = new JsonObject();
            element.getAsJsonObject().entrySet().forEach(e -> copy.add(e.getKey(), floats(e.getValue())));
            return copy;
        }
        if (element.isJsonArray()) {
            var copy = new JsonArray();
            element.getAsJsonArray().forEach(e -> copy.add(floats(e)));
            return copy;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            return new JsonPrimitive(element.getAsDouble());
        }
        return element;
    }

    static DiffResult diff(String stack, Map<String, Object> values) {
        var base = exportOf(Reference.plan(stack));
        var head = OfflineDiff.deployment(Reference.plan(stack, values), "head");
        return Differ.diff(base, head, ReplacementTable.shipped());
    }

    @Test
    void theSameProgramDiffsToNothingAgainstItsDeployedStack() {
        for (var stack : new String[] {"dev", "prod"}) {
            var result = diff(stack, Reference.values(stack).toMap());
            assertThat(result.changes()).as(stack + ": " + DiffScenariosTest.summary(result)).isEmpty();
            assertThat(result.baseKind()).isEqualTo(Deployment.Kind.STACK_EXPORT);
        }
    }

    /**
     * The engine leaves the root stack's type out of its children's URNs (pulumi/pulumi,
     * pkg/resource/deploy/deployment.go, generateURN), and so does the plan: the stack's component is
     * {@code <project>::tap:stack:TapStack::<name>}, its children {@code tap:stack:TapStack$<type>}.
     */
    @Test
    void planUrnsAreTheEnginesWithoutTheRootStacksType() {
        var plan = Reference.plan("dev");
        var component = plan.byType("tap:stack:TapStack").get(0);
        var key = plan.byType("aws:kms/key:Key").get(0);

        assertThat(component.urn()).isEqualTo("urn:pulumi:dev::" + Reference.NAME + "::tap:stack:TapStack::"
                + component.name());
        assertThat(key.urn()).startsWith("urn:pulumi:dev::" + Reference.NAME + "::tap:stack:TapStack$");
        assertThat(plan.resources()).extracting(r -> r.urn()).noneMatch(urn -> urn.contains(Plan.STACK_TYPE + "$"));
    }

    /**
     * A base written before plans had the engine's URNs (a saved plan, a base branch planned by older code) carries
     * {@code pulumi:pulumi:Stack$} in front of every child's type: the same resources, so no change.
     */
    @Test
    void aBaseWithTheRootStacksTypeInItsUrnsIsTheSameStack() {
        var plan = Reference.plan("dev");
        var text = new Gson().toJson(PlanExport.toMap(plan, Instant.EPOCH))
                .replace("::" + Reference.NAME + "::tap:stack:TapStack", "::" + Reference.NAME + "::"
                        + Plan.STACK_TYPE + "$tap:stack:TapStack");
        assertThat(text).contains(Plan.STACK_TYPE + "$tap:stack:TapStack$").doesNotContain("::tap:stack:TapStack");

        var result = Differ.diff(DeploymentReader.parse("old-plan.json", text), OfflineDiff.deployment(plan, "head"),
                ReplacementTable.shipped());

        assertThat(result.changes()).as(String.join("; ", DiffScenariosTest.summary(result))).isEmpty();
    }

    @Test
    void theBaseHoldsRealIdsTheHeadDoesNot() {
        var base = exportOf(Reference.plan("dev"));
        var planned = Reference.plan("dev").byType("aws:ec2/vpc:Vpc").get(0).id().orElseThrow();
        assertThat(base.resources()).filteredOn(r -> r.type().equals("aws:ec2/vpc:Vpc")).singleElement()
                .satisfies(vpc -> assertThat(vpc.id()).hasValue(deployed(planned)).isNotEqualTo(
                        java.util.Optional.of(planned)));
    }

    @Test
    void aChangeDiffsToTheSameActionsAsAgainstAPlan() {
        var values = Reference.values("prod").set(NS + "spotWeight", 2).set(NS + "onDemandBase", 1);
        var againstExport = diff("prod", values.toMap());
        var againstPlan = Differ.diff(OfflineDiff.deployment(Reference.plan("prod"), "base"),
                OfflineDiff.deployment(Reference.plan("prod", values.toMap()), "head"), ReplacementTable.shipped());
        assertThat(DiffScenariosTest.summary(againstExport)).isNotEmpty()
                .isEqualTo(DiffScenariosTest.summary(againstPlan));
        assertThat(againstExport.withAction(Action.UPDATE)).extracting(Change::type)
                .containsOnly("aws:ecs/service:Service", "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders");
    }

    @Test
    void aVpcReplacementReachesTheSubnetsThroughTheRealIds() {
        var result = diff("dev", Reference.values("dev").set(NS + "vpcCidr", "10.40.0.0/16").toMap());
        assertThat(DiffScenariosTest.action(result, "aws:ec2/vpc:Vpc", Reference.P + "network-vpc"))
                .isEqualTo(Action.REPLACE);
        Reference.plan("dev").byType("aws:ec2/subnet:Subnet").forEach(subnet ->
                assertThat(DiffScenariosTest.action(result, "aws:ec2/subnet:Subnet", subnet.name()))
                        .isEqualTo(Action.REPLACE));
    }
}
