package com.tapstack.tooling.check.rules;

import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.PolicyEvaluator;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlanValues;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** EFS file systems and the tasks that mount them (TAP93x). */
public final class StorageRules {

    static final String FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
    static final String ACCESS_POINT = "aws:efs/accessPoint:AccessPoint";
    static final String BACKUP_POLICY = "aws:efs/backupPolicy:BackupPolicy";
    static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

    private StorageRules() {
    }

    public static List<Rule> rules() {
        return List.of(MOUNTS_ENCRYPTED_AND_AUTHORISED, TASK_ROLE_MAY_MOUNT, FILE_SYSTEMS_ENCRYPTED,
                PROTECTED_FILE_SYSTEMS_KEPT, SHARED_ROOT_ONE_OWNER);
    }

    static final Rule MOUNTS_ENCRYPTED_AND_AUTHORISED = Rule.of("TAP931", Severity.HIGH,
            "EFS volumes use TLS, IAM and an access point",
            "Without transit encryption NFS crosses the VPC in clear text (ECS.18); without IAM and an access point the"
                    + " mount is anonymous and sees the whole file system as whichever user the container claims.",
            (context, findings) -> context.all(TASK_DEFINITION).forEach(task -> efsVolumes(task).forEach(efs -> {
                var problems = new java.util.ArrayList<String>();
                if (!"ENABLED".equals(efs.get("transitEncryption"))) {
                    problems.add("transitEncryption ENABLED");
                }
                if (!"ENABLED".equals(PlanValues.at(efs, "authorizationConfig.iam"))) {
                    problems.add("authorizationConfig.iam ENABLED");
                }
                if (PlanValues.at(efs, "authorizationConfig.accessPointId") == null) {
                    problems.add("an authorizationConfig.accessPointId");
                }
                if (!problems.isEmpty()) {
                    findings.report(task, "mounts " + efs.get("fileSystemId") + " without " + String.join(", ",
                            problems) + "; set them on the volume's efsVolumeConfiguration");
                }
            })));

    static final Rule TASK_ROLE_MAY_MOUNT = Rule.of("TAP932", Severity.HIGH,
            "The task role may mount each EFS volume, and write where the mount writes",
            "With IAM authorisation the task fails to start (access denied at mount) without ClientMount, and a"
                    + " writable mount without ClientWrite fails every write.",
            (context, findings) -> context.all(TASK_DEFINITION).forEach(task -> {
                var role = context.roleByArn(task.input("taskRoleArn"));
                if (role.isEmpty() || context.hasManagedPolicies(role.get())) {
                    return;
                }
                var statements = context.statementsOf(role.get());
                var volumes = volumesByName(task);
                for (var container : context.containersOf(task)) {
                    for (var point : maps(container.get("mountPoints"))) {
                        var efs = volumes.get(String.valueOf(point.get("sourceVolume")));
                        if (efs == null) {
                            continue;
                        }
                        var fileSystem = context.plan().byType(FILE_SYSTEM).stream()
                                .filter(fs -> fs.id().orElse("").equals(efs.get("fileSystemId"))).findFirst();
                        var arn = fileSystem.map(fs -> String.valueOf(fs.output("arn")))
                                .orElse(context.arn("elasticfilesystem", "file-system/" + efs.get("fileSystemId")));
                        var writes = !Boolean.TRUE.equals(point.get("readOnly"));
                        var missing = !PolicyEvaluator.allows(statements, "elasticfilesystem:ClientMount", arn) ? "ClientMount"
                                : writes && !PolicyEvaluator.allows(statements, "elasticfilesystem:ClientWrite", arn)
                                ? "ClientWrite" : null;
                        if (missing != null) {
                            findings.report(task, "container " + container.get("name") + " mounts " + arn + " at "
                                    + point.get("containerPath") + (writes ? " read-write" : "") + " but task role "
                                    + role.get().inputString("name") + " lacks elasticfilesystem:" + missing + " on it");
                        }
                    }
                }
            }));

    static final Rule FILE_SYSTEMS_ENCRYPTED = Rule.of("TAP933", Severity.HIGH,
            "EFS file systems are encrypted with a customer managed key",
            "Encryption at rest can only be chosen at creation (EFS.1, EFS.8): changing it later replaces the file"
                    + " system with an empty one.",
            (context, findings) -> context.all(FILE_SYSTEM).forEach(fs -> {
                if (!Boolean.TRUE.equals(fs.input("encrypted")) || fs.input("kmsKeyId") == null) {
                    findings.report(fs, "is not encrypted with a customer managed key; set encrypted true and the stack"
                            + " key as kmsKeyId");
                }
            }));

    static final Rule PROTECTED_FILE_SYSTEMS_KEPT = Rule.of("TAP934", Severity.HIGH,
            "In a protected environment EFS file systems are backed up and protected",
            "A file system holds data nothing else has: without automatic backups (EFS.7) or Pulumi's protect a"
                    + " mistaken change or destroy loses it.",
            (context, findings) -> {
                if (!context.protectedEnvironment()) {
                    return;
                }
                for (var fs : context.all(FILE_SYSTEM)) {
                    var backedUp = context.all(BACKUP_POLICY).stream().anyMatch(policy ->
                            Objects.equals(policy.input("fileSystemId"), fs.id().orElse(null))
                                    && "ENABLED".equals(PlanValues.at(policy.inputs(), "backupPolicy.status")));
                    if (!backedUp) {
                        findings.report(fs, "has no ENABLED backup policy; add an aws:efs/backupPolicy with status"
                                + " ENABLED");
                    }
                    if (!fs.protect()) {
                        findings.report(fs, "is not protected; set protect so Pulumi refuses to delete or replace it");
                    }
                }
            });

    static final Rule SHARED_ROOT_ONE_OWNER = Rule.of("TAP935", Severity.MEDIUM,
            "Access points sharing a root directory run as its owner",
            "EFS creates an access point's root directory once, owned by the first access point's user; another"
                    + " access point with another user gets permission denied on writes (unless the mode lets its group"
                    + " in).",
            (context, findings) -> {
                var first = new HashMap<String, PlannedResource>();
                for (var accessPoint : context.all(ACCESS_POINT)) {
                    var key = accessPoint.input("fileSystemId") + ":" + PlanValues.at(accessPoint.inputs(),
                            "rootDirectory.path");
                    var earlier = first.putIfAbsent(key, accessPoint);
                    if (earlier != null && !Objects.equals(earlier.input("posixUser"), accessPoint.input("posixUser"))) {
                        findings.report(accessPoint, "shares root directory " + PlanValues.at(accessPoint.inputs(),
                                "rootDirectory.path") + " with " + earlier.name() + " but runs as another user; give"
                                + " it its own rootDirectory or the same uid and gid");
                    }
                }
            });

    /** The EFS configurations of a task definition's volumes. */
    private static List<Map<String, Object>> efsVolumes(PlannedResource task) {
        return List.copyOf(volumesByName(task).values());
    }

    /** A task definition's EFS volumes by volume name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> volumesByName(PlannedResource task) {
        var result = new java.util.LinkedHashMap<String, Map<String, Object>>();
        for (var volume : maps(task.input("volumes"))) {
            if (volume.get("efsVolumeConfiguration") instanceof Map<?, ?> efs) {
                result.put(String.valueOf(volume.get("name")), (Map<String, Object>) efs);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? list.stream().filter(Map.class::isInstance)
                .map(m -> (Map<String, Object>) m).toList() : List.of();
    }
}
