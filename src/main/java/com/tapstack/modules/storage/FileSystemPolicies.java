package com.tapstack.modules.storage;

import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.List;

/**
 * An EFS file system's resource policy, as a pure function. With a file system policy in place EFS no longer
 * grants every client full access (its default without one), and a mount without IAM is anonymous and refused
 * (EFS user guide, iam-access-control-nfs-efs.html, "Default EFS file system policy").
 */
public final class FileSystemPolicies {

    /** The NFS client actions EFS authorises at mount (Service Authorization Reference, Amazon EFS). */
    static final String[] CLIENT_ACTIONS = {"elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite",
            "elasticfilesystem:ClientRootAccess"};

    private FileSystemPolicies() {
    }

    /**
     * Two denials. No request over plain transport (EFS user guide's "enforce in-transit encryption for all
     * clients" policy, aws:SecureTransport). No NFS client access for any principal but the task roles of the
     * services that mount it (by role ARN, which aws:PrincipalArn carries for their sessions; none without
     * services); the roles' own policies grant the access, each through its access point. Administrative actions
     * are untouched, so the policy cannot lock its deployer out (PutFileSystemPolicy's lockout check).
     */
    public static PolicyDocument of(String fileSystemArn, List<String> taskRoleArns) {
        var transport = Statement.deny("DenyUnencryptedTransport")
                .principal("AWS", "*")
                .actions("*")
                .resources(fileSystemArn)
                .condition("Bool", "aws:SecureTransport", "false")
                .build();
        var others = Statement.deny(taskRoleArns.isEmpty() ? "DenyClientAccess" : "DenyClientsButTheMountingServices")
                .principal("AWS", "*")
                .actions(CLIENT_ACTIONS)
                .resources(fileSystemArn);
        if (!taskRoleArns.isEmpty()) {
            others.condition("ArnNotEquals", "aws:PrincipalArn", taskRoleArns.toArray(String[]::new));
        }
        return PolicyDocument.of(transport, others.build());
    }
}
