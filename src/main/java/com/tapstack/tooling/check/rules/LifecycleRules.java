package com.tapstack.tooling.check.rules;

import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Set;

/** What a protected environment must keep and an unprotected one must be able to delete (TAP8xx). */
public final class LifecycleRules {

    /** Resources whose loss loses data: images, keys, databases, buckets, secrets. */
    static final Set<String> STATEFUL = Set.of("aws:ecr/repository:Repository", "aws:kms/key:Key",
            "aws:rds/cluster:Cluster", "aws:rds/instance:Instance", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2",
            "aws:secretsmanager/secret:Secret");

    private LifecycleRules() {
    }

    public static List<Rule> rules() {
        return List.of(PROTECTED_KEEPS_STATE, UNPROTECTED_CAN_BE_DESTROYED);
    }

    static final Rule PROTECTED_KEEPS_STATE = Rule.of("TAP801", Severity.HIGH,
            "A protected environment protects its stateful resources",
            "In a protected environment a stray pulumi destroy or replacement must not take images, keys or data.",
            (context, findings) -> {
                if (!context.protectedEnvironment()) {
                    return;
                }
                context.plan().customResources().stream().filter(r -> STATEFUL.contains(r.type())).forEach(r -> {
                    if (!r.protect()) {
                        findings.report(r, "is stateful but not protected; set the protect option (" + context.key("protect") + ")");
                    }
                    if (Boolean.TRUE.equals(r.input("forceDelete")) || Boolean.TRUE.equals(r.input("forceDestroy"))) {
                        findings.report(r, "would be deleted with its contents; set forceDelete/forceDestroy false");
                    }
                });
                java.util.stream.Stream.concat(context.all("aws:rds/cluster:Cluster").stream(),
                        context.all("aws:rds/instance:Instance").stream()).forEach(db -> {
                    if (!Boolean.TRUE.equals(db.input("deletionProtection"))) {
                        findings.report(db, "has no deletion protection; set deletionProtection");
                    }
                });
            });

    static final Rule UNPROTECTED_CAN_BE_DESTROYED = Rule.of("TAP802", Severity.HIGH,
            "An unprotected environment can be destroyed",
            "A disposable environment that refuses pulumi destroy leaves resources, and their cost, behind.",
            (context, findings) -> {
                if (context.protectedEnvironment()) {
                    return;
                }
                for (var resource : context.plan().customResources()) {
                    if (resource.protect()) {
                        findings.report(resource, "is protected in an unprotected environment; drop the protect"
                                + " option or set " + context.key("protect") + " true");
                    }
                    if (Boolean.TRUE.equals(resource.input("enableDeletionProtection"))
                            || Boolean.TRUE.equals(resource.input("deletionProtection"))) {
                        findings.report(resource, "has deletion protection on; pulumi destroy would fail");
                    }
                    if (resource.type().equals("aws:ecr/repository:Repository")
                            && !Boolean.TRUE.equals(resource.input("forceDelete"))) {
                        findings.report(resource, "cannot be deleted while it holds images; set forceDelete");
                    }
                    if (resource.type().startsWith("aws:rds/") && resource.input("skipFinalSnapshot") != null
                            && !Boolean.TRUE.equals(resource.input("skipFinalSnapshot"))) {
                        findings.report(resource, "requires a final snapshot, so destroy needs a snapshot name; set"
                                + " skipFinalSnapshot");
                    }
                    if ((resource.type().equals("aws:s3/bucket:Bucket") || resource.type().equals("aws:s3/bucketV2:BucketV2"))
                            && !Boolean.TRUE.equals(resource.input("forceDestroy"))) {
                        findings.report(resource, "cannot be deleted while it holds objects; set forceDestroy");
                    }
                }
            });
}
