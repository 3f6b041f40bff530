package com.tapstack.bootstrap;

import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.ArrayList;
import java.util.Optional;

/**
 * What a preview role may do: the program's lookups ({@link ProgramLookups}) and, with an S3 state backend, reading
 * the state. Nothing that writes: a preview of the diy backend takes no lock and records no history (pulumi/pulumi,
 * pkg/backend/diy/backend.go: Preview applies with DryRun, Update and Refresh take the lock), and with Pulumi Cloud
 * the state is reached with the Pulumi token, not with AWS rights.
 */
public final class PreviewPermissions {

    private PreviewPermissions() {
    }

    public static PolicyDocument of(String partition, String account, String region, Optional<String> stateBucket) {
        var statements = new ArrayList<>(ProgramLookups.statements(new DeployPermissions.Arns(partition, account,
                region, ""), region));
        stateBucket.ifPresent(bucket -> statements.add(Statement.allow("ReadPulumiState")
                .actions("s3:ListBucket", "s3:GetObject")
                .resources("arn:" + partition + ":s3:::" + bucket, "arn:" + partition + ":s3:::" + bucket + "/*")
                .build()));
        return new PolicyDocument(statements);
    }
}
