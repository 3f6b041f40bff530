package com.tapstack.tooling.diff;

import static com.tapstack.support.Reference.NS;
import static com.tapstack.support.Reference.P;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.support.StackValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The changes a user makes to a stack file, each diffed against the plan of the unchanged reference stack: the
 * exact actions per resource and the hazards. The head is planned from the edited values, as `./tap diff` plans the
 * working tree.
 */
class DiffScenariosTest {

    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String NAT = "aws:ec2/natGateway:NatGateway";
    static final String EIP = "aws:ec2/eip:Eip";
    static final String SERVICE = "aws:ecs/service:Service";
    static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    static final String TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";
    static final String RDS_CLUSTER = "aws:rds/cluster:Cluster";
    static final String ECR = "aws:ecr/repository:Repository";
    static final String S = NS + "services";

    static DiffResult diff(String stack, UnaryOperator<StackValues> edit) {
        var base = OfflineDiff.deployment(Reference.plan(stack), "base.json");
        var head = OfflineDiff.deployment(Reference.plan(stack, edit.apply(Reference.values(stack)).toMap()), "head");
        return Differ.diff(base, head, ReplacementTable.shipped());
    }

    static Action action(DiffResult result, String type, String name) {
        return result.changes().stream().filter(c -> c.type().equals(type) && c.name().equals(name)).findFirst()
                .map(Change::action).orElse(null);
    }

