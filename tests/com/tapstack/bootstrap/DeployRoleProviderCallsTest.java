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
    /** The same of the dev plan: what prod's role must leave alone when both share an account. */
    private static Map<String, List<PlannedArn>> devArnsByType;

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
        arnsByType = arns(plans.get("reference prod"));
        devArnsByType = arns(plans.get("reference dev"));
        plans.forEach((name, plan) -> plan.resources().stream().map(PlannedResource::type)
                .filter(type -> type.startsWith("aws:"))
                .forEach(type -> typesByStack.computeIfAbsent(type, t -> new ArrayList<>()).add(name)));
    }

    private static Map<String, List<PlannedArn>> arns(Plan plan) {
        var arns = new TreeMap<String, List<PlannedArn>>();
        plan.resources().forEach(resource -> {
            var arn = resource.outputs().get("arn");
            if (arn instanceof String text && text.startsWith("arn:")) {
                var tags = resource.inputs().get("tags") instanceof Map<?, ?> map ? map : Map.of();
                arns.computeIfAbsent(resource.type(), t -> new ArrayList<>()).add(new PlannedArn(text, tags));
            }
        });
        return arns;
    }

    /** Whether AWS authorizes {@code action} on a resource of {@code arn}'s type (Service Authorization Reference). */
    private static boolean about(String action, String arn) {
        var parts = action.split(":");
        return com.tapstack.iam.ServiceReference.actions(parts[0], parts[1]).stream()
                .flatMap(a -> a.resourceTypes().stream())
                .anyMatch(t -> Globs.toRegex(t.glob()).matcher(arn).matches());
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
    @Test
    void theDeployRoleAllowsEachCallOnTheArnOfTheResourceItIsAbout() throws IOException {
        var prodRole = PolicyEvaluation.of(DeployPermissions.of("aws", "123456789012", "us-east-1", Reference.NAME,
                "prod", Optional.empty()).values());
        var refused = new TreeSet<String>();
        var checked = new TreeSet<String>();
        table().forEach((type, actions) -> {
            for (var planned : arnsByType.getOrDefault(type, List.of())) {
                for (var action : actions) {
                    if (!about(action, planned.arn())) {
                        continue;
                    }
                    checked.add(action);
                    var decision = prodRole.decide(action, planned.arn(), planned.tags());
                    if (decision != PolicyEvaluation.Decision.ALLOW) {
                        refused.add(action + " on " + planned.arn() + ": " + decision
                                + prodRole.denying(action, planned.arn(), planned.tags()).map(s -> " by " + s).orElse(""));
                    }
                }
            }
        });

        assertThat(checked).as("calls checked on their resources' ARNs").hasSizeGreaterThan(200);
        assertThat(refused).as("calls on the stack's own resources no statement allows on their ARN, or one denies")
                .isEmpty();
    }

    /** Calls whose name starts so only read. */
    private static boolean reads(String action) {
        var name = action.substring(action.indexOf(':') + 1);
        return name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get");
    }

    /**
     * What prod's role may still do to dev's resources when both environments share an account: the provider's
     * calls that change a resource, on the ARNs of dev's plan with dev's tags. Each is a gap docs/ci-cd.md names.
     */
    private static TreeSet<String> changesAllowedOnDevResources(Map<String, String> retag) throws IOException {
        var sample = devArnsByType.get("aws:ec2/vpc:Vpc").get(0).arn().split(":");
        var prodRole = PolicyEvaluation.of(DeployPermissions.of("aws", sample[4], sample[3], Reference.NAME,
                "prod", Optional.empty()).values());
        var allowed = new TreeSet<String>();
        var table = table();
        devArnsByType.forEach((type, arns) -> {
            for (var planned : arns) {
                var tags = new LinkedHashMap<Object, Object>(planned.tags());
                tags.putAll(retag);
                for (var action : table.getOrDefault(type, List.of())) {
                    if (!reads(action) && about(action, planned.arn())
                            && prodRole.decide(action, planned.arn(), tags) == PolicyEvaluation.Decision.ALLOW) {
                        allowed.add(action);
                    }
                }
            }
        });
        return allowed;
    }

    /**
     * Creates, which AWS authorizes on the new resource's type (dev's resources have it too) or on what they go
     * into; the denials leave them out (DeployPermissions#otherStacksResources says why). A new task definition
     * revision in dev's family changes nothing that runs: UpdateService is held to prod's names.
     */
    private static final List<String> CREATES = List.of("ec2:AllocateAddress", "ec2:CreateFlowLogs",
            "ec2:CreateInternetGateway", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup", "ec2:CreateSubnet",
            "ec2:CreateVpc", "ecs:RegisterTaskDefinition", "servicediscovery:CreateService");
    @Test
    void prodsRoleCannotChangeDevsNetworkScalingCertificatesOrDiscoveryInTheirSharedAccount() throws IOException {
        assertThat(changesAllowedOnDevResources(Map.of())).containsExactlyInAnyOrderElementsOf(CREATES);
        // Another project's resources in the account, whatever their environment.
        assertThat(changesAllowedOnDevResources(Map.of("Project", "payments", "Environment", "prod")))
                .containsExactlyInAnyOrderElementsOf(CREATES);
    }

    @Test
    void theDenialsPassWhatACallOnlyRefersTo() {
        var prodRole = PolicyEvaluation.of(DeployPermissions.of("aws", "123456789012", "us-east-1", Reference.NAME,
                "prod", Optional.empty()).values());
        var region = "arn:aws:ec2:us-east-1:123456789012:";

        // An AWS-managed prefix list in a rule, a NAT gateway's network interface: nobody's tags.
        assertThat(prodRole.denying("ec2:ModifySecurityGroupRules", "arn:aws:ec2:us-east-1:aws:prefix-list/pl-63a5400a",
                Map.of())).isEmpty();
        assertThat(prodRole.denying("ec2:DisassociateAddress", region + "network-interface/eni-0a1b2c3d4e5f60718",
                Map.of())).isEmpty();
        // A shared VPC of another environment (tap:existingVpc): creating in it and routing its tables to the
        // stack's endpoint pass; changing that environment's own endpoint does not.
        var shared = Map.of("Project", Reference.NAME, "Environment", "network");
        assertThat(prodRole.denying("ec2:CreateSecurityGroup", region + "vpc/vpc-0a1b2c3d4e5f60718", shared)).isEmpty();
        assertThat(prodRole.denying("ec2:CreateVpcEndpoint", region + "route-table/rtb-0a1b2c3d4e5f60718", shared))
                .isEmpty();
        assertThat(prodRole.denying("ec2:ModifyVpcEndpoint", region + "route-table/rtb-0a1b2c3d4e5f60718", shared))
                .isEmpty();
        assertThat(prodRole.denying("ec2:ModifyVpcEndpoint", region + "vpc-endpoint/vpce-0a1b2c3d4e5f60718", shared))
                .contains("KeepOtherEnvironmentsEndpoints");
        // Retagging another environment's resource to take it over is itself refused.
        assertThat(prodRole.denying("ec2:CreateTags", region + "security-group/sg-0a1b2c3d4e5f60718",
                Map.of("Project", Reference.NAME, "Environment", "dev"))).contains("KeepOtherEnvironmentsResources");
        assertThat(prodRole.denying("ec2:DeleteTags", region + "security-group/sg-0a1b2c3d4e5f60718",
                Map.of("Project", "payments", "Environment", "prod"))).contains("KeepOtherProjectsResources");
    }
}
