package com.tapstack.tooling.offline;

import static com.tapstack.tooling.offline.ResourceModels.answer;

import java.util.List;
import java.util.Map;

/**
 * How the simulator answers for EFS: ids in AWS's forms ({@code fs-}, {@code fsmt-}, {@code fsap-} and 17 hex
 * characters), ARNs under {@code elasticfilesystem}, and the outputs the provider reads back (EFS API
 * FileSystemDescription, MountTargetDescription, AccessPointDescription). A backup policy and a file system policy
 * are known by their file system's id, as the provider records them.
 */
final class StorageModels {

    private StorageModels() {
    }

    static void register(Map<String, ResourceModels.Model> models) {
        models.put("aws:efs/fileSystem:FileSystem", r -> {
            var id = "fs-0" + r.ids().hex("fs" + r.name(), 16);
            return answer(id, "arn", fileSystemArn(r, id),
                    "dnsName", id + ".efs." + r.account().region() + "." + r.account().dnsSuffix(),
                    "ownerId", r.account().accountId(),
                    "numberOfMountTargets", 0,
                    "creationToken", "terraform-" + r.ids().hex("token" + r.name(), 26),
                    "sizeInBytes", List.of(Map.of("value", 6144, "valueInIa", 0, "valueInStandard", 6144)));
        });
        models.put("aws:efs/mountTarget:MountTarget", r -> {
            var id = "fsmt-0" + r.ids().hex("fsmt" + r.name(), 16);
            var fileSystem = r.string("fileSystemId");
            return answer(id, "fileSystemArn", fileSystemArn(r, fileSystem),
                    "dnsName", fileSystem + ".efs." + r.account().region() + "." + r.account().dnsSuffix(),
                    "networkInterfaceId", r.ids().ec2("eni", r.name()),
                    "ownerId", r.account().accountId());
        });
        models.put("aws:efs/accessPoint:AccessPoint", r -> {
            var id = "fsap-0" + r.ids().hex("fsap" + r.name(), 16);
            return answer(id, "arn", r.account().arn("elasticfilesystem", "access-point/" + id),
                    "fileSystemArn", fileSystemArn(r, r.string("fileSystemId")),
                    "ownerId", r.account().accountId());
        });
        models.put("aws:efs/backupPolicy:BackupPolicy", r -> answer(r.string("fileSystemId")));
        models.put("aws:efs/fileSystemPolicy:FileSystemPolicy", r -> answer(r.string("fileSystemId")));
    }

    private static String fileSystemArn(ResourceModels.Request r, String fileSystemId) {
        return r.account().arn("elasticfilesystem", "file-system/" + fileSystemId);
    }
}