    static Change change(DiffResult result, String type, String name) {
        return result.changes().stream().filter(c -> c.type().equals(type) && c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no change to " + type + " " + name + " in " + summary(result)));
    }

    static List<String> summary(DiffResult result) {
        return result.changes().stream().map(c -> c.action().word() + " " + c.type() + " " + c.name()).toList();
    }

    static List<Hazard.Kind> hazardKinds(DiffResult result) {
        return result.changes().stream().flatMap(c -> c.hazards().stream()).map(Hazard::kind).distinct().toList();
    }

    @Test
    void noChangeIsNoChangeAndNoHazard() {
        var result = diff("dev", v -> v);
        assertThat(result.changes()).isEmpty();
        assertThat(result.hazardCount()).isZero();
        assertThat(result.unchanged()).isEqualTo(Reference.plan("dev").customResources().size());
    }

    @Test
    void aTagAddedUpdatesTaggedResourcesInPlace() {
        var result = diff("dev", v -> v.setIn(NS + "tags", "Billing", "ledger"));
        assertThat(result.changes()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.action()).isEqualTo(Action.UPDATE);
            assertThat(c.properties()).extracting(p -> p.path().toString()).contains("tags.Billing");
        });
        assertThat(result.hazardCount()).isZero();
        var vpc = change(result, VPC, P + "network-vpc");
        assertThat(vpc.properties()).singleElement().satisfies(p -> {
            assertThat(p.before()).isNull();
            assertThat(p.after()).isEqualTo("ledger");
            assertThat(p.kind()).isEqualTo(PropertyChange.Kind.ADDED);
        });
    }

    @Test
    void aResizedServiceGetsANewTaskDefinitionRevisionAndAnInPlaceServiceUpdate() {
        var result = diff("dev", v -> v.setIn(S, "api.cpu", 512).setIn(S, "api.memory", 1024));
        assertThat(action(result, TASK_DEFINITION, P + "api-task-definition")).isEqualTo(Action.REPLACE);
        assertThat(action(result, SERVICE, P + "api")).isEqualTo(Action.UPDATE);
        assertThat(change(result, SERVICE, P + "api").properties()).extracting(p -> p.path().toString())
                .contains("taskDefinition");
        assertThat(result.hazardCount()).as(String.valueOf(summary(result))).isZero();
        assertThat(result.withAction(Action.REPLACE)).extracting(Change::type).containsOnly(TASK_DEFINITION);
    }

    @Test
    void aPublicServicesNewPortReplacesItsTargetGroupUnderANewName() {
        var result = diff("dev", v -> v.setIn(S, "web.port", 8081));
        var group = change(result, TARGET_GROUP, P + "alb-web");
        assertThat(group.action()).isEqualTo(Action.REPLACE);
        assertThat(group.replacingProperties()).extracting(p -> p.path().toString()).contains("port");
        assertThat(group.properties()).filteredOn(p -> p.path().toString().equals("name")).singleElement()
                .satisfies(p -> assertThat(p.after()).isNotEqualTo(p.before()));
        assertThat(group.hazards()).extracting(Hazard::kind).doesNotContain(Hazard.Kind.NAME_COLLISION);
        assertThat(action(result, SERVICE, P + "web")).isEqualTo(Action.UPDATE);
    }

    @Test
    void aNewVpcCidrReplacesTheVpcAndEverythingInIt() {
        var result = diff("dev", v -> v.set(NS + "vpcCidr", "10.30.0.0/16"));
        var vpc = change(result, VPC, P + "network-vpc");
        assertThat(vpc.action()).isEqualTo(Action.REPLACE);
        assertThat(vpc.replacingProperties()).extracting(p -> p.path().toString()).containsExactly("cidrBlock");
        assertThat(vpc.hazards()).extracting(Hazard::kind).contains(Hazard.Kind.NETWORK_CASCADE);
        assertThat(result.withAction(Action.REPLACE)).extracting(Change::type).contains(SUBNET,
                "aws:ec2/securityGroup:SecurityGroup", TARGET_GROUP);
        Reference.plan("dev").byType(SUBNET).forEach(subnet ->
                assertThat(action(result, SUBNET, subnet.name())).isEqualTo(Action.REPLACE));
        assertThat(vpc.hazards().get(0).reason()).doesNotContain(" 0 more");
        assertThat(new OfflineDiff(result).hazardous()).isTrue();
    }

    @Test
    void fewerZonesDeleteSubnetsAndNatGatewaysAndTheirAddresses() {
        var result = diff("prod", v -> v.set(NS + "azCount", 2).set(NS + "availabilityZones",
                List.of("use1-az1", "use1-az2")));
        var deleted = result.withAction(Action.DELETE);
        assertThat(deleted).extracting(Change::type).contains(SUBNET, NAT, EIP);
        assertThat(deleted).filteredOn(c -> c.type().equals(SUBNET)).hasSize(2);
        assertThat(change(result, EIP, deleted.stream().filter(c -> c.type().equals(EIP)).findFirst().orElseThrow()
                .name()).hazards()).extracting(Hazard::kind).contains(Hazard.Kind.DATA_LOSS);
        assertThat(deleted.stream().filter(c -> c.type().equals(SUBNET)).findFirst().orElseThrow().hazards())
                .extracting(Hazard::kind).containsExactly(Hazard.Kind.NETWORK_CASCADE);
        // Two zones instead of three re-size the remaining subnets: each replacement overlaps its old self, which
        // still exists when the new one is created.
        var resized = result.withAction(Action.REPLACE).stream().filter(c -> c.type().equals(SUBNET)).toList();
        assertThat(resized).hasSize(4).allSatisfy(c -> assertThat(c.hazards()).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo(Hazard.Kind.NAME_COLLISION);
            assertThat(h.reason()).contains("overlaps").contains("InvalidSubnet.Conflict");
        }));
        // The NAT gateways in the re-made public subnets keep their Elastic IPs, which one gateway holds at a time.
        assertThat(result.withAction(Action.REPLACE)).filteredOn(c -> c.type().equals(NAT)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.hazards()).extracting(Hazard::kind)
                        .contains(Hazard.Kind.NAME_COLLISION));
    }

    @Test
    void aNewDatabaseNameReplacesTheClusterAndIsAHazard() {
        var result = diff("prod", v -> v.setIn(NS + "database", "databaseName", "ledger"));
        var cluster = result.withAction(Action.REPLACE).stream().filter(c -> c.type().equals(RDS_CLUSTER))
                .findFirst().orElseThrow(() -> new AssertionError(summary(result)));
        assertThat(cluster.replacingProperties()).extracting(p -> p.path().toString()).contains("databaseName");
        assertThat(cluster.hazards()).extracting(Hazard::kind).contains(Hazard.Kind.DATA_LOSS,
                Hazard.Kind.PROTECTED);
    }

    @Test
    void anotherEngineReplacesTheDatabase() {
        var result = diff("prod", v -> v.setIn(NS + "database", "engine", "postgres").setIn(NS + "database",
                "instanceClass", "db.t4g.medium").removeIn(NS + "database", "serverless")
                .removeIn(NS + "database", "instances"));
        assertThat(result.withAction(Action.DELETE)).extracting(Change::type).contains(RDS_CLUSTER);
        assertThat(result.withAction(Action.CREATE)).extracting(Change::type).contains("aws:rds/instance:Instance");
        assertThat(result.withAction(Action.DELETE)).filteredOn(c -> c.type().equals(RDS_CLUSTER)).singleElement()
                .satisfies(c -> assertThat(c.hazards()).extracting(Hazard::kind)
                        .contains(Hazard.Kind.DATA_LOSS, Hazard.Kind.PROTECTED));
    }

    @Test
    void aRemovedServiceIsDeletedAndItsProtectedRepositoryIsAHazard() {
        var result = diff("prod", v -> v.removeIn(S, "api").removeIn(S, "web.calls")
                .removeIn(S, "web.environment"));
        var deletedNames = result.withAction(Action.DELETE).stream().map(Change::name).toList();
        assertThat(deletedNames).contains(P + "api", P + "api-task-definition");
        var repository = result.withAction(Action.DELETE).stream().filter(c -> c.type().equals(ECR)).findFirst()
                .orElseThrow(() -> new AssertionError(summary(result)));
        assertThat(repository.hazards()).extracting(Hazard::kind).contains(Hazard.Kind.PROTECTED,
                Hazard.Kind.DATA_LOSS);
        assertThat(result.withAction(Action.DELETE)).filteredOn(c -> c.type().equals(SERVICE))
                .allSatisfy(c -> assertThat(c.name()).isEqualTo(P + "api"));
    }

    @Test
    void oneNatGatewayInsteadOfOnePerZoneDeletesTheOthersAndReroutes() {
        var result = diff("prod", v -> v.set(NS + "natStrategy", "single"));
        assertThat(result.withAction(Action.DELETE)).filteredOn(c -> c.type().equals(NAT)).hasSize(2);
        assertThat(result.withAction(Action.DELETE)).filteredOn(c -> c.type().equals(EIP)).hasSize(2)
                .allSatisfy(c -> assertThat(c.hazards()).extracting(Hazard::kind).contains(Hazard.Kind.DATA_LOSS));
        assertThat(result.withAction(Action.REPLACE)).extracting(Change::type).doesNotContain(VPC, SUBNET);
    }

    @Test
    void aNewSpotWeightUpdatesServicesInPlace() {
        var result = diff("dev", v -> v.set(NS + "spotWeight", 5));
        assertThat(result.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.action()).isEqualTo(Action.UPDATE));
        assertThat(result.changes()).extracting(Change::type).containsOnly(SERVICE,
                "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders");
        assertThat(result.withAction(Action.UPDATE)).filteredOn(c -> c.type().equals(SERVICE)).hasSize(3)
                .allSatisfy(c -> assertThat(c.properties()).extracting(p -> p.path().toString())
                        .anyMatch(path -> path.startsWith("capacityProviderStrategies")));
        assertThat(result.hazardCount()).isZero();
    }

    @Test
    void aCapacityStrategyChangeWithoutAForcedDeploymentReplacesTheService() {
        var rules = ReplacementTable.shipped().rules(SERVICE).orElseThrow();
        var change = new PropertyChange(PropertyPath.of("capacityProviderStrategies").index(0).key("weight"), 3L, 5L,
                false, false);
        var strategy = Map.<String, Object>of("capacityProviderStrategies", java.util.List.of(Map.of("weight", 3L)));
        var forced = new java.util.HashMap<String, Object>(strategy);
        forced.put("forceNewDeployment", true);
        assertThat(rules.replaces(change, strategy, forced)).isFalse();
        assertThat(rules.replaces(change, strategy, strategy)).isTrue();
        // With forceNewDeployment, going from no strategy to one still replaces (late-v5 CustomizeDiff).
        var added = new PropertyChange(PropertyPath.of("capacityProviderStrategies").index(0).key("weight"), null, 3L,
                false, false);
        assertThat(rules.replaces(added, Map.of(), forced)).isTrue();
    }
}
