package com.tapstack.bootstrap;

import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.ArrayList;
import java.util.Optional;

/**
 * What a preview role may do: the program's lookups ({@link ProgramLookups}) and, with an S3 state backend, reading
 * the environment's own state. Nothing that writes: a preview of the diy backend takes no lock and records no
 * history (pulumi/pulumi, pkg/backend/diy/backend.go: Preview applies with DryRun; Update and Refresh take the
 * lock; history and backups are written only when not a dry run), and with Pulumi Cloud the state is reached with
 * a Pulumi team token, not with AWS rights.
 */
public final class PreviewPermissions {

    private PreviewPermissions() {
    }

    public static PolicyDocument of(String partition, String account, String region, String project,
                                    String environment, Optional<String> stateBucket) {
        var arn = new DeployPermissions.Arns(partition, account, region, project + "-" + environment + "-");
        var statements = new ArrayList<>(ProgramLookups.statements(arn, region));
        stateBucket.ifPresent(bucket -> {
            var objects = "arn:" + partition + ":s3:::" + bucket + "/.pulumi/";
            // The backend's layout (pkg/backend/diy: meta.yaml, then stacks/<project>/<stack>.json, or
            // stacks/<stack>.json in the legacy layout, with .gz or .bak endings): this environment's stack only,
            // not the other projects' and environments' states the bucket may hold. Not exercised against a
            // real bucket here.
            statements.add(Statement.allow("ReadThisStacksState").actions("s3:GetObject")
                    .resources(objects + "meta.yaml", objects + "stacks/" + project + "/" + environment + ".json*",
                            objects + "stacks/" + environment + ".json*")
                    .build());
            // Listing shows keys, not contents, and is what makes S3 answer "not found" rather than "access
            // denied" for a key that does not exist (S3 user guide, HeadObject and GetObject: 404 only with
            // s3:ListBucket), which the backend relies on when it looks for a stack's file under its endings. An
            // s3:prefix condition would not apply to those requests, which carry no prefix.
            statements.add(Statement.allow("ListStacks").actions("s3:ListBucket")
                    .resources("arn:" + partition + ":s3:::" + bucket).build());
        });
        // A role that trusts this one by its ARN needs no allow on this side (IAM: a role trust policy naming the
        // principal grants the assumption within an account); an explicit deny keeps the preview read-only.
        statements.add(Statement.deny("NoRoleChaining").actions("sts:AssumeRole", "sts:TagSession")
                .resources("arn:" + partition + ":iam::*:role/*").build());
        return new PolicyDocument(statements);
    }
}
