package com.tapstack.tooling.check.rules;

import com.tapstack.modules.database.DatabaseClasses;
import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.stream.Stream;

/** The database: classes AWS offers, encryption, exposure, credentials, availability, destroyability (TAP90x). */
public final class DatabaseRules {

    static final String CLUSTER = "aws:rds/cluster:Cluster";
    static final String CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    static final String INSTANCE = "aws:rds/instance:Instance";

    private DatabaseRules() {
    }

    public static List<Rule> rules() {
        return List.of(AURORA_CLASS, PERFORMANCE_INSIGHTS, NOT_PUBLIC, STORAGE_ENCRYPTED, MANAGED_PASSWORD,
                SPANS_ZONES, FINAL_SNAPSHOT_NAMED);
    }

    /** Instances that run the database: RDS instances and Aurora cluster instances. */
    private static Stream<PlannedResource> instances(CheckContext context) {
        return Stream.concat(context.all(INSTANCE).stream(), context.all(CLUSTER_INSTANCE).stream());
    }

    /** Clusters and RDS instances: what holds the data and its settings. */
    private static Stream<PlannedResource> databases(CheckContext context) {
        return Stream.concat(context.all(CLUSTER).stream(), context.all(INSTANCE).stream());
    }

    static final Rule AURORA_CLASS = Rule.of("TAP901", Severity.CRITICAL,
            "Aurora instances use a class Aurora offers",
            "Aurora has no micro or small instances; creating one fails (seed 002: db.t3.micro).",
            (context, findings) -> context.all(CLUSTER_INSTANCE).forEach(instance -> {
                var engine = instance.inputString("engine");
                var instanceClass = instance.inputString("instanceClass");
                if (!DatabaseClasses.offeredByAurora(engine, instanceClass)) {
                    findings.report(instance, engine + " has no " + instanceClass + " instances; use db.t4g.medium"
                            + " or larger, or db.serverless");
                }
            }));

    static final Rule PERFORMANCE_INSIGHTS = Rule.of("TAP902", Severity.CRITICAL,
            "Performance Insights only where the engine and class offer it",
            "AWS refuses Performance Insights on the smallest MySQL and MariaDB classes (InvalidParameterCombination).",
            (context, findings) -> instances(context).forEach(instance -> {
                var engine = instance.inputString("engine");
                var instanceClass = instance.inputString("instanceClass");
                if (Boolean.TRUE.equals(instance.input("performanceInsightsEnabled"))
                        && !DatabaseClasses.performanceInsightsSupported(engine, instanceClass)) {
                    findings.report(instance, "enables Performance Insights, which " + engine + " does not offer on "
                            + instanceClass + "; use a larger class or set performanceInsightsEnabled false");
                }
            }));

    static final Rule NOT_PUBLIC = Rule.of("TAP903", Severity.CRITICAL, "Databases are not publicly accessible",
            "A publicly accessible database gets a public address; only the services should reach it (RDS.2).",
            (context, findings) -> instances(context).forEach(instance -> {
                if (Boolean.TRUE.equals(instance.input("publiclyAccessible"))) {
                    findings.report(instance, "is publicly accessible; set publiclyAccessible false");
                }
            }));

    static final Rule STORAGE_ENCRYPTED = Rule.of("TAP904", Severity.HIGH, "Database storage is encrypted",
            "Unencrypted storage fails RDS.3/RDS.27 and cannot be encrypted later without a copy and a cut-over.",
            (context, findings) -> databases(context).forEach(db -> {
                if (!Boolean.TRUE.equals(db.input("storageEncrypted"))) {
                    findings.report(db, "stores data unencrypted; set storageEncrypted with the stack key as kmsKeyId");
                }
            }));

    static final Rule MANAGED_PASSWORD = Rule.of("TAP905", Severity.HIGH,
            "RDS manages the master password in Secrets Manager",
            "A password in configuration is also in the Pulumi state and never rotates (seed 001: hard-coded password).",
            (context, findings) -> databases(context).forEach(db -> {
                if (db.input("masterPassword") != null || db.input("password") != null) {
                    findings.report(db, "sets the master password itself, so it is in the state; use"
                            + " manageMasterUserPassword and read the secret RDS creates");
                } else if (!Boolean.TRUE.equals(db.input("manageMasterUserPassword"))
                        && db.input("snapshotIdentifier") == null && db.input("replicateSourceDb") == null
                        && !(db.type().equals(CLUSTER) && db.input("globalClusterIdentifier") != null)) {
                    findings.report(db, "has no master password source; set manageMasterUserPassword");
                }
            }));

    static final Rule SPANS_ZONES = Rule.of("TAP906", Severity.MEDIUM,
            "A protected environment's database spans two AZs",
            "A single-AZ database is down for the whole of an AZ outage or a host failure (RDS.5/RDS.15).",
            (context, findings) -> {
                if (!context.protectedEnvironment()) {
                    return;
                }
                context.all(INSTANCE).forEach(db -> {
                    if (!Boolean.TRUE.equals(db.input("multiAz"))) {
                        findings.report(db, "has no standby in another AZ; set multiAz");
                    }
                });
                context.all(CLUSTER).forEach(cluster -> {
                    var identifier = cluster.inputString("clusterIdentifier");
                    var members = context.all(CLUSTER_INSTANCE).stream().filter(instance -> {
                        var target = instance.inputString("clusterIdentifier");
                        return target != null && (target.equals(identifier) || cluster.id().map(target::equals)
                                .orElse(false));
                    }).count();
                    if (members < 2) {
                        findings.report(cluster, "has " + members + " instance" + (members == 1 ? "" : "s")
                                + "; a reader in a second AZ takes over when the writer fails (" + context.key("database.instances") + ": 2)");
                    }
                });
            });

    static final Rule FINAL_SNAPSHOT_NAMED = Rule.of("TAP907", Severity.HIGH,
            "A database that keeps a final snapshot names it",
            "Without a name for the final snapshot, deleting the database fails and pulumi destroy stops (seed 002).",
            (context, findings) -> databases(context).forEach(db -> {
                if (!Boolean.TRUE.equals(db.input("skipFinalSnapshot")) && db.input("finalSnapshotIdentifier") == null) {
                    findings.report(db, "keeps a final snapshot but names none, so it cannot be deleted; set"
                            + " finalSnapshotIdentifier, or skipFinalSnapshot where the data is disposable");
                }
            }));
}
