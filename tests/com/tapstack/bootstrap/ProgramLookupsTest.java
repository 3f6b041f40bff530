package com.tapstack.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.pulumi.test.Mocks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.SimulatedAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The lookups table is the program's: plans that make every kind of lookup (an existing VPC, an image by tag, a
 * pull through cache credential by name, a database's default engine version) invoke exactly the table's tokens,
 * and the deploy and preview roles hold each lookup's actions on its resource.
 */
class ProgramLookupsTest {

    private static final String SERVICES = Fixtures.key("services");

    /** Every lookup the program makes in the plans of these stack values, by token. */
    private static Set<String> invoked(List<StackValues> stacks) {
        var tokens = new TreeSet<String>();
        for (var values : stacks) {
            var config = Fixtures.load(Fixtures.FULL, values.toMap());
            OfflineEngine.plan(config, Fixtures.FULL, SimulatedAccount.forStack(config), aws -> new Mocks() {
                @Override
                public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                    return aws.newResourceAsync(args);
                }

                @Override
                public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                    synchronized (tokens) {
                        tokens.add(args.token);
                    }
                    return aws.callAsync(args);
                }
            });
        }
        return tokens;
    }

    private static List<StackValues> everyKindOfLookup() {
        var existingVpc = Fixtures.values(Fixtures.FULL).remove(Fixtures.key("vpcCidr")).remove(Fixtures.key("azCount"))
                .remove(Fixtures.key("availabilityZones")).remove(Fixtures.key("natStrategy"))
                .set(Fixtures.key("existingVpc"), Map.of("vpcId", "vpc-0123456789abcdef0",
                        "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"),
                        "publicSubnetIds", List.of("subnet-0f1e2d3c4b5a60001", "subnet-0f1e2d3c4b5a60002")));
        var images = Fixtures.values(Fixtures.FULL)
                .setIn(SERVICES, "orders.image", Map.of("repository", "team/orders", "tag", "v1.4.2"))
                .setIn(SERVICES, "mailer.image", "nginx@sha256:" + "b".repeat(64))
                .setIn(Fixtures.key("database"), "engineVersion", "16")
                .set(Fixtures.key("pullThroughCache"), Map.of("dockerHubCredential", "ecr-pullthroughcache/docker-hub"));
        return List.of(existingVpc, images);
    }

    @Test
    void thePlansInvokeExactlyTheTablesLookups() {
        var invoked = invoked(everyKindOfLookup());

        assertThat(invoked).containsExactlyInAnyOrderElementsOf(ProgramLookups.ALL.stream().map(ProgramLookups.Lookup::token)
                .toList());
    }

    @Test
    void theDeployAndPreviewPoliciesCarryEveryLookupOnItsResource() {
        var arn = new DeployPermissions.Arns("aws", "210987654321", "eu-central-1", "shop-prod-");
        var deploy = new LinkedHashMap<String, com.google.gson.JsonObject>();
        DeployPermissions.of("aws", "210987654321", "eu-central-1", "shop", "prod", java.util.Optional.empty())
                .values().forEach(document -> statements(document.toJson(), deploy));
        var preview = new LinkedHashMap<String, com.google.gson.JsonObject>();
        statements(PreviewPermissions.of("aws", "210987654321", "eu-central-1", "shop", "prod",
                java.util.Optional.empty()).toJson(), preview);

        for (var lookup : ProgramLookups.ALL) {
            var resource = lookup.resource().apply(arn).replace("*", "example");
            for (var action : lookup.actions()) {
                DeployIdentityTest.assertGrants(deploy, action, resource.equals("example") ? "*" : resource);
                DeployIdentityTest.assertGrants(preview, action, resource.equals("example") ? "*" : resource);
            }
        }
        // The diffs' calls too: every preview makes them.
        for (var action : ProgramLookups.DIFF_CALLS) {
            DeployIdentityTest.assertGrants(deploy, action, "*");
            DeployIdentityTest.assertGrants(preview, action, "*");
        }
        assertThat(preview.keySet()).allMatch(sid -> sid.startsWith("ProgramLookups") || sid.startsWith("NoRoleChaining"));
    }

    private static void statements(String json, Map<String, com.google.gson.JsonObject> into) {
        for (var element : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("Statement")) {
            var statement = element.getAsJsonObject();
            into.put(statement.get("Sid").getAsString() + "#" + into.size(), statement);
        }
    }
}
