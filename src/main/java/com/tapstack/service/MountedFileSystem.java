package com.tapstack.service;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.tapstack.config.service.ServiceStorage;
import java.util.List;

/**
 * An EFS file system as one service mounts it: the file system, the service's own access point, and what must
 * exist before its first task mounts (mount targets in every private subnet, the NFS rules both ways).
 *
 * @param mount          the service's volume settings
 * @param fileSystemId   the file system's id ({@code fs-...})
 * @param fileSystemArn  the file system's ARN, the resource of the task role's grant
 * @param accessPointId  the service's access point ({@code fsap-...})
 * @param accessPointArn the access point's ARN, the condition of the task role's grant
 * @param readiness      mount targets and security group rules: a task started before them cannot mount
 */
public record MountedFileSystem(ServiceStorage.Mount mount, Output<String> fileSystemId, Output<String> fileSystemArn,
                                Output<String> accessPointId, Output<String> accessPointArn,
                                List<Resource> readiness) {

    public MountedFileSystem {
        readiness = List.copyOf(readiness);
    }
}
