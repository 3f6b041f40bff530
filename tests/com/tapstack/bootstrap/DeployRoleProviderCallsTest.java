package com.tapstack.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.tapstack.iam.Globs;
import com.tapstack.support.Fixtures;
import com.tapstack.support.Project;
import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deploy role can make what the stack plans: every resource type of plans that switch every module on has the
 * calls the AWS provider makes to create, read, update and delete it listed in tests/fixtures/provider-calls.tsv
 * (read in terraform-provider-aws 5.x, each line naming its source), and the role's policies allow each of them.
 * Actions only: which ARNs a call is authorized on is DeployIdentityTest's.
 */
class DeployRoleProviderCallsTest {

    static final Path TABLE = Project.DIR.resolve("tests/fixtures/provider-calls.tsv");

    /** Resource type to the IAM actions its provider calls. */
    static Map<String, List<String>> table() throws IOException {
        var calls = new TreeMap<String, List<String>>();
        for (var line : Files.readAllLines(TABLE)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var columns = line.split("\t");
            assertThat(columns).as(line).hasSize(5);
            assertThat(calls.put(columns[0], List.of(columns[2].split(",")))).as("twice: " + columns[0]).isNull();
        }
        return calls;
    }

    private static Map<String, List<String>> typesByStack;
    /** A planned resource's ARN (the simulator's, in AWS's formats and the stack's names) and its tags. */
    private record PlannedArn(String arn, Map<?, ?> tags) {
    }

    private static Map<String, List<PlannedArn>> arnsByType;

    /** The resource types of plans with every module on, the stacks they come from (the environment matters). */
    @BeforeAll
    static void plan() {
        var plans = new LinkedHashMap<String, Plan>();
        var example = Project.DIR.resolve("examples/Pulumi.full.yaml");
        plans.put("examples/Pulumi.full.yaml", OfflineEngine.plan(com.tapstack.stack.StackFiles.load(Project.DIR,
                example.toString()).config(), "full"));
        plans.put("fixture full", Fixtures.plan(Fixtures.FULL));
        for (var stack : List.of("dev", "prod")) {
            var prod = stack.equals("prod");
            var values = Reference.values(stack)
                    .set(Reference.NS + "database", prod ? Map.of("instanceClass", "db.r7g.large", "instances", 3)
                            : Map.of("engine", "postgres", "instanceClass", "db.t4g.micro"))
                    .set(Reference.NS + "https", prod ? Map.of("domainName", "app.shop.io") : Map.of(
                            "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/"
                                    + "0a1b2c3d-1111-2222-3333-444455556666"))
                    .set(Reference.NS + "dns", Map.of("zoneId", "Z0123456789ABCDEFGHIJ", "recordName", "app.shop.io"))
                    .set(Reference.NS + "waf", Map.of())
                    .set(Reference.NS + "albLogs", Map.of())
                    .set(Reference.NS + "alarms", Map.of("emails", List.of("oncall@shop.io")))
                    .setIn(Reference.NS + "services", "api.database", true)
                    // A public service that routes by path: a listener rule.
                    .setIn(Reference.NS + "services", "api.public", true)
                    .setIn(Reference.NS + "services", "api.pathPatterns", List.of("/api/*"))
                    .toMap();
            plans.put("reference " + stack, Reference.plan(stack, values));
        }
        typesByStack = new TreeMap<>();
        arnsByType = new TreeMap<>();
        plans.get("reference prod").resources().forEach(resource -> {
            var arn = resource.outputs().get("arn");
            if (arn instanceof String text && text.startsWith("arn:")) {
                var tags = resource.inputs().get("tags") instanceof Map<?, ?> map ? map : Map.of();
                arnsByType.computeIfAbsent(resource.type(), t -> new ArrayList<>()).add(new PlannedArn(text, tags));
            }
        });
        plans.forEach((name, plan) -> plan.resources().stream().map(PlannedResource::type)
                .filter(type -> type.startsWith("aws:"))
                .forEach(type -> typesByStack.computeIfAbsent(type, t -> new ArrayList<>()).add(name)));
    }

