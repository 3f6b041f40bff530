package com.tapstack.tooling.diff;

import static com.tapstack.support.Reference.NS;
import static com.tapstack.support.Reference.P;
import static com.tapstack.tooling.diff.DiffScenariosTest.S;
import static com.tapstack.tooling.diff.DiffScenariosTest.diff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import com.tapstack.support.Reference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cases an independent review of ./tap diff found wrong or missing, each pinned. */
class DiffReviewCasesTest {

    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String ROLE = "aws:iam/role:Role";

    @Test
    void aNewSuffixRenamesAndSoReplacesTheNamedResourcesAgainstAPlanAndAnExport() {
        var values = Reference.values("dev").set(NS + "environmentSuffix", "abc123");
        var againstPlan = diff("dev", v -> values);
        var againstExport = StackExportBaseTest.diff("dev", values.toMap());
        for (var result : List.of(againstPlan, againstExport)) {
            assertThat(DiffScenariosTest.action(result, DiffScenariosTest.SERVICE, P + "api")).isEqualTo(Action.REPLACE);
            assertThat(DiffScenariosTest.action(result, LOG_GROUP, P + "api-logs")).isEqualTo(Action.REPLACE);
            assertThat(DiffScenariosTest.action(result, DiffScenariosTest.ECR, P + "registry-api"))
                    .isEqualTo(Action.REPLACE);
            assertThat(DiffScenariosTest.hazardKinds(result)).contains(Hazard.Kind.SERVICE_DOWNTIME,
                    Hazard.Kind.DATA_LOSS);
        }
    }

    @Test
    void unprotectingAndReplacingInOneUpdateIsAllowedButLosesTheData() {
        var result = diff("prod", v -> v.set(NS + "protect", false).setIn(NS + "database", "databaseName", "ledger"));
        var cluster = result.withAction(Action.REPLACE).stream()
                .filter(c -> c.type().equals(DiffScenariosTest.RDS_CLUSTER)).findFirst().orElseThrow();
        assertThat(cluster.hazards()).extracting(Hazard::kind).contains(Hazard.Kind.DATA_LOSS);
        assertThat(cluster.hazards()).filteredOn(h -> h.kind() == Hazard.Kind.PROTECTED)
                .allSatisfy(h -> assertThat(h.reason()).contains("deletionProtection is on in AWS"));
        assertThat(cluster.hazards()).extracting(Hazard::reason).noneMatch(r -> r.contains("protected in the base"));
    }

