package com.tapstack.modules.storage;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.efs.AccessPoint;
import com.pulumi.aws.efs.AccessPointArgs;
import com.pulumi.aws.efs.BackupPolicy;
import com.pulumi.aws.efs.BackupPolicyArgs;
import com.pulumi.aws.efs.FileSystem;
import com.pulumi.aws.efs.FileSystemArgs;
import com.pulumi.aws.efs.FileSystemPolicy;
import com.pulumi.aws.efs.FileSystemPolicyArgs;
import com.pulumi.aws.efs.MountTarget;
import com.pulumi.aws.efs.MountTargetArgs;
import com.pulumi.aws.efs.inputs.AccessPointPosixUserArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryCreationInfoArgs;
import com.pulumi.aws.efs.inputs.BackupPolicyBackupPolicyArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import com.tapstack.service.FargateService;
import com.tapstack.service.MountedFileSystem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stack's EFS file systems: each encrypted with the stack key, with a mount target in every private subnet
 * behind a security group that takes NFS only from the services that mount it, a resource policy that refuses plain
 * transport and every client but those services' task roles, automatic backups where the environment is protected
 * (and Pulumi's protect there), and an access point per mounting service with that service's POSIX user and root
 * directory (Security Hub EFS.3 and EFS.4).
 */
public final class FileSystems extends ComponentResource {

    public static final String TYPE = "tap:storage:FileSystems";
    /** NFS, the only port a mount target serves (EFS user guide, network-access.html). */
    public static final int NFS = 2049;
    /** General Purpose: the mode Elastic throughput requires and AWS recommends for nearly all workloads. */
    public static final String PERFORMANCE_MODE = "generalPurpose";

    private final Map<String, List<MountedFileSystem>> byService = new LinkedHashMap<>();

    /**
     * @param subnetPerAz      one private subnet per AZ: a mount target goes in each (EFS allows one mount target
     *                         per AZ and file system: CreateMountTarget, MountTargetConflict)
     * @param serviceGroupIds  a service's security group id
     */
    public FileSystems(String name, StorageConfig storage, Collection<ServiceConfig> services, Output<String> vpcId,
                       List<Output<String>> subnetPerAz,
                       Function<ServiceConfig, Output<String>> serviceGroupIds, Output<String> kmsKeyArn,
                       StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var outputs = new LinkedHashMap<String, Output<?>>();
        for (var config : storage.fileSystems().values()) {
            var fs = config.name();
            var part = "efs-" + fs;
            var logical = name + "-" + fs;
            var group = new SecurityGroup(logical + "-sg", SecurityGroupArgs.builder()
                    .name(scope.name(part, NameLimit.SECURITY_GROUP))
                    .description("EFS file system " + fs + ": NFS from the services that mount it, nothing else")
                    .vpcId(vpcId)
                    .revokeRulesOnDelete(true)
                    .tags(scope.tagsNamed(part))
                    .build(), child);
            var fileSystem = new FileSystem(logical, FileSystemArgs.builder()
                    .encrypted(true)
                    .kmsKeyId(kmsKeyArn)
                    .performanceMode(PERFORMANCE_MODE)
                    .throughputMode(config.throughputMode().configValue())
                    .tags(scope.tagsNamed(part))
                    .build(),
                    // The data lives here: a protected environment refuses to delete or replace it.
                    CustomResourceOptions.builder().parent(this).protect(scope.protect()).build());
            new BackupPolicy(logical + "-backup", BackupPolicyArgs.builder()
                    .fileSystemId(fileSystem.id())
                    // Daily AWS Backup of the file system, kept 35 days in the default vault (EFS user guide,
                    // awsbackup.html); off in disposable environments, which keep nothing.
                    .backupPolicy(BackupPolicyBackupPolicyArgs.builder()
                            .status(scope.protect() ? "ENABLED" : "DISABLED").build())
                    .build(), child);
            var readiness = new ArrayList<Resource>();
            for (int az = 0; az < subnetPerAz.size(); az++) {
                readiness.add(new MountTarget(logical + "-mount-" + az, MountTargetArgs.builder()
                        .fileSystemId(fileSystem.id())
                        .subnetId(subnetPerAz.get(az))
                        .securityGroups(group.id().applyValue(List::of))
                        .build(),
                        // One mount target per AZ and file system: a replacement (a new subnet) must go first.
                        CustomResourceOptions.builder().parent(this).deleteBeforeReplace(true).build()));
            }
            var mounting = services.stream().filter(s -> s.storage().mounts().stream()
                    .anyMatch(m -> m.fileSystem().equals(fs))).toList();
            var roleArns = Output.all(mounting.stream().map(s -> Output.tuple(scope.account(),
                    FargateService.taskRoleNameOf(s, scope)).applyValue(t -> t.t1.globalArn("iam", "role/" + t.t2)))
                    .toList());
            readiness.add(new FileSystemPolicy(logical + "-policy", FileSystemPolicyArgs.builder()
                    .fileSystemId(fileSystem.id())
                    .policy(Output.tuple(fileSystem.arn(), roleArns).applyValue(t ->
                            FileSystemPolicies.of(t.t1, t.t2).toJson()))
                    .build(), child));
            for (var service : mounting) {
                var mount = service.storage().mounts().stream().filter(m -> m.fileSystem().equals(fs)).findFirst()
                        .orElseThrow();
                var label = service.name();
                var accessPoint = new AccessPoint(logical + "-" + label, AccessPointArgs.builder()
                        .fileSystemId(fileSystem.id())
                        .posixUser(AccessPointPosixUserArgs.builder().uid(mount.uid()).gid(mount.gid()).build())
                        .rootDirectory(AccessPointRootDirectoryArgs.builder()
                                .path(mount.rootDirectory())
                                // EFS creates the directory on the first mount, owned by the access point's user.
                                .creationInfo(AccessPointRootDirectoryCreationInfoArgs.builder()
                                        .ownerUid(mount.uid()).ownerGid(mount.gid())
                                        .permissions(mount.permissions()).build())
                                .build())
                        .tags(scope.tagsNamed(part + "-" + label))
                        .build(), child);
                var serviceGroup = serviceGroupIds.apply(service);
                var ingress = new SecurityGroupIngressRule(logical + "-from-" + label,
                        SecurityGroupIngressRuleArgs.builder()
                                .securityGroupId(group.id())
                                .ipProtocol("tcp").fromPort(NFS).toPort(NFS)
                                .referencedSecurityGroupId(serviceGroup)
                                .description("NFS from service " + label)
                                .tags(scope.commonTags())
                                .build(), child);
                var egress = new SecurityGroupEgressRule(name + "-" + label + "-to-" + fs,
                        SecurityGroupEgressRuleArgs.builder()
                                .securityGroupId(serviceGroup)
                                .ipProtocol("tcp").fromPort(NFS).toPort(NFS)
                                .referencedSecurityGroupId(group.id())
                                .description("To file system " + fs + " on port " + NFS + " (NFS)")
                                .tags(scope.commonTags())
                                .build(), child);
                var ready = new ArrayList<>(readiness);
                ready.add(ingress);
                ready.add(egress);
                byService.computeIfAbsent(label, k -> new ArrayList<>()).add(new MountedFileSystem(mount,
                        fileSystem.id(), fileSystem.arn(), accessPoint.id(), accessPoint.arn(), ready));
            }
            outputs.put(fs, fileSystem.id());
        }
        registerOutputs(Map.copyOf(outputs));
    }

    /** The file systems {@code service} mounts, in the order of its volumes. */
    public List<MountedFileSystem> mountsOf(ServiceConfig service) {
        var mounted = byService.getOrDefault(service.name(), List.of());
        return service.storage().mounts().stream().map(mount -> mounted.stream()
                .filter(m -> m.mount().equals(mount)).findFirst().orElseThrow()).toList();
    }
}
