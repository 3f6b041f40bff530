package com.tapstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.naming.StackTags;
import com.tapstack.random.RandomString;
import com.tapstack.support.PlanAssertions;
import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.PlanValues;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TapStackPlanTest {

    @Test
    void devPlansTheFoundationAndThreeServices() {
        assertThat(Reference.plan("dev").countsByType()).isEqualTo(Map.ofEntries(
                Map.entry("aws:appautoscaling/policy:Policy", 6),
                Map.entry("aws:appautoscaling/target:Target", 3),
                Map.entry("aws:ec2/securityGroup:SecurityGroup", 4),
                Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", 3),
                Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", 11),
                Map.entry("aws:ecr/repository:Repository", 2),
                Map.entry("aws:ecr/lifecyclePolicy:LifecyclePolicy", 2),
                Map.entry("aws:ecs/cluster:Cluster", 1),
                Map.entry("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", 1),
                Map.entry("aws:ecs/service:Service", 3),
                Map.entry("aws:ecs/taskDefinition:TaskDefinition", 3),
                Map.entry("aws:lb/listener:Listener", 1),
                Map.entry("aws:lb/loadBalancer:LoadBalancer", 1),
                Map.entry("aws:lb/targetGroup:TargetGroup", 1),
                Map.entry("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", 1),
                Map.entry("aws:servicediscovery/service:Service", 3),
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
                Map.entry("aws:cloudwatch/logGroup:LogGroup", 5),
                Map.entry("aws:iam/role:Role", 7),
                Map.entry("aws:iam/rolePolicy:RolePolicy", 5),
                Map.entry("aws:ec2/flowLog:FlowLog", 1)));
    }

    @Test
    void everyResourceHangsUnderTheTapStackComponent() {
        var plan = Reference.plan("prod");
        var stack = plan.byType(TapStack.TYPE);

        assertThat(stack).singleElement().satisfies(s -> assertThat(s.parent()).contains(plan.byType("pulumi:pulumi:Stack").get(0).urn()));
        assertThat(plan.customResources()).allSatisfy(r -> assertThat(r.urn()).contains(com.tapstack.stack.TapStack.TYPE + "$"));
    }

    @Test
    void anEmptySuffixIsGeneratedOnceByTheRandomProviderAndUsedInEveryName() {
        var plan = Reference.plan("dev");
        var random = plan.byType(RandomString.TYPE);

        assertThat(random).singleElement().satisfies(r -> {
            assertThat(r.inputs()).isEqualTo(Map.of("length", 6L, "lower", true, "upper", false, "numeric", true,
                    "special", false));
            assertThat(r.providerVersion()).contains(RandomString.PROVIDER_VERSION);
        });
        var suffix = (String) plan.outputs().get("environmentSuffix");
        assertThat(suffix).matches("[a-z0-9]{6}").isEqualTo(random.get(0).output("result"));
        assertThat(plan.byType("aws:ec2/vpc:Vpc").get(0).inputAt("tags.Name")).isEqualTo(Reference.P + "dev-" + suffix + "-vpc");
    }

    @Test
    void aConfiguredSuffixNeedsNoRandomResource() {
        var plan = Reference.plan("prod");

        assertThat(plan.byType(RandomString.TYPE)).isEmpty();
        assertThat(plan.outputs().get("environmentSuffix")).isEqualTo("core");
    }

    @Test
    void stackOutputsNameTheNetworkKeyClusterLoadBalancerAndServices() {
        var plan = Reference.plan("prod");

        assertThat(plan.outputs()).containsOnlyKeys("vpcId", "publicSubnetIds", "privateSubnetIds",
                "availabilityZoneIds", "kmsKeyArn",
                "environmentSuffix", "clusterName", "clusterArn", "namespaceName", "albDnsName", "applicationUrl",
                "services", "databaseEndpoint", "databasePort", "databaseSecretArn", "alarmTopicArn");
        assertThat(plan.outputs().get("clusterName")).isEqualTo(Reference.P + "prod-core-cluster");
        var cluster = plan.byType("aws:rds/cluster:Cluster").get(0);
        assertThat(plan.outputs().get("databaseEndpoint")).isEqualTo(cluster.output("endpoint"))
                .asString().startsWith(Reference.P + "prod-core-db.cluster-");
        assertThat(plan.outputs().get("databasePort")).isEqualTo(5432L);
        assertThat(plan.outputs().get("databaseSecretArn")).isEqualTo(
                PlanValues.at(cluster.outputs(), "masterUserSecrets.0.secretArn"));
        assertThat(plan.outputs().get("alarmTopicArn"))
                .isEqualTo("arn:aws:sns:us-east-1:123456789012:" + Reference.P + "prod-core-alarms");
        assertThat(plan.outputs().get("clusterArn"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/" + Reference.P + "prod-core-cluster");
        assertThat(plan.outputs().get("namespaceName")).isEqualTo("prod" + "." + Reference.NAME + ".local");
        assertThat((String) plan.outputs().get("albDnsName"))
                .matches(Reference.P + "prod-core-alb-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com");
        assertThat(plan.outputs().get("applicationUrl")).isEqualTo("http://" + plan.outputs().get("albDnsName"));
        assertThat(plan.outputs().get("services")).isEqualTo(Map.of(
                "web", Map.of("serviceName", Reference.P + "prod-core-web", "taskDefinitionFamily", Reference.P + "prod-core-web",
                        "taskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/" + Reference.P + "prod-core-web:1",
                        "discoveryName", "web.prod" + "." + Reference.NAME + ".local",
                        "repositoryUrl", "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + Reference.P + "prod-core-web"),
                "api", Map.of("serviceName", Reference.P + "prod-core-api", "taskDefinitionFamily", Reference.P + "prod-core-api",
                        "taskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/" + Reference.P + "prod-core-api:1",
                        "discoveryName", "api.prod" + "." + Reference.NAME + ".local",
                        "repositoryUrl", "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + Reference.P + "prod-core-api"),
                "worker", Map.of("serviceName", Reference.P + "prod-core-worker", "taskDefinitionFamily", Reference.P + "prod-core-worker",
                        "taskDefinitionArn", "arn:aws:ecs:us-east-1:123456789012:task-definition/" + Reference.P + "prod-core-worker:1",
                        "discoveryName", "worker.prod" + "." + Reference.NAME + ".local")));
        assertThat(plan.outputs().get("vpcId")).isEqualTo(plan.byType("aws:ec2/vpc:Vpc").get(0).id().orElseThrow());
        assertThat(plan.outputs().get("availabilityZoneIds")).isEqualTo(List.of("use1-az1", "use1-az2", "use1-az4"));
        assertThat(PlanAssertions.stringList(plan.outputs().get("privateSubnetIds"))).hasSize(3)
                .allMatch(id -> id.startsWith("subnet-0"));
        assertThat((String) plan.outputs().get("kmsKeyArn"))
                .matches("arn:aws:kms:us-east-1:123456789012:key/[0-9a-f-]{36}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyTaggableResourceCarriesTheCommonTags(String stack) {
        var plan = Reference.plan(stack);
        var config = Reference.config(stack);
        var suffix = (String) plan.outputs().get("environmentSuffix");
        var expected = Map.of("Environment", stack, "EnvironmentSuffix", suffix, "Project", Reference.NAME,
                "ManagedBy", StackTags.MANAGED_BY, "CostCenter", config.costCenter(), "Owner", config.owner(),
                "Team", "platform");

        var taggable = plan.customResources().stream().filter(TapStackPlanTest::schemaHasTags).toList();

        assertThat(taggable).hasSizeGreaterThanOrEqualTo(15).allSatisfy(resource ->
                assertThat(PlanAssertions.tags(resource)).as(resource.urn()).containsAllEntriesOf(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyPhysicalNameStartsWithTheDeploymentPrefixAndFitsItsLimit(String stack) {
        var plan = Reference.plan(stack);
        var prefix = Reference.P + stack + "-" + plan.outputs().get("environmentSuffix") + "-";
        var names = plan.customResources().stream()
                .flatMap(r -> java.util.stream.Stream.of(r.inputString("name"), (String) r.inputAt("tags.Name"))
                        .filter(java.util.Objects::nonNull)
                        .map(name -> Map.entry(r, name)))
                .toList();

        assertThat(names).isNotEmpty().allSatisfy(entry -> {
            var name = entry.getValue().replaceFirst("^alias/", "")
                    // Forms AWS services dictate: WAF's log groups, RDS's exported logs.
                    .replaceFirst("^aws-waf-logs-", "")
                    .replaceFirst("^/aws/rds/(cluster|instance)/([^/]+)/postgresql$", "$2");
            if (NAMES_SCOPED_TO_A_PARENT.contains(entry.getKey().type())) {
                return;
            }
            if (entry.getKey().type().equals("aws:ssm/parameter:Parameter")) {
                // Parameters are paths: /<project>/<environment>/<suffix>/<name>.
                assertThat(name).startsWith("/" + prefix.replace('-', '/'));
                return;
            }
            assertThat(name).as(entry.getKey().urn()).startsWith(prefix).matches(Pattern.compile("[a-z0-9-]+"));
            assertThat(entry.getValue().length()).as(entry.getKey().urn()).isLessThanOrEqualTo(limitOf(entry.getKey()));
        });
    }

    /**
     * Names that are unique only inside their parent, so they carry no deployment prefix: an inline policy in
     * its role, a Cloud Map service in its namespace, and the namespace itself (<environment>.<project>.local,
     * a private DNS zone attached to this deployment's VPC only).
     */
    private static final java.util.Set<String> NAMES_SCOPED_TO_A_PARENT = java.util.Set.of(
            "aws:iam/rolePolicy:RolePolicy", "aws:servicediscovery/service:Service",
            "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace");

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
