package com.tapstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.naming.StackTags;
import com.tapstack.offline.PlannedResource;
import com.tapstack.random.RandomString;
import com.tapstack.support.PlanAssertions;
import com.tapstack.support.Stacks;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TapStackPlanTest {

    @Test
    void devPlansTheFoundationResources() {
        assertThat(Stacks.plan("dev").countsByType()).isEqualTo(Map.ofEntries(
                Map.entry("random:index/randomString:RandomString", 1),
                Map.entry("aws:kms/key:Key", 1),
                Map.entry("aws:kms/alias:Alias", 1),
                Map.entry("aws:ec2/vpc:Vpc", 1),
                Map.entry("aws:ec2/internetGateway:InternetGateway", 1),
                Map.entry("aws:ec2/subnet:Subnet", 4),
                Map.entry("aws:ec2/routeTable:RouteTable", 3),
                Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", 4),
                Map.entry("aws:ec2/route:Route", 3),
                Map.entry("aws:ec2/eip:Eip", 1),
                Map.entry("aws:ec2/natGateway:NatGateway", 1),
                Map.entry("aws:cloudwatch/logGroup:LogGroup", 1),
                Map.entry("aws:iam/role:Role", 1),
                Map.entry("aws:iam/rolePolicy:RolePolicy", 1),
                Map.entry("aws:ec2/flowLog:FlowLog", 1)));
    }

    @Test
    void everyResourceHangsUnderTheTapStackComponent() {
        var plan = Stacks.plan("prod");
        var stack = plan.byType(TapStack.TYPE);

        assertThat(stack).singleElement().satisfies(s -> assertThat(s.parent()).contains(plan.byType("pulumi:pulumi:Stack").get(0).urn()));
        assertThat(plan.customResources()).allSatisfy(r -> assertThat(r.urn()).contains("tap:stack:TapStack$"));
    }

    @Test
    void anEmptySuffixIsGeneratedOnceByTheRandomProviderAndUsedInEveryName() {
        var plan = Stacks.plan("dev");
        var random = plan.byType(RandomString.TYPE);

        assertThat(random).singleElement().satisfies(r -> {
            assertThat(r.inputs()).isEqualTo(Map.of("length", 6L, "lower", true, "upper", false, "numeric", true,
                    "special", false));
            assertThat(r.providerVersion()).contains(RandomString.PROVIDER_VERSION);
        });
        var suffix = (String) plan.outputs().get("environmentSuffix");
        assertThat(suffix).matches("[a-z0-9]{6}").isEqualTo(random.get(0).output("result"));
        assertThat(plan.byType("aws:ec2/vpc:Vpc").get(0).inputAt("tags.Name")).isEqualTo("tap-dev-" + suffix + "-vpc");
    }

    @Test
    void aConfiguredSuffixNeedsNoRandomResource() {
        var plan = Stacks.plan("prod");

        assertThat(plan.byType(RandomString.TYPE)).isEmpty();
        assertThat(plan.outputs().get("environmentSuffix")).isEqualTo("core");
    }

    @Test
    void stackOutputsAreTheVpcSubnetsKeyAndSuffix() {
        var plan = Stacks.plan("prod");

        assertThat(plan.outputs()).containsOnlyKeys("vpcId", "publicSubnetIds", "privateSubnetIds", "kmsKeyArn",
                "environmentSuffix");
        assertThat(plan.outputs().get("vpcId")).isEqualTo(plan.byType("aws:ec2/vpc:Vpc").get(0).id().orElseThrow());
        assertThat(PlanAssertions.stringList(plan.outputs().get("privateSubnetIds"))).hasSize(3)
                .allMatch(id -> id.startsWith("subnet-0"));
        assertThat((String) plan.outputs().get("kmsKeyArn"))
                .matches("arn:aws:kms:us-east-1:123456789012:key/[0-9a-f-]{36}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyTaggableResourceCarriesTheCommonTags(String stack) {
        var plan = Stacks.plan(stack);
        var config = Stacks.config(stack);
        var suffix = (String) plan.outputs().get("environmentSuffix");
        var expected = Map.of("Environment", stack, "EnvironmentSuffix", suffix, "Project", "tap",
                "ManagedBy", StackTags.MANAGED_BY, "CostCenter", config.costCenter(), "Owner", config.owner(),
                "Team", "platform");

        var taggable = plan.customResources().stream().filter(TapStackPlanTest::schemaHasTags).toList();

        assertThat(taggable).hasSizeGreaterThanOrEqualTo(15).allSatisfy(resource ->
                assertThat(PlanAssertions.tags(resource)).as(resource.urn()).containsAllEntriesOf(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyPhysicalNameStartsWithTheDeploymentPrefixAndFitsItsLimit(String stack) {
        var plan = Stacks.plan(stack);
        var prefix = "tap-" + stack + "-" + plan.outputs().get("environmentSuffix") + "-";
        var names = plan.customResources().stream()
                .flatMap(r -> java.util.stream.Stream.of(r.inputString("name"), (String) r.inputAt("tags.Name"))
                        .filter(java.util.Objects::nonNull)
                        .map(name -> Map.entry(r, name)))
                .toList();

        assertThat(names).isNotEmpty().allSatisfy(entry -> {
            var name = entry.getValue().replaceFirst("^alias/", "");
            if (entry.getKey().type().equals("aws:iam/rolePolicy:RolePolicy")) {
                return; // an inline policy's name is scoped to its role
            }
            assertThat(name).as(entry.getKey().urn()).startsWith(prefix).matches(Pattern.compile("[a-z0-9-]+"));
            assertThat(entry.getValue().length()).as(entry.getKey().urn()).isLessThanOrEqualTo(limitOf(entry.getKey()));
        });
    }

    /** AWS's limit on a resource's name (aws-facts A5); Name tags are tag values (256). */
    private static int limitOf(PlannedResource resource) {
        return switch (resource.type()) {
            case "aws:iam/role:Role" -> 64;
            case "aws:lb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup" -> 32;
            case "aws:kms/alias:Alias" -> 256;
            default -> 255;
        };
    }

    /** A resource is taggable when its pulumi-aws Args class has a {@code tags} input. */
    private static boolean schemaHasTags(PlannedResource resource) {
        if (!resource.packageName().equals("aws")) {
            return false;
        }
        var token = resource.type().split(":");
        var module = token[1].split("/")[0];
        try {
            Class.forName("com.pulumi.aws." + module + "." + token[2] + "Args").getMethod("tags");
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
