package com.tapstack.modules.storage;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.tapstack.iam.StatementCheck;
import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Fixtures;
import com.tapstack.support.Reference;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Storage (issue 15, item 5): a service's ephemeral storage size, the cluster's ephemeral storage under the stack
 * key, and EFS file systems mounted through per-service access points; exact inputs as sent, and the loader's lines.
 */
class StoragePlanTest {

    static final String S = Fixtures.key("services");
    static final String STORAGE = Fixtures.key("storage");
    static final String P = Fixtures.project().name() + "-";
    static final String FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
    static final String MOUNT_TARGET = "aws:efs/mountTarget:MountTarget";
    static final String ACCESS_POINT = "aws:efs/accessPoint:AccessPoint";
    static final String BACKUP = "aws:efs/backupPolicy:BackupPolicy";
    static final String FS_POLICY = "aws:efs/fileSystemPolicy:FileSystemPolicy";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String GROUP = "aws:ec2/securityGroup:SecurityGroup";

    /** orders writes /data on "shared"; storefront reads it at /srv/shared; mailer mounts nothing. */
    static StackValues shared(StackValues values) {
        return values.set(STORAGE, Map.of("fileSystems", Map.of("shared", Map.of())))
                .setIn(S, "orders.volumes", List.of(Map.of("fileSystem", "shared", "path", "/data")))
                .setIn(S, "storefront.volumes", List.of(Map.of("fileSystem", "shared", "path", "/srv/shared",
                        "readOnly", true)));
    }

    static Plan plan(String stack, UnaryOperator<StackValues> edit) {
        return Fixtures.plan(stack, edit.apply(Fixtures.values(stack)));
    }

    static PlannedResource named(Plan plan, String type, String suffix) {
        return plan.named(type, P + suffix);
    }

    static String id(Plan plan, String type, String suffix) {
        return named(plan, type, suffix).id().orElseThrow();
    }

    static String keyArn(Plan plan) {
        return (String) plan.byType("aws:kms/key:Key").get(0).output("arn");
    }

    static PlannedResource taskDefinition(Plan plan, String service) {
        return named(plan, "aws:ecs/taskDefinition:TaskDefinition", service + "-task-definition");
    }

    static List<Map<String, Object>> containers(Plan plan, String service) {
        return new Gson().fromJson(taskDefinition(plan, service).inputString("containerDefinitions"),
                new TypeToken<List<Map<String, Object>>>() { }.getType());
    }

    static Map<String, Object> container(Plan plan, String service) {
        return containers(plan, service).stream().filter(c -> c.get("name").equals(service)).findFirst().orElseThrow();
    }

    @Test
    void withoutTheBlockOrTheKeysNothingChanges() {
        for (var plan : List.of(Fixtures.plan(Fixtures.SMALL), Reference.plan("dev"), Reference.plan("prod"))) {
            assertThat(plan.resources()).noneMatch(r -> r.type().startsWith("aws:efs/"));
            assertThat(plan.byType("aws:ecs/taskDefinition:TaskDefinition"))
                    .allSatisfy(t -> assertThat(t.inputs()).doesNotContainKey("ephemeralStorage"));
            assertThat(plan.byType("aws:ecs/cluster:Cluster").get(0).inputAt("configuration"))
                    .isInstanceOfSatisfying(Map.class, c -> assertThat(c).containsOnlyKeys("executeCommandConfiguration"));
            assertThat(plan.byType("aws:kms/key:Key").get(0).inputString("policy")).doesNotContain("fargate");
        }
    }

    @Test
    void aServiceAsksForMoreEphemeralStorageAndOnlyItsTaskDefinitionCarriesIt() {
        var plan = plan(Fixtures.SMALL, v -> v.setIn(S, "orders.ephemeralStorage", 50));
        assertThat(taskDefinition(plan, "orders").input("ephemeralStorage")).isEqualTo(Map.of("sizeInGib", 50L));
        assertThat(taskDefinition(plan, "storefront").inputs()).doesNotContainKey("ephemeralStorage");
    }

