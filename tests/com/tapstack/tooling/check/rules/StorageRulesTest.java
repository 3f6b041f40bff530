package com.tapstack.tooling.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanEditor;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TAP93x rules: quiet on what the storage module plans, firing on each misuse injected into that plan. */
class StorageRulesTest {

    static final String S = Fixtures.key("services");
    static final String P = Fixtures.project().name() + "-";
    static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    static final String FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";

    static StackValues shared(StackValues values) {
        return values.set(Fixtures.key("storage"), Map.of("fileSystems", Map.of("shared", Map.of())))
                .setIn(S, "orders.volumes", List.of(Map.of("fileSystem", "shared", "path", "/data")))
                .setIn(S, "storefront.volumes", List.of(Map.of("fileSystem", "shared", "path", "/srv/shared",
                        "readOnly", true)));
    }

    /** The protected fixture with a file system orders writes and storefront reads. */
    static final Plan PLAN = Fixtures.plan(Fixtures.FULL, shared(Fixtures.values(Fixtures.FULL)));

    static PlanEditor edit() {
        return PlanEditor.of(PLAN);
    }

    @Test
    void whatTheModulePlansPassesEveryRule() {
        assertThat(Checks.findings(PLAN, true)).filteredOn(f -> f.severity() == Severity.CRITICAL
                || f.severity() == Severity.HIGH || f.rule().id().startsWith("TAP93")).isEmpty();
        var small = Fixtures.plan(Fixtures.SMALL, shared(Fixtures.values(Fixtures.SMALL)));
        assertThat(Checks.findings(small, false)).filteredOn(f -> f.rule().id().startsWith("TAP93")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> ordersVolumes(java.util.function.Consumer<Map<String, Object>> edit) {
        var volumes = new ArrayList<Map<String, Object>>();
        for (var volume : (List<Map<String, Object>>) PLAN.named(TASK, P + "orders-task-definition").input("volumes")) {
            var copy = new LinkedHashMap<>(volume);
            var efs = new LinkedHashMap<>((Map<String, Object>) copy.get("efsVolumeConfiguration"));
            edit.accept(efs);
            copy.put("efsVolumeConfiguration", efs);
            volumes.add(copy);
        }
        return volumes;
    }

    @Test
    void tap931AVolumeWithoutTlsOrAccessPoint() {
        var fileSystem = PLAN.named(FILE_SYSTEM, P + "storage-shared").id().orElseThrow();
        var edited = edit().set(TASK, P + "orders-task-definition", "volumes", ordersVolumes(efs -> {
            efs.put("transitEncryption", "DISABLED");
            efs.remove("authorizationConfig");
        }));
        assertThat(Checks.findings(edited.build(), true, "TAP931")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.resource().name()).isEqualTo(P + "orders-task-definition");
            assertThat(f.message()).isEqualTo("mounts " + fileSystem + " without transitEncryption ENABLED,"
                    + " authorizationConfig.iam ENABLED, an authorizationConfig.accessPointId; set them on the volume's"
                    + " efsVolumeConfiguration");
        });
    }

    @Test
    void tap932ATaskRoleWithoutTheGrantOrAWritableMountWithoutClientWrite() {
        var arn = PLAN.named(FILE_SYSTEM, P + "storage-shared").output("arn");
        var noGrant = edit().removeResource("aws:iam/rolePolicy:RolePolicy", P + "orders-storage-policy");
        assertThat(Checks.findings(noGrant.build(), true, "TAP932")).singleElement().satisfies(f ->
                assertThat(f.message()).isEqualTo("container orders mounts " + arn + " at /data read-write but task"
                        + " role " + P + "live-eu1-orders-task lacks elasticfilesystem:ClientMount on it"));
        var writes = edit().container(P + "storefront-task-definition", "storefront", c -> {
            @SuppressWarnings("unchecked")
            var points = new ArrayList<>((List<Map<String, Object>>) c.get("mountPoints"));
            points.replaceAll(p -> "efs-shared".equals(p.get("sourceVolume"))
                    ? Map.of("sourceVolume", "efs-shared", "containerPath", "/srv/shared", "readOnly", false) : p);
            c.put("mountPoints", points);
            return c;
        });
        assertThat(Checks.findings(writes.build(), true, "TAP932")).singleElement().satisfies(f ->
                assertThat(f.message()).endsWith("at /srv/shared read-write but task role " + P
                        + "live-eu1-storefront-task lacks elasticfilesystem:ClientWrite on it"));
    }

    @Test
    void tap933AFileSystemWithoutTheKey() {
        var edited = edit().set(FILE_SYSTEM, P + "storage-shared", "encrypted", false);
        assertThat(Checks.findings(edited.build(), true, "TAP933")).singleElement().satisfies(f -> {
            assertThat(f.resource().name()).isEqualTo(P + "storage-shared");
            assertThat(f.message()).isEqualTo("is not encrypted with a customer managed key; set encrypted true and the"
                    + " stack key as kmsKeyId");
        });
    }

    @Test
    void tap934AProtectedFileSystemWithoutBackupsOrProtect() {
        var edited = edit().set("aws:efs/backupPolicy:BackupPolicy", P + "storage-shared-backup",
                "backupPolicy.status", "DISABLED").protect(FILE_SYSTEM, P + "storage-shared", false);
        assertThat(Checks.findings(edited.build(), true, "TAP934")).extracting(f -> f.message()).containsExactly(
                "has no ENABLED backup policy; add an aws:efs/backupPolicy with status ENABLED",
                "is not protected; set protect so Pulumi refuses to delete or replace it");
        // A disposable environment keeps nothing: no finding there.
        assertThat(Checks.findings(edited.build(), false, "TAP934")).isEmpty();
    }

    @Test
    void tap935TwoUsersOnOneRootDirectory() {
        var plan = Fixtures.plan(Fixtures.SMALL, shared(Fixtures.values(Fixtures.SMALL)).setIn(S, "mailer.volumes",
                List.of(Map.of("fileSystem", "shared", "path", "/orders-data", "rootDirectory", "/orders",
                        "uid", 2000))));
        assertThat(Checks.findings(plan, false, "TAP935")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).isEqualTo("shares root directory /orders with " + P + "storage-shared-"
                    + (f.resource().name().endsWith("mailer") ? "orders" : "mailer") + " but runs as another user;"
                    + " give it its own rootDirectory or the same uid and gid");
        });
    }
}