    @Test
    void turningProtectionOffIsADataHazardOfItsOwn() {
        var result = diff("prod", v -> v.set(NS + "protect", false));
        var cluster = DiffScenariosTest.change(result, DiffScenariosTest.RDS_CLUSTER, P + "database");
        assertThat(cluster.action()).isEqualTo(Action.UPDATE);
        assertThat(cluster.hazards()).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo(Hazard.Kind.DATA_LOSS);
            assertThat(h.reason()).contains("turns deletionProtection off").contains("skips the final snapshot");
        });
    }

    @Test
    void deletingALoadBalancerWithDeletionProtectionFails() {
        var result = diff("prod", v -> v.removeIn(S, "web.public").removeIn(S, "web.healthCheck")
                .removeIn(NS + "albLogs", "expirationDays").remove(NS + "albLogs")
                .setIn(NS + "alarms", "alb5xxPerMinute", null));
        var balancer = result.withAction(Action.DELETE).stream()
                .filter(c -> c.type().equals("aws:lb/loadBalancer:LoadBalancer")).findFirst()
                .orElseThrow(() -> new AssertionError(DiffScenariosTest.summary(result)));
        assertThat(balancer.hazards()).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo(Hazard.Kind.PROTECTED);
            assertThat(h.reason()).contains("enableDeletionProtection is on in AWS");
        });
    }

    @Test
    void aNewMajorVersionIsIgnoredByTheClusterAndItsNewParameterGroupIsRefused() {
        var result = diff("prod", v -> v.setIn(NS + "database", "engineVersion", "17"));
        var cluster = DiffScenariosTest.change(result, DiffScenariosTest.RDS_CLUSTER, P + "database");
        assertThat(cluster.notes()).anySatisfy(n -> assertThat(n).contains("ignored (ignoreChanges): engineVersion"));
        assertThat(cluster.hazards()).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo(Hazard.Kind.FAILS_IN_PLACE);
            assertThat(h.reason()).startsWith("dbClusterParameterGroupName").contains("another family");
        });
    }

    @Test
    void aNewRegionReplacesEverythingAndCollidesOnlyOnAccountWideNames() {
        var result = diff("dev", v -> v.set("aws:region", "us-west-2").remove(NS + "availabilityZones"));
        assertThat(result.withAction(Action.REPLACE)).hasSizeGreaterThan(50);
        assertThat(result.hazardous()).isNotEmpty();
        assertThat(result.changes()).filteredOn(c -> c.hazards().stream()
                        .anyMatch(h -> h.kind() == Hazard.Kind.NAME_COLLISION))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.type()).isIn(ROLE, "aws:s3/bucketV2:BucketV2"));
    }

    @Test
    void onlyTheComputedOutputsOfAReplacedResourceAreUnknownToWhatDependsOnIt() {
        var replaced = resource("urn:pulumi:dev::shop::aws:ecs/cluster:Cluster::c", "id-1111",
                Map.of("name", "shop-dev"), Map.of("arn", "arn:aws:ecs:us-east-1:123456789012:cluster/shop-dev"),
                Map.of());
        var byName = resource("urn:pulumi:dev::shop::aws:ecs/clusterCapacityProviders"
                + ":ClusterCapacityProviders::byname", "x", Map.of("clusterName", "shop-dev"), Map.of(),
                Map.of("clusterName", List.of(replaced.urn())));
        var byArn = resource("urn:pulumi:dev::shop::aws:ecs/service:Service::byarn", "y",
                Map.of("cluster", "arn:aws:ecs:us-east-1:123456789012:cluster/shop-dev", "name", "s"), Map.of(),
                Map.of("cluster", List.of(replaced.urn())));
        var stack = resource("urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev", null, Map.of(), Map.of(),
                Map.of());
        var replacedHead = new DeployedResource(replaced.urn(), replaced.type(), true, replaced.id(), Optional.empty(),
                Map.of("name", "shop-dev", "tags", Map.of("a", "b")), replaced.outputs(), false, false, false,
                List.of(), Map.of(), Optional.empty());
        var base = new Deployment("base", Deployment.Kind.PLAN, "shop", "dev", List.of(stack, replaced, byName, byArn));
        var head = new Deployment("head", Deployment.Kind.PLAN, "shop", "dev",
                List.of(stack, replacedHead, byName, byArn));
        var table = ReplacementTable.shipped();
        // A new cluster name replaces the cluster (name is ForceNew).
        var result = Differ.diff(base, new Deployment("head", Deployment.Kind.PLAN, "shop", "dev",
                List.of(stack, withInput(replacedHead, "name", "shop-dev2"), byName, byArn)), table);
        assertThat(DiffScenariosTest.action(result, "aws:ecs/cluster:Cluster", "c")).isEqualTo(Action.REPLACE);
        assertThat(DiffScenariosTest.action(result, "aws:ecs/service:Service", "byarn")).isEqualTo(Action.REPLACE);
        assertThat(DiffScenariosTest.action(result, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
                "byname")).as("the name given as input stays known: unchanged here").isNull();
        assertThat(Differ.diff(base, head, table).changes()).extracting(Change::action).containsOnly(Action.UPDATE);
    }

    static DeployedResource resource(String urn, String id, Map<String, Object> inputs, Map<String, Object> outputs,
                                     Map<String, List<String>> dependencies) {
        return new DeployedResource(urn, Urns.type(urn), id != null, Optional.ofNullable(id), Optional.empty(), inputs,
                outputs, false, false, false, List.of(), dependencies, Optional.empty());
    }

    static DeployedResource withInput(DeployedResource r, String key, Object value) {
        var inputs = new java.util.TreeMap<>(r.inputs());
        inputs.put(key, value);
        return new DeployedResource(r.urn(), r.type(), r.custom(), r.id(), r.parent(), inputs, r.outputs(),
                r.protect(), r.deleteBeforeReplace(), r.retainOnDelete(), r.ignoreChanges(), r.propertyDependencies(),
                r.provider());
    }

    @Test
    void hostileBaseFilesEndInOneLine() {
        var stack = DeploymentReaderTest.STACK;
        var deep = "{\"a\": ".repeat(600) + "1" + "}".repeat(600);
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", DeploymentReaderTest.export(stack,
                DeploymentReaderTest.bucket(", \"outputs\": " + deep))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nested deeper than 64 levels");
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", DeploymentReaderTest.export(stack,
                DeploymentReaderTest.bucket("").replace("urn:pulumi:dev::shop", "urn:pulumi:prod::shop"))))
                .hasMessageContaining("belongs to stack 'prod'");
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", DeploymentReaderTest.export(stack,
                DeploymentReaderTest.bucket(", \"protect\": \"yes\""))))
                .hasMessageContaining("protect: is \"yes\", not true or false");
        assertThatThrownBy(() -> DeploymentReader.parse("e.json", DeploymentReaderTest.export(stack,
                DeploymentReaderTest.bucket(", \"parent\": 7"))))
                .hasMessageContaining("parent: is not text");
    }
}