    @Test
    void theClusterEncryptsEphemeralStorageWithTheStackKeyWhichLetsFargateUseItForThisClusterOnly() {
        var plan = plan(Fixtures.SMALL, v -> v.set(STORAGE, Map.of("encryptEphemeralStorage", true)));
        var key = keyArn(plan);
        var cluster = plan.byType("aws:ecs/cluster:Cluster").get(0);
        assertThat(cluster.inputAt("configuration.managedStorageConfiguration"))
                .isEqualTo(Map.of("fargateEphemeralStorageKmsKeyId", key));
        var account = plan.account().accountId();
        var statements = statements(json(plan.byType("aws:kms/key:Key").get(0), "policy"));
        assertThat(statements).hasSize(4);
        assertThat(statements.get(2)).isEqualTo(Map.of("Sid", "AllowFargateEphemeralStorageDataKeys", "Effect", "Allow",
                "Principal", Map.of("Service", "fargate.amazonaws.com"),
                "Action", List.of("kms:GenerateDataKeyWithoutPlaintext"), "Resource", List.of("*"),
                "Condition", Map.of("StringEquals", Map.of("kms:EncryptionContext:aws:ecs:clusterAccount", account,
                        "kms:EncryptionContext:aws:ecs:clusterName", cluster.inputString("name")))));
        assertThat(statements.get(3)).isEqualTo(Map.of("Sid", "AllowFargateEphemeralStorageGrants", "Effect", "Allow",
                "Principal", Map.of("Service", "fargate.amazonaws.com"),
                "Action", List.of("kms:CreateGrant"), "Resource", List.of("*"),
                "Condition", Map.of("StringEquals", Map.of("kms:EncryptionContext:aws:ecs:clusterAccount", account,
                        "kms:EncryptionContext:aws:ecs:clusterName", cluster.inputString("name")),
                        "ForAllValues:StringEquals", Map.of("kms:GrantOperations", "Decrypt"))));
        // The storage block alone (file systems) leaves the cluster and the key as they are.
        var without = plan(Fixtures.SMALL, StoragePlanTest::shared);
        assertThat(without.byType("aws:ecs/cluster:Cluster").get(0).inputAt("configuration.managedStorageConfiguration"))
                .isNull();
    }

