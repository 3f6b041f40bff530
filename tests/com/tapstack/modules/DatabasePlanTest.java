package com.tapstack.modules;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.PlanAssertions;
import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlanValues;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database module: exact inputs, protection per environment, and who may reach and read it. */
class DatabasePlanTest {

    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String INSTANCE = "aws:rds/instance:Instance";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    private static final String POLICY = "aws:iam/rolePolicy:RolePolicy";

    private static String keyArn(Plan plan) {
        return (String) plan.byType("aws:kms/key:Key").get(0).output("arn");
    }

    private static List<String> privateSubnets(Plan plan) {
        return plan.byType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> "private".equals(s.inputAt("tags.Tier"))).map(s -> s.id().orElseThrow()).toList();
    }

    @Test
    void prodRunsAuroraServerlessV2EncryptedWithTheStackKeyAndAManagedPassword() {
        var plan = Reference.plan("prod");
        var cluster = plan.named(CLUSTER, Reference.P + "database");
        var key = keyArn(plan);

        assertThat(cluster.inputs()).containsAllEntriesOf(Map.ofEntries(
                Map.entry("clusterIdentifier", Reference.P + "prod-core-db"),
                Map.entry("engine", "aurora-postgresql"),
                Map.entry("engineMode", "provisioned"),
                Map.entry("engineVersion", "16.8"),
                Map.entry("databaseName", "app"),
                Map.entry("masterUsername", "tapadmin"),
                Map.entry("manageMasterUserPassword", true),
                Map.entry("masterUserSecretKmsKeyId", key),
                Map.entry("storageEncrypted", true),
                Map.entry("kmsKeyId", key),
                Map.entry("dbSubnetGroupName", Reference.P + "prod-core-db"),
                Map.entry("dbClusterParameterGroupName", Reference.P + "prod-core-db-aurora-postgresql16"),
                Map.entry("port", 5432L),
                Map.entry("backupRetentionPeriod", 14L),
                Map.entry("copyTagsToSnapshot", true),
                Map.entry("enabledCloudwatchLogsExports", List.of("postgresql")),
                Map.entry("iamDatabaseAuthenticationEnabled", false),
                Map.entry("deletionProtection", true),
                Map.entry("skipFinalSnapshot", false),
                Map.entry("finalSnapshotIdentifier", Reference.P + "prod-core-db-final"),
                Map.entry("serverlessv2ScalingConfiguration", Map.of("minCapacity", 0.5, "maxCapacity", 8L))));
        assertThat(cluster.input("masterPassword")).isNull();
        assertThat(cluster.protect()).isTrue();
        // AWS applies minor upgrades; the stack must not then try to go back to the configured version.
        assertThat(cluster.ignoreChanges()).containsExactly("engineVersion");
        assertThat(plan.byType(CLUSTER_INSTANCE)).allSatisfy(instance ->
                assertThat(instance.ignoreChanges()).containsExactly("engineVersion"));
        assertThat(cluster.input("vpcSecurityGroupIds")).isEqualTo(List.of(
                plan.find(r -> r.type().equals(SECURITY_GROUP) && r.name().equals(Reference.P + "security-groups-database"))
                        .orElseThrow().id().orElseThrow()));
    }

    @Test
    void prodHasAWriterAndAReaderWithEncryptedPerformanceInsightsAndNoPublicAddress() {
        var plan = Reference.plan("prod");
        var instances = plan.byType(CLUSTER_INSTANCE);

        assertThat(instances).extracting(PlannedResource::name).containsExactly(Reference.P + "database-1", Reference.P + "database-2");
        for (int i = 0; i < instances.size(); i++) {
            assertThat(instances.get(i).inputs()).containsAllEntriesOf(Map.ofEntries(
                    Map.entry("identifier", Reference.P + "prod-core-db-" + (i + 1)),
                    Map.entry("clusterIdentifier", Reference.P + "prod-core-db"),
                    Map.entry("engine", "aurora-postgresql"),
                    Map.entry("instanceClass", "db.serverless"),
                    Map.entry("dbSubnetGroupName", Reference.P + "prod-core-db"),
                    Map.entry("publiclyAccessible", false),
                    Map.entry("autoMinorVersionUpgrade", true),
                    Map.entry("caCertIdentifier", "rds-ca-rsa2048-g1"),
                    Map.entry("promotionTier", (long) i),
                    Map.entry("performanceInsightsEnabled", true),
                    Map.entry("performanceInsightsKmsKeyId", keyArn(plan)),
                    Map.entry("performanceInsightsRetentionPeriod", 7L)));
            assertThat(instances.get(i).input("engineVersion")).isNull();
        }
    }

    @Test
    void theDatabaseLivesInThePrivateSubnetsAndRequiresTls() {
        var plan = Reference.plan("prod");

        var subnets = plan.named("aws:rds/subnetGroup:SubnetGroup", Reference.P + "database-subnets");
        assertThat(subnets.input("name")).isEqualTo(Reference.P + "prod-core-db");
        assertThat(subnets.input("subnetIds")).isEqualTo(privateSubnets(plan));
        assertThat(privateSubnets(plan)).hasSize(3);

        var parameters = plan.named("aws:rds/clusterParameterGroup:ClusterParameterGroup", Reference.P + "database-params");
        assertThat(parameters.input("family")).isEqualTo("aurora-postgresql16");
        assertThat(parameters.input("parameters")).isEqualTo(List.of(Map.of("name", "rds.force_ssl", "value", "1")));
    }

    @Test
    void itsLogGoesToAnEncryptedExpiringGroupCreatedBeforeTheCluster() {
        var plan = Reference.plan("prod");
        var logs = plan.named("aws:cloudwatch/logGroup:LogGroup", Reference.P + "database-logs");
        var cluster = plan.named(CLUSTER, Reference.P + "database");

        assertThat(logs.input("name")).isEqualTo("/aws/rds/cluster/" + Reference.P + "prod-core-db/postgresql");
        assertThat(logs.input("retentionInDays")).isEqualTo(30L);
        assertThat(logs.input("kmsKeyId")).isEqualTo(keyArn(plan));
        assertThat(cluster.dependencies()).contains(logs.urn());
    }

    @Test
    void onlyTheServicesThatUseTheDatabaseMayReachIt() {
        var plan = Reference.plan("prod");
        var database = plan.named(SECURITY_GROUP, Reference.P + "security-groups-database").id().orElseThrow();
        var api = plan.named(SECURITY_GROUP, Reference.P + "security-groups-api").id().orElseThrow();

        var intoDatabase = plan.byType(INGRESS).stream()
                .filter(rule -> database.equals(rule.input("securityGroupId"))).toList();
        assertThat(intoDatabase).singleElement().satisfies(rule -> assertThat(rule.inputs()).containsAllEntriesOf(
                Map.of("referencedSecurityGroupId", api, "ipProtocol", "tcp", "fromPort", 5432L, "toPort", 5432L)));
        var toDatabase = plan.byType(EGRESS).stream()
                .filter(rule -> database.equals(rule.input("referencedSecurityGroupId"))).toList();
        assertThat(toDatabase).singleElement().satisfies(rule -> {
            assertThat(rule.input("securityGroupId")).isEqualTo(api);
            assertThat(rule.input("fromPort")).isEqualTo(5432L);
        });
        assertThat(plan.byType(EGRESS)).noneMatch(rule -> database.equals(rule.input("securityGroupId")));
    }

    @Test
    void onlyTheExecutionRoleOfAServiceThatUsesTheDatabaseMayReadItsSecret() {
        var plan = Reference.plan("prod");
        var secret = (String) plan.outputs().get("databaseSecretArn");

        assertThat(secret).matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-[0-9a-f-]{36}"
                + "-[A-Za-z0-9]{6}");
        assertThat(json(plan.named(POLICY, Reference.P + "api-execution-policy"), "policy")).isEqualTo(json(Reference.expand("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "WriteLogs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                   "Resource": ["arn:aws:logs:us-east-1:123456789012:log-group:{p}prod-core-api:*"]},
                  {"Sid": "ReadParameters", "Effect": "Allow", "Action": ["ssm:GetParameters"],
                   "Resource": ["arn:aws:ssm:us-east-1:123456789012:parameter/{name}/prod/core/LOG_LEVEL"]},
                  {"Sid": "ReadSecrets", "Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"],
                   "Resource": ["%s"]},
                  {"Sid": "DecryptSecrets", "Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["%s"],
                   "Condition": {"StringEquals": {"kms:ViaService": "secretsmanager.us-east-1.amazonaws.com"}}}]}
                """).formatted(secret, keyArn(plan))));
        for (var other : List.of("web", "worker")) {
            assertThat(plan.named(POLICY, Reference.P + other + "-execution-policy").inputString("policy"))
                    .doesNotContain("secretsmanager").doesNotContain("kms:");
        }
        assertThat(plan.byType(POLICY)).filteredOn(p -> p.inputString("policy").contains(secret))
                .extracting(PlannedResource::name).containsExactly(Reference.P + "api-execution-policy");
        assertThat(PlanAssertions.roleAllows(plan, Reference.P + "prod-core-api-execution", "secretsmanager:GetSecretValue",
                secret)).isTrue();
        assertThat(PlanAssertions.roleAllows(plan, Reference.P + "prod-core-api-task", "secretsmanager:GetSecretValue",
                secret)).isFalse();
        assertThat(PlanAssertions.roleAllows(plan, Reference.P + "prod-core-web-execution", "secretsmanager:GetSecretValue",
                secret)).isFalse();
    }

    @Test
    void theServiceThatUsesTheDatabaseGetsItsAddressAndCredentialsBySecretJsonKey() {
        var plan = Reference.plan("prod");
        var secret = (String) plan.outputs().get("databaseSecretArn");
        var api = container(plan, "api");

        assertThat(api.get("environment")).isEqualTo(List.of(
                Map.of("name", "DB_HOST", "value", plan.outputs().get("databaseEndpoint")),
                Map.of("name", "DB_NAME", "value", "app"),
                Map.of("name", "DB_PORT", "value", "5432"),
                Map.of("name", "PGSSLMODE", "value", "require")));
        assertThat(api.get("secrets")).isEqualTo(List.of(
                Map.of("name", "DB_PASSWORD", "valueFrom", secret + ":password::"),
                Map.of("name", "DB_USERNAME", "valueFrom", secret + ":username::"),
                Map.of("name", "LOG_LEVEL", "valueFrom",
                        "arn:aws:ssm:us-east-1:123456789012:parameter/" + Reference.NAME + "/prod/core/LOG_LEVEL")));
        assertThat(container(plan, "worker").get("secrets")).isEqualTo(List.of());
        assertThat(plan.named("aws:ecs/taskDefinition:TaskDefinition", Reference.P + "web-task-definition")
                .inputString("containerDefinitions")).doesNotContain("DB_").doesNotContain(secret);
    }

    @Test
    void anUnprotectedEnvironmentCanDestroyItsDatabase() {
        var plan = Reference.plan("dev", Reference.values("dev")
                .set(Reference.NS + "database", Map.of("instanceClass", "db.t4g.medium"))
                .setIn(Reference.NS + "services", "api.database", true).toMap());
        var cluster = plan.named(CLUSTER, Reference.P + "database");

        assertThat(cluster.input("deletionProtection")).isEqualTo(false);
        assertThat(cluster.input("skipFinalSnapshot")).isEqualTo(true);
        assertThat(cluster.input("finalSnapshotIdentifier")).isNull();
        assertThat(cluster.input("serverlessv2ScalingConfiguration")).isNull();
        assertThat(cluster.input("backupRetentionPeriod")).isEqualTo(7L);
        assertThat(cluster.protect()).isFalse();
        assertThat(plan.byType(CLUSTER_INSTANCE)).singleElement().satisfies(instance -> {
            assertThat(instance.input("instanceClass")).isEqualTo("db.t4g.medium");
            assertThat(instance.input("performanceInsightsEnabled")).isEqualTo(false);
            assertThat(instance.input("performanceInsightsKmsKeyId")).isNull();
        });
    }

    @Test
    void rdsPostgresIsAMultiAzInstanceWithGp3StorageThatGrows() {
        var plan = Reference.plan("prod", Reference.values("prod").set(Reference.NS + "database", Map.of("engine", "postgres",
                "engineVersion", "16.4", "instanceClass", "db.m7g.large", "multiAz", true, "allocatedStorage", 50,
                "maxAllocatedStorage", 200, "iamAuthentication", true)).toMap());
        var instance = plan.named(INSTANCE, Reference.P + "database");
        var key = keyArn(plan);

        assertThat(plan.byType(CLUSTER)).isEmpty();
        assertThat(instance.inputs()).containsAllEntriesOf(Map.ofEntries(
                Map.entry("identifier", Reference.P + "prod-core-db"),
                Map.entry("engine", "postgres"),
                Map.entry("engineVersion", "16.4"),
                Map.entry("instanceClass", "db.m7g.large"),
                Map.entry("allocatedStorage", 50L),
                Map.entry("maxAllocatedStorage", 200L),
                Map.entry("storageType", "gp3"),
                Map.entry("storageEncrypted", true),
                Map.entry("kmsKeyId", key),
                Map.entry("dbName", "app"),
                Map.entry("username", "tapadmin"),
                Map.entry("manageMasterUserPassword", true),
                Map.entry("masterUserSecretKmsKeyId", key),
                Map.entry("multiAz", true),
                Map.entry("publiclyAccessible", false),
                Map.entry("parameterGroupName", Reference.P + "prod-core-db-postgres16"),
                Map.entry("iamDatabaseAuthenticationEnabled", true),
                Map.entry("deletionProtection", true),
                Map.entry("finalSnapshotIdentifier", Reference.P + "prod-core-db-final"),
                Map.entry("enabledCloudwatchLogsExports", List.of("postgresql"))));
        assertThat(instance.protect()).isTrue();
        assertThat(instance.ignoreChanges()).containsExactly("engineVersion");
        assertThat(plan.named("aws:rds/parameterGroup:ParameterGroup", Reference.P + "database-params").input("family"))
                .isEqualTo("postgres16");
        assertThat(plan.named("aws:cloudwatch/logGroup:LogGroup", Reference.P + "database-logs").input("name"))
                .isEqualTo("/aws/rds/instance/" + Reference.P + "prod-core-db/postgresql");
        assertThat(plan.outputs().get("databaseEndpoint")).isEqualTo(instance.output("address"));
        assertThat(plan.outputs().get("databaseSecretArn")).isEqualTo(
                PlanValues.at(instance.outputs(), "masterUserSecrets.0.secretArn"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Plan plan, String service) {
        var definitions = new com.google.gson.Gson().fromJson(plan.named("aws:ecs/taskDefinition:TaskDefinition",
                Reference.P + service + "-task-definition").inputString("containerDefinitions"), List.class);
        return (Map<String, Object>) definitions.stream()
                .filter(c -> service.equals(((Map<String, Object>) c).get("name"))).findFirst().orElseThrow();
    }
}
