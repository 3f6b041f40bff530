package com.tapstack.service;

import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.List;

/**
 * The task role's EFS permissions, as a pure function: per mounted file system, {@code elasticfilesystem:ClientMount}
 * (and {@code ClientWrite} unless the mount is read-only) on the file system, only through the service's own
 * access point. With IAM authorisation on the volume, EFS checks these at mount (Service Authorization Reference,
 * Amazon Elastic File System: both actions take the file-system resource type and the
 * {@code elasticfilesystem:AccessPointArn} condition key). No ClientRootAccess: the access point's POSIX user is
 * never root.
 */
public final class FileSystemGrants {

    public static final String MOUNT = "elasticfilesystem:ClientMount";
    public static final String WRITE = "elasticfilesystem:ClientWrite";
    public static final String ACCESS_POINT_KEY = "elasticfilesystem:AccessPointArn";

    private FileSystemGrants() {
    }

    /** One grant: the file system, the access point it goes through, and whether the mount writes. */
    public record Grant(String name, String fileSystemArn, String accessPointArn, boolean readOnly) {
    }

    public static PolicyDocument policy(List<Grant> grants) {
        var statements = grants.stream().map(grant -> Statement.allow("MountFileSystem" + sidPart(grant.name()))
                .actions(grant.readOnly() ? List.of(MOUNT) : List.of(MOUNT, WRITE))
                .resources(grant.fileSystemArn())
                .condition("StringEquals", ACCESS_POINT_KEY, grant.accessPointArn())
                .build()).toArray(Statement[]::new);
        return PolicyDocument.of(statements);
    }

    /** A file system name (lowercase letters, digits, hyphens) as Sid characters (letters and digits only). */
    static String sidPart(String name) {
        var result = new StringBuilder();
        for (var part : name.split("-")) {
            if (!part.isEmpty()) {
                result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return result.toString();
    }
}