    @Test
    void aFileSystemIsEncryptedWithTheStackKeyWithAMountTargetInEachPrivateSubnetAndNoBackupWhereDisposable() {
        var plan = plan(Fixtures.SMALL, StoragePlanTest::shared);
        var fileSystem = named(plan, FILE_SYSTEM, "storage-shared");
        assertThat(fileSystem.inputs()).containsAllEntriesOf(Map.of("encrypted", true, "kmsKeyId", keyArn(plan),
                "performanceMode", "generalPurpose", "throughputMode", "elastic"));
        assertThat(fileSystem.inputAt("tags.Name")).isEqualTo(P + "qa-t1-efs-shared");
        assertThat(fileSystem.protect()).isFalse();
        assertThat(named(plan, BACKUP, "storage-shared-backup").inputs()).isEqualTo(Map.of(
                "fileSystemId", fileSystem.id().orElseThrow(), "backupPolicy", Map.of("status", "DISABLED")));

        var group = id(plan, GROUP, "storage-shared-sg");
        var privateSubnets = plan.byType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> "private".equals(s.inputAt("tags.Tier"))).map(s -> s.id().orElseThrow()).toList();
        assertThat(plan.byType(MOUNT_TARGET)).hasSize(2).allSatisfy(target -> {
            assertThat(target.input("fileSystemId")).isEqualTo(fileSystem.id().orElseThrow());
            assertThat(target.input("securityGroups")).isEqualTo(List.of(group));
        });
        assertThat(plan.byType(MOUNT_TARGET)).extracting(t -> t.input("subnetId"))
                .containsExactlyElementsOf(privateSubnets);
    }

    @Test
    void aProtectedEnvironmentBacksTheFileSystemUpAndRefusesToDeleteIt() {
        var plan = plan(Fixtures.FULL, v -> v.set(STORAGE, Map.of("fileSystems", Map.of("media",
                Map.of("throughputMode", "bursting")))).setIn(S, "orders.volumes", List.of(Map.of("fileSystem",
                "media", "path", "/media"))));
        var fileSystem = named(plan, FILE_SYSTEM, "storage-media");
        assertThat(fileSystem.protect()).isTrue();
        assertThat(fileSystem.input("throughputMode")).isEqualTo("bursting");
        assertThat(named(plan, BACKUP, "storage-media-backup").inputAt("backupPolicy.status")).isEqualTo("ENABLED");
        assertThat(plan.byType(MOUNT_TARGET)).hasSize(3);
    }

    @Test
    void eachMountingServiceGetsItsOwnAccessPointWithItsPosixUserAndRootDirectory() {
        var plan = plan(Fixtures.SMALL, StoragePlanTest::shared);
        var fileSystem = id(plan, FILE_SYSTEM, "storage-shared");
        // orders runs as 1000:1000, storefront as 1000 (its group defaults to the uid).
        assertThat(named(plan, ACCESS_POINT, "storage-shared-orders").inputs()).containsAllEntriesOf(Map.of(
                "fileSystemId", fileSystem,
                "posixUser", Map.of("uid", 1000L, "gid", 1000L),
                "rootDirectory", Map.of("path", "/orders", "creationInfo", Map.of("ownerUid", 1000L, "ownerGid", 1000L,
                        "permissions", "750"))));
        assertThat(named(plan, ACCESS_POINT, "storage-shared-storefront").inputAt("rootDirectory.path"))
                .isEqualTo("/storefront");
        assertThat(plan.byType(ACCESS_POINT)).hasSize(2);

        var custom = plan(Fixtures.SMALL, v -> shared(v).setIn(S, "mailer.volumes", List.of(Map.of("fileSystem",
                "shared", "path", "/spool", "uid", 2000, "gid", 3000, "rootDirectory", "/mail/spool",
                "permissions", "0770"))));
        assertThat(named(custom, ACCESS_POINT, "storage-shared-mailer").inputs()).containsAllEntriesOf(Map.of(
                "posixUser", Map.of("uid", 2000L, "gid", 3000L),
                "rootDirectory", Map.of("path", "/mail/spool", "creationInfo", Map.of("ownerUid", 2000L,
                        "ownerGid", 3000L, "permissions", "0770"))));
    }

    @Test
    void onlyTheMountingServicesReachTheMountTargetsOnNfs() {
        var plan = plan(Fixtures.SMALL, StoragePlanTest::shared);
        var group = id(plan, GROUP, "storage-shared-sg");
        var orders = id(plan, GROUP, "security-groups-orders");
        var storefront = id(plan, GROUP, "security-groups-storefront");
        var into = plan.byType(INGRESS).stream().filter(r -> group.equals(r.input("securityGroupId"))).toList();
        assertThat(into).extracting(r -> r.input("referencedSecurityGroupId"))
                .containsExactlyInAnyOrder(orders, storefront);
        assertThat(into).allSatisfy(r -> assertThat(r.inputs()).containsAllEntriesOf(Map.of("ipProtocol", "tcp",
                "fromPort", 2049L, "toPort", 2049L)));
        assertThat(into).allSatisfy(r -> assertThat(r.inputs()).doesNotContainKey("cidrIpv4"));
        assertThat(named(plan, EGRESS, "storage-orders-to-shared").inputs()).containsAllEntriesOf(Map.of(
                "securityGroupId", orders, "referencedSecurityGroupId", group, "ipProtocol", "tcp",
                "fromPort", 2049L, "toPort", 2049L, "description", "To file system shared on port 2049 (NFS)"));
        assertThat(plan.byType(EGRESS)).noneMatch(r -> group.equals(r.input("securityGroupId")));
        var mailer = id(plan, GROUP, "security-groups-mailer");
        assertThat(plan.byType(EGRESS)).noneMatch(r -> mailer.equals(r.input("securityGroupId"))
                && Long.valueOf(2049).equals(r.input("fromPort")));
    }

    @Test
    void theTaskMountsThroughItsAccessPointWithTlsAndIamAndTheContainerSeesThePath() {
        var plan = plan(Fixtures.SMALL, StoragePlanTest::shared);
        var fileSystem = id(plan, FILE_SYSTEM, "storage-shared");
        assertThat(taskDefinition(plan, "orders").input("volumes")).isEqualTo(List.of(Map.of("name", "efs-shared",
                "efsVolumeConfiguration", Map.of("fileSystemId", fileSystem, "transitEncryption", "ENABLED",
                        "authorizationConfig", Map.of("accessPointId", id(plan, ACCESS_POINT, "storage-shared-orders"),
                                "iam", "ENABLED")))));
        assertThat(container(plan, "orders").get("mountPoints")).isEqualTo(List.of(Map.of("sourceVolume",
                "efs-shared", "containerPath", "/data", "readOnly", false)));
        assertThat(container(plan, "orders")).doesNotContainKey("dependsOn");
        assertThat(containers(plan, "orders")).hasSize(1);

        // storefront keeps its writable paths (prepared by the init container) and mounts the file system read-only.
        assertThat(container(plan, "storefront").get("mountPoints")).isEqualTo(List.of(
                Map.of("sourceVolume", "writable-1", "containerPath", "/tmp", "readOnly", false),
                Map.of("sourceVolume", "writable-2", "containerPath", "/var/cache/app", "readOnly", false),
                Map.of("sourceVolume", "efs-shared", "containerPath", "/srv/shared", "readOnly", true)));
        assertThat(containers(plan, "storefront")).filteredOn(c -> !c.get("name").equals("storefront"))
                .singleElement().satisfies(prepare -> assertThat(prepare.get("mountPoints").toString())
                        .doesNotContain("efs-shared"));
    }

    @Test
    void theTaskRoleMayMountOnlyThroughItsAccessPointAndWriteOnlyWhereTheMountWrites() {
        var plan = plan(Fixtures.SMALL, StoragePlanTest::shared);
        var fileSystemArn = named(plan, FILE_SYSTEM, "storage-shared").output("arn");
        var orders = json(named(plan, "aws:iam/rolePolicy:RolePolicy", "orders-storage-policy"), "policy");
        assertThat(statements(orders)).containsExactly(Map.of("Sid", "MountFileSystemShared", "Effect", "Allow",
                "Action", List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"),
                "Resource", List.of(fileSystemArn),
                "Condition", Map.of("StringEquals", Map.of("elasticfilesystem:AccessPointArn",
                        named(plan, ACCESS_POINT, "storage-shared-orders").output("arn")))));
        var storefront = json(named(plan, "aws:iam/rolePolicy:RolePolicy", "storefront-storage-policy"), "policy");
        assertThat(statements(storefront)).singleElement().satisfies(s ->
                assertThat(s.get("Action")).isEqualTo(List.of("elasticfilesystem:ClientMount")));
        assertThat(named(plan, "aws:iam/rolePolicy:RolePolicy", "storefront-storage-policy").input("role"))
                .isEqualTo(id(plan, "aws:iam/role:Role", "storefront-task"));
        assertThat(plan.byType("aws:iam/rolePolicy:RolePolicy")).noneMatch(r -> r.name().equals(P + "mailer-storage-policy"));
        for (var statement : statements(orders)) {
            assertThat(StatementCheck.problems(strings(statement.get("Action")), strings(statement.get("Resource")),
                    List.of("elasticfilesystem:AccessPointArn"), false)).isEmpty();
        }
    }

    @Test
    void theFileSystemPolicyRefusesPlainTransportAndEveryClientButTheMountingTaskRoles() {
        var plan = plan(Fixtures.SMALL, StoragePlanTest::shared);
        var fileSystem = named(plan, FILE_SYSTEM, "storage-shared");
        var policy = named(plan, FS_POLICY, "storage-shared-policy");
        assertThat(policy.input("fileSystemId")).isEqualTo(fileSystem.id().orElseThrow());
        var arn = fileSystem.output("arn");
        var roleArns = List.of("orders", "storefront").stream().map(service ->
                named(plan, "aws:iam/role:Role", service + "-task").output("arn")).toList();
        assertThat(statements(json(policy, "policy"))).containsExactly(
                Map.of("Sid", "DenyUnencryptedTransport", "Effect", "Deny", "Principal", Map.of("AWS", "*"),
                        "Action", List.of("*"), "Resource", List.of(arn),
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                Map.of("Sid", "DenyClientsButTheMountingServices", "Effect", "Deny", "Principal", Map.of("AWS", "*"),
                        "Action", List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite",
                                "elasticfilesystem:ClientRootAccess"), "Resource", List.of(arn),
                        "Condition", Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", roleArns))));
    }

    @Test
    void aServiceStartsOnlyOnceItCanMount() {
        var plan = plan(Fixtures.SMALL, StoragePlanTest::shared);
        var service = named(plan, "aws:ecs/service:Service", "orders");
        var needed = Stream.concat(plan.byType(MOUNT_TARGET).stream(), Stream.of(
                named(plan, INGRESS, "storage-shared-from-orders"), named(plan, EGRESS, "storage-orders-to-shared"),
                named(plan, FS_POLICY, "storage-shared-policy"),
                named(plan, "aws:iam/rolePolicy:RolePolicy", "orders-storage-policy"))).map(PlannedResource::urn).toList();
        assertThat(service.dependencies()).containsAll(needed);
        assertThat(named(plan, "aws:ecs/service:Service", "mailer").dependencies())
                .doesNotContainAnyElementsOf(needed);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Object policy) {
        return (List<Map<String, Object>>) ((Map<String, Object>) policy).get("Statement");
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object value) {
        return (List<String>) value;
    }

    static Stream<Arguments> refused() {
        var file = "Pulumi." + Fixtures.SMALL + ".yaml: ";
        var orders = file + S + ".orders.";
        UnaryOperator<StackValues> withFs = v -> v.set(STORAGE, Map.of("fileSystems", Map.of("shared", Map.of())));
        return Stream.of(
                BrokenConfig.broken("ephemeral storage at Fargate's default", v -> v.setIn(S, "orders.ephemeralStorage",
                        20), orders + "ephemeralStorage: 20 is out of range; allowed: 21 to 200 GiB"),
                BrokenConfig.broken("ephemeral storage over Fargate's maximum", v -> v.setIn(S,
                        "orders.ephemeralStorage", 201), orders + "ephemeralStorage: 201 is out of range; allowed: 21 to"
                        + " 200 GiB"),
                BrokenConfig.broken("a file system the stack does not have", v -> v.setIn(S, "orders.volumes",
                        List.of(Map.of("fileSystem", "nope", "path", "/data"))), file + S + ".orders.volumes[0]"
                        + ".fileSystem: \"nope\" is not a file system of " + STORAGE + ".fileSystems; allowed: file"
                        + " systems declared there (none are)"),
                BrokenConfig.broken("the same file system twice", v -> withFs.apply(v).setIn(S, "orders.volumes",
                        List.of(Map.of("fileSystem", "shared", "path", "/a"), Map.of("fileSystem", "shared", "path",
                                "/b"))), orders + "volumes[1].fileSystem: \"shared\" is mounted twice by this service;"
                        + " allowed: each file system once per service (one access point, one root directory)"),
                BrokenConfig.broken("a mount over a writable path", v -> withFs.apply(v).setIn(S, "storefront.volumes",
                        List.of(Map.of("fileSystem", "shared", "path", "/tmp/shared"))), file + S + ".storefront"
                        + ".volumes[0].path: \"/tmp/shared\" overlaps another volume or a writable path of the service;"
                        + " allowed: a path apart from the other volumes and from writablePaths"),
                BrokenConfig.broken("a mount over /proc", v -> withFs.apply(v).setIn(S, "orders.volumes",
                        List.of(Map.of("fileSystem", "shared", "path", "/proc/x"))), orders + "volumes[0].path:"
                        + " \"/proc/x\" is not a plain absolute path outside /proc, /sys and /dev; allowed: an absolute"
                        + " path of letters, digits and _ . @ + -, such as /data, not under /proc, /sys or /dev and"
                        + " apart from writablePaths"),
                BrokenConfig.broken("the whole file system as the root", v -> withFs.apply(v).setIn(S,
                        "orders.volumes", List.of(Map.of("fileSystem", "shared", "path", "/data", "rootDirectory",
                                "/"))), orders + "volumes[0].rootDirectory: \"/\" is not a plain absolute path below /;"
                        + " allowed: an absolute path of letters, digits and _ . @ + -, other than /"),
                BrokenConfig.broken("root as the POSIX user", v -> withFs.apply(v).setIn(S, "orders.volumes",
                        List.of(Map.of("fileSystem", "shared", "path", "/data", "uid", 0))), orders + "volumes[0].uid:"
                        + " 0 is out of range; allowed: 1 to 2147483647"),
                BrokenConfig.broken("a user name where a uid is needed", v -> withFs.apply(v)
                        .setIn(S, "mailer.user", "mail").setIn(S, "mailer.volumes", List.of(Map.of("fileSystem",
                                "shared", "path", "/spool"))), file + S + ".mailer.volumes[0].uid: is missing (set it in"
                        + " Pulumi.small.yaml or with `pulumi config set --path '" + S + ".mailer.volumes[0].uid'"
                        + " <value>`); allowed: 1 to 2147483647 (the service's user is not numeric, so it cannot"
                        + " stand in)"),
                BrokenConfig.broken("root's group from the service's user", v -> withFs.apply(v)
                        .setIn(S, "mailer.user", "1000:0").setIn(S, "mailer.volumes", List.of(Map.of("fileSystem",
                                "shared", "path", "/spool"))), file + S + ".mailer.volumes[0].gid: would be root's"
                        + " (from the service's user \"1000:0\"), which needs ClientRootAccess; allowed: a uid and gid"
                        + " from 1, set here or in the service's user"),
                BrokenConfig.broken("a mode that is not octal", v -> withFs.apply(v).setIn(S, "orders.volumes",
                        List.of(Map.of("fileSystem", "shared", "path", "/data", "permissions", "0789"))),
                        orders + "volumes[0].permissions: \"0789\" is not an octal mode; allowed: 3 or 4 octal digits,"
                                + " such as 750 or 0770"),
                BrokenConfig.broken("a file system name AWS names cannot hold", v -> v.set(STORAGE, Map.of(
                        "fileSystems", Map.of("Shared_1", Map.of()))), file + STORAGE + ".fileSystems.Shared_1: is not"
                        + " a file system name that fits AWS names; allowed: 1 to 20 lowercase letters, digits or"
                        + " hyphens, starting with a letter"),
                BrokenConfig.broken("provisioned throughput", v -> v.set(STORAGE, Map.of("fileSystems", Map.of(
                        "shared", Map.of("throughputMode", "provisioned")))), file + STORAGE + ".fileSystems.shared"
                        + ".throughputMode: \"provisioned\" is not an EFS throughput mode this stack creates; allowed:"
                        + " elastic or bursting"),
                BrokenConfig.broken("an unknown key in a volume", v -> withFs.apply(v).setIn(S, "orders.volumes",
                        List.of(Map.of("fileSystem", "shared", "path", "/data", "readonly", true))),
                        orders + "volumes[0].readonly: is not a known key (did you mean " + S
                                + ".orders.volumes[0].readOnly?); allowed: " + S + ".orders.volumes[0].fileSystem, "
                                + S + ".orders.volumes[0].gid, " + S + ".orders.volumes[0].path, " + S
                                + ".orders.volumes[0].permissions, " + S + ".orders.volumes[0].readOnly, " + S
                                + ".orders.volumes[0].rootDirectory, " + S + ".orders.volumes[0].uid"));
    }

    @Test
    void aFileSystemTakesAtMostSixtyMountingServicesOneNfsRuleEach() {
        UnaryOperator<StackValues> many = v -> {
            var edited = v.set(STORAGE, Map.of("fileSystems", Map.of("shared", Map.of())));
            for (int i = 0; i < 59; i++) {
                edited = edited.setIn(S, "extra" + i, Map.of("image", "111122223333.dkr.ecr.us-east-1.amazonaws.com/x"
                        + "@sha256:" + "1".repeat(64), "user", "1000", "volumes", List.of(Map.of("fileSystem",
                        "shared", "path", "/data"))));
            }
            return edited.setIn(S, "orders.volumes", List.of(Map.of("fileSystem", "shared", "path", "/data")));
        };
        // 60 mount it: fine.
        assertThat(Fixtures.load(Fixtures.SMALL, many.apply(Fixtures.values(Fixtures.SMALL)).toMap()).platform()
                .services()).hasSize(62);
        BrokenConfig.assertFixtureRefused(Fixtures.SMALL, v -> many.apply(v).setIn(S, "mailer.volumes",
                List.of(Map.of("fileSystem", "shared", "path", "/data"))), "Pulumi.small.yaml: " + STORAGE
                + ".fileSystems.shared: is mounted by 61 services, one inbound NFS rule each, more than the 60 its"
                + " security group takes; allowed: at most 60 services per file system");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badValuesAreOneLine(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.SMALL, edit, message);
    }
}