    @Test
    void everyTypeTheStackPlansHasItsProviderCallsListedAndEveryListedTypeIsPlanned() throws IOException {
        assertThat(table().keySet()).containsExactlyInAnyOrderElementsOf(typesByStack.keySet());
    }

    @Test
    void theDeployRoleAllowsEveryCallTheProviderMakesForTheTypesItDeploys() throws IOException {
        var allowed = new ArrayList<Pattern>();
        for (var document : DeployPermissions.of("aws", "210987654321", "us-east-1", Reference.NAME, "prod",
                Optional.of("acme-pulumi-state")).values()) {
            for (var element : JsonParser.parseString(document.toJson()).getAsJsonObject().getAsJsonArray("Statement")) {
                var statement = element.getAsJsonObject();
                if (statement.get("Effect").getAsString().equals("Allow")) {
                    DeployIdentityTest.strings(statement.get("Action")).forEach(a -> allowed.add(Globs.toRegex(a)));
                }
            }
        }
        var missing = new TreeSet<String>();
        table().forEach((type, actions) -> actions.stream()
                .filter(action -> allowed.stream().noneMatch(p -> p.matcher(action).matches()))
                .forEach(action -> missing.add(action + " (" + type + ")")));

        assertThat(missing).as("calls the provider makes that no deploy role statement allows").isEmpty();
    }

    /**
     * Where AWS authorizes a call on the resource itself (the Service Authorization Reference gives the action a
     * resource type that the resource's ARN is of), prod's deploy role allows it on that ARN: by its name pattern,
     * by the tags the resource is planned with (aws:ResourceTag conditions are evaluated against them; the others
     * are not), or on "*". Prod's plan, for its ARNs.
     */
    /** The statement's StringEquals aws:ResourceTag/... conditions, against the resource's planned tags. */
    private static boolean resourceTagsHold(com.google.gson.JsonObject statement, Map<?, ?> tags) {
        if (!statement.has("Condition") || !statement.getAsJsonObject("Condition").has("StringEquals")) {
            return true;
        }
        for (var entry : statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals").entrySet()) {
            if (entry.getKey().startsWith("aws:ResourceTag/")
                    && !DeployIdentityTest.strings(entry.getValue()).contains(
                            String.valueOf(tags.get(entry.getKey().substring("aws:ResourceTag/".length()))))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theDeployRoleAllowsEachCallOnTheArnOfTheResourceItIsAbout() throws IOException {
        var allows = new ArrayList<com.google.gson.JsonObject>();
        for (var document : DeployPermissions.of("aws", "123456789012", "us-east-1", Reference.NAME, "prod",
                Optional.empty()).values()) {
            for (var element : JsonParser.parseString(document.toJson()).getAsJsonObject().getAsJsonArray("Statement")) {
                if (element.getAsJsonObject().get("Effect").getAsString().equals("Allow")) {
                    allows.add(element.getAsJsonObject());
                }
            }
        }
        var refused = new TreeSet<String>();
        var checked = new TreeSet<String>();
        table().forEach((type, actions) -> {
            for (var planned : arnsByType.getOrDefault(type, List.of())) {
                var arn = planned.arn();
                for (var action : actions) {
                    var parts = action.split(":");
                    var aboutIt = com.tapstack.iam.ServiceReference.actions(parts[0], parts[1]).stream()
                            .flatMap(a -> a.resourceTypes().stream())
                            .anyMatch(t -> Globs.toRegex(t.glob()).matcher(arn).matches());
                    if (!aboutIt) {
                        continue;
                    }
                    checked.add(action);
                    var allowed = allows.stream().anyMatch(statement ->
                            DeployIdentityTest.strings(statement.get("Action")).stream()
                                    .anyMatch(a -> Globs.toRegex(a).matcher(action).matches())
                            && DeployIdentityTest.strings(statement.get("Resource")).stream()
                                    .anyMatch(r -> Globs.toRegex(r).matcher(arn).matches())
                            && resourceTagsHold(statement, planned.tags()));
                    if (!allowed) {
                        refused.add(action + " on " + arn);
                    }
                }
            }
        });

        assertThat(checked).as("calls checked on their resources' ARNs").hasSizeGreaterThan(200);
        assertThat(refused).as("calls on the stack's own resources no statement allows on their ARN").isEmpty();
    }
}
