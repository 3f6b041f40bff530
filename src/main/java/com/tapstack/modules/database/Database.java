package com.tapstack.modules.database;

import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.rds.ParameterGroupArgs;
import com.pulumi.aws.rds.RdsFunctions;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.aws.rds.inputs.ClusterServerlessv2ScalingConfigurationArgs;
import com.pulumi.aws.rds.inputs.GetEngineVersionArgs;
import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;
import com.pulumi.aws.rds.outputs.GetEngineVersionResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL on Aurora (provisioned or Serverless v2) or RDS, in the private subnets behind its own security
 * group. Storage, the master password secret and Performance Insights are encrypted with the stack key; RDS
 * creates and rotates the master password in Secrets Manager, so it is never in configuration or state. A
 * parameter group refuses connections without TLS; the PostgreSQL log goes to a log group the stack creates
 * first (encrypted, with the stack's retention) instead of one RDS would create and keep forever. In a
 * protected environment it has deletion protection and leaves a final snapshot; elsewhere it can be destroyed.
 */
public final class Database extends ComponentResource {

    public static final String TYPE = "tap:database:Database";
    /** RDS's current certificate authority (the 2019 one expired in 2024). */
    public static final String CA_CERTIFICATE = "rds-ca-rsa2048-g1";
    public static final int PERFORMANCE_INSIGHTS_RETENTION_DAYS = 7;
    /** The log RDS exports to CloudWatch Logs (RDS.36/RDS.37): PostgreSQL's own log. */
    public static final String EXPORTED_LOG = "postgresql";
    /** PostgreSQL refuses connections without TLS (CKV2_AWS_69: encryption in transit). */
    public static final String FORCE_SSL = "rds.force_ssl";
    private static final String TLS_REQUIRED = "TLS required (rds.force_ssl)";
    /**
     * engineVersion is the version at creation. AWS then applies minor upgrades itself (autoMinorVersionUpgrade);
     * comparing against the configured (or newly resolved) version would make a later update try a downgrade,
     * which RDS refuses, or an upgrade nobody asked for.
     */
    private static final String VERSION = "engineVersion";

    /** Where the database is reached and how it is named, whichever engine runs it. */
    private record Created(Output<String> endpoint, Output<Integer> port, Output<String> identifier,
                           Output<String> secretArn, List<Resource> readiness) {
    }

    /** What the Aurora and the RDS variant are built from alike. */
    private record Common(String name, DatabaseConfig config, Output<String> engineVersion, Output<String> identifier,
                          Output<String> subnetGroup,
                          Output<String> parameterGroupName, Output<List<String>> securityGroups,
                          Output<String> kmsKeyArn, boolean protect, Output<String> finalSnapshot, StackScope scope,
                          CustomResourceOptions child, CustomResourceOptions stateful,
                          CustomResourceOptions instances) {
    }

    private final Created created;

    public Database(String name, DatabaseConfig config, Output<List<String>> privateSubnetIds,
                    Output<String> securityGroupId, Output<String> kmsKeyArn, StackScope scope,
                    EncryptedLogGroups logGroups, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var protect = scope.protect();
        var child = CustomResourceOptions.builder().parent(this).build();
        var identifier = scope.name("db", NameLimit.DB_IDENTIFIER);
        var logGroup = logGroups.createAt(name + "-logs", identifier.applyValue(id ->
                logGroupName(config.aurora(), id)), this);
        var subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                .name(scope.name("db", NameLimit.DB_SUBNET_GROUP))
                .description("Private subnets of the database")
                .subnetIds(privateSubnetIds)
                .tags(scope.commonTags())
                .build(), child);
        var common = new Common(name, config, engineVersion(config, this), identifier, subnets.name(),
                // The family is in the name: a major upgrade creates the new group before the old one is deleted.
                scope.name("db-" + config.parameterGroupFamily(), NameLimit.DB_PARAMETER_GROUP),
                securityGroupId.applyValue(List::of), kmsKeyArn,
                protect, protect ? identifier.applyValue(id -> id + "-final") : Output.ofNullable(null), scope, child,
                // The log group must exist before RDS starts exporting, or RDS creates its own without expiry.
                CustomResourceOptions.builder().parent(this).protect(protect).dependsOn(logGroup)
                        .ignoreChanges(VERSION).build(),
                CustomResourceOptions.builder().parent(this).ignoreChanges(VERSION).build());
        this.created = config.aurora() ? aurora(common) : rds(common);
        registerOutputs(Map.of("endpoint", created.endpoint(), "port", created.port(), "secretArn",
                created.secretArn()));
    }

    private static Created aurora(Common c) {
        var config = c.config();
        var parameters = new ClusterParameterGroup(c.name() + "-params", ClusterParameterGroupArgs.builder()
                .name(c.parameterGroupName())
                .family(config.parameterGroupFamily())
                .description(TLS_REQUIRED)
                .parameters(ClusterParameterGroupParameterArgs.builder().name(FORCE_SSL).value("1").build())
                .tags(c.scope().commonTags())
                .build(), c.child());
        var args = ClusterArgs.builder()
                .clusterIdentifier(c.identifier())
                .engine(DatabaseEngine.AURORA.configValue())
                .engineMode("provisioned")
                .engineVersion(c.engineVersion())
                .databaseName(config.databaseName())
                .masterUsername(config.masterUsername())
                .manageMasterUserPassword(true)
                .masterUserSecretKmsKeyId(c.kmsKeyArn())
                .storageEncrypted(true)
                .kmsKeyId(c.kmsKeyArn())
                .dbSubnetGroupName(c.subnetGroup())
                .dbClusterParameterGroupName(parameters.name())
                .vpcSecurityGroupIds(c.securityGroups())
                .port(config.port())
                .backupRetentionPeriod(config.backupRetentionDays())
                .copyTagsToSnapshot(true)
                .enabledCloudwatchLogsExports(EXPORTED_LOG)
                .iamDatabaseAuthenticationEnabled(config.iamAuthentication())
                .deletionProtection(c.protect())
                .skipFinalSnapshot(!c.protect())
                .finalSnapshotIdentifier(c.finalSnapshot())
                .tags(c.scope().commonTags());
        if (config.serverless()) {
            args.serverlessv2ScalingConfiguration(ClusterServerlessv2ScalingConfigurationArgs.builder()
                    .minCapacity(config.serverlessMinCapacity().orElseThrow())
                    .maxCapacity(config.serverlessMaxCapacity().orElseThrow())
                    .build());
        }
        var cluster = new Cluster(c.name(), args.build(), c.stateful());
        // An Aurora cluster takes connections only once its writer instance is available.
        var readiness = new ArrayList<Resource>(List.of(cluster));
        // The first instance is the writer (promotion tier 0); the others are readers, placed by RDS in other AZs.
        for (int i = 0; i < config.instances(); i++) {
            var index = i + 1;
            var instance = ClusterInstanceArgs.builder()
                    .identifier(c.identifier().applyValue(id -> instanceIdentifier(id, index)))
                    .clusterIdentifier(cluster.id())
                    .engine(DatabaseEngine.AURORA.configValue())
                    // No version: an Aurora instance runs its cluster's. A version set here would be today's
                    // default minor when an instance is added later, which RDS refuses once the cluster has moved
                    // on ("does not match the engine version of your DB cluster", terraform-provider-aws #3557).
                    .instanceClass(config.instanceClass())
                    .dbSubnetGroupName(c.subnetGroup())
                    .publiclyAccessible(false)
                    .autoMinorVersionUpgrade(true)
                    .caCertIdentifier(CA_CERTIFICATE)
                    .promotionTier(i)
                    .performanceInsightsEnabled(config.performanceInsights())
                    .tags(c.scope().commonTags());
            if (config.performanceInsights()) {
                instance.performanceInsightsKmsKeyId(c.kmsKeyArn())
                        .performanceInsightsRetentionPeriod(PERFORMANCE_INSIGHTS_RETENTION_DAYS);
            }
            readiness.add(new ClusterInstance(c.name() + "-" + index, instance.build(), c.instances()));
        }
        return new Created(cluster.endpoint(), cluster.port(), cluster.clusterIdentifier(),
                cluster.masterUserSecrets().applyValue(secrets -> secrets.get(0).secretArn().orElseThrow()),
                readiness);
    }

    private static Created rds(Common c) {
        var config = c.config();
        var parameters = new ParameterGroup(c.name() + "-params", ParameterGroupArgs.builder()
                .name(c.parameterGroupName())
                .family(config.parameterGroupFamily())
                .description(TLS_REQUIRED)
                .parameters(ParameterGroupParameterArgs.builder().name(FORCE_SSL).value("1").build())
                .tags(c.scope().commonTags())
                .build(), c.child());
        var args = InstanceArgs.builder()
                .identifier(c.identifier())
                .engine(DatabaseEngine.RDS.configValue())
                .engineVersion(c.engineVersion())
                .instanceClass(config.instanceClass())
                .allocatedStorage(config.allocatedStorage())
                .maxAllocatedStorage(config.maxAllocatedStorage())
                .storageType("gp3")
                .storageEncrypted(true)
                .kmsKeyId(c.kmsKeyArn())
                .dbName(config.databaseName())
                .username(config.masterUsername())
                .manageMasterUserPassword(true)
                .masterUserSecretKmsKeyId(c.kmsKeyArn())
                .dbSubnetGroupName(c.subnetGroup())
                .parameterGroupName(parameters.name())
                .vpcSecurityGroupIds(c.securityGroups())
                .multiAz(config.multiAz())
                .publiclyAccessible(false)
                .port(config.port())
                .backupRetentionPeriod(config.backupRetentionDays())
                .copyTagsToSnapshot(true)
                .enabledCloudwatchLogsExports(EXPORTED_LOG)
                .autoMinorVersionUpgrade(true)
                .caCertIdentifier(CA_CERTIFICATE)
                .iamDatabaseAuthenticationEnabled(config.iamAuthentication())
                .performanceInsightsEnabled(config.performanceInsights())
                .deletionProtection(c.protect())
                .skipFinalSnapshot(!c.protect())
                .finalSnapshotIdentifier(c.finalSnapshot())
                .tags(c.scope().commonTags());
        if (config.performanceInsights()) {
            args.performanceInsightsKmsKeyId(c.kmsKeyArn())
                    .performanceInsightsRetentionPeriod(PERFORMANCE_INSIGHTS_RETENTION_DAYS);
        }
        var instance = new Instance(c.name(), args.build(), c.stateful());
        return new Created(instance.address(), instance.port(), instance.identifier(),
                instance.masterUserSecrets().applyValue(secrets -> secrets.get(0).secretArn().orElseThrow()),
                List.of(instance));
    }

    /**
     * The version to create the database at: the pinned major.minor, or AWS's default minor of the configured
     * major, looked up (DescribeDBEngineVersions with DefaultOnly: "only the default version of the specified
     * engine or the engine and major version combination"; terraform-provider-aws v5
     * engine_version_data_source.go passes version and default_only straight to it). A hard-coded minor goes stale:
     * Aurora and RDS stop offering non-LTS minors for new databases after about a year. After creation the
     * version is ignored (see {@link #VERSION}), so the next default does not upgrade a running database.
     */
    static Output<String> engineVersion(DatabaseConfig config, com.pulumi.resources.Resource parent) {
        return config.pinnedVersion().map(Output::of).orElseGet(() -> RdsFunctions.getEngineVersion(
                GetEngineVersionArgs.builder()
                        .engine(config.engine().configValue())
                        .version(config.majorVersion())
                        .defaultOnly(true)
                        .build(),
                InvokeOptions.builder().parent(parent).build()).applyValue(GetEngineVersionResult::versionActual));
    }

    /** The {@code index}-th (from 1) instance of an Aurora cluster: {@code <cluster identifier>-<index>}. */
    public static String instanceIdentifier(String clusterIdentifier, int index) {
        return clusterIdentifier + "-" + index;
    }

    /** Where RDS exports the PostgreSQL log: {@code /aws/rds/cluster|instance/<identifier>/postgresql}. */
    public static String logGroupName(boolean aurora, String identifier) {
        return "/aws/rds/" + (aurora ? "cluster" : "instance") + "/" + identifier + "/" + EXPORTED_LOG;
    }

    /** The host name clients connect to (the writer, for Aurora). */
    public Output<String> endpoint() {
        return created.endpoint();
    }

    public Output<Integer> port() {
        return created.port();
    }

    /** The Secrets Manager secret RDS manages: JSON with {@code username} and {@code password}. */
    public Output<String> secretArn() {
        return created.secretArn();
    }

    /**
     * What must be available before a service's first task connects: the RDS instance, or the Aurora cluster
     * and its instances (the cluster resource is done before any instance can serve).
     */
    public List<Resource> readiness() {
        return created.readiness();
    }

    /** The cluster (Aurora) or instance (RDS) identifier, as CloudWatch dimensions name it. */
    public Output<String> identifier() {
        return created.identifier();
    }
}
