package com.tapstack.tooling.check.rules;

import static com.tapstack.support.Checks.editProd;
import static com.tapstack.support.Checks.prod;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.PlanEditor;
import com.tapstack.support.Reference;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The firing case of each TAP9xx rule, injected into the prod plan (the quiet case is ReferenceStacksCheckTest). */
class DatabaseAndModuleRulesTest {

    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:"
            + "BucketServerSideEncryptionConfigurationV2";
    private static final String POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    private static final String TOPIC = "aws:sns/topic:Topic";

    @Test
    void tap901AnAuroraInstanceOnAClassAuroraDoesNotOffer() {
        assertThat(prod(editProd().set(INSTANCE, Reference.P + "database-1", "instanceClass", "db.t3.micro"), "TAP901"))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.resource().name()).isEqualTo(Reference.P + "database-1");
                    assertThat(f.message()).isEqualTo("aurora-postgresql has no db.t3.micro instances; use"
                            + " db.t4g.medium or larger, or db.serverless");
                });
    }

    @Test
    void tap902PerformanceInsightsOnASmallMysqlClass() {
        var edited = editProd().set(INSTANCE, Reference.P + "database-2", "engine", "aurora-mysql")
                .set(INSTANCE, Reference.P + "database-2", "instanceClass", "db.t3.small");

        assertThat(prod(edited, "TAP902")).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "enables Performance Insights, which aurora-mysql does not offer on db.t3.small; use a larger class"
                        + " or set performanceInsightsEnabled false"));
        assertThat(prod(editProd().set(INSTANCE, Reference.P + "database-2", "instanceClass", "db.t4g.medium"), "TAP902"))
                .isEmpty();
    }

    @Test
    void tap903APubliclyAccessibleDatabase() {
        assertThat(prod(editProd().set(INSTANCE, Reference.P + "database-1", "publiclyAccessible", true), "TAP903"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void tap904UnencryptedStorage() {
        assertThat(prod(editProd().remove(CLUSTER, Reference.P + "database", "storageEncrypted"), "TAP904"))
                .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                        "stores data unencrypted; set storageEncrypted with the stack key as kmsKeyId"));
    }

    @Test
    void tap905APasswordInConfigurationAndState() {
        var edited = editProd().remove(CLUSTER, Reference.P + "database", "manageMasterUserPassword")
                .set(CLUSTER, Reference.P + "database", "masterPassword", "hunter2hunter2");

        assertThat(prod(edited, "TAP905")).singleElement().satisfies(f -> assertThat(f.message()).startsWith(
                "sets the master password itself, so it is in the state"));
        assertThat(prod(editProd().remove(CLUSTER, Reference.P + "database", "manageMasterUserPassword"), "TAP905"))
                .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                        "has no master password source; set manageMasterUserPassword"));
    }

    @Test
    void tap906ASingleInstanceInAProtectedEnvironment() {
        var edited = editProd().removeResource(INSTANCE, Reference.P + "database-2");

        assertThat(prod(edited, "TAP906")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).isEqualTo("has 1 instance; a reader in a second AZ takes over when the writer"
                    + " fails (" + Reference.NS + "database.instances: 2)");
        });
        assertThat(Checks.findings(editProd().removeResource(INSTANCE, Reference.P + "database-2").build(), false, "TAP906"))
                .isEmpty();
    }

    @Test
    void tap907AFinalSnapshotWithoutAName() {
        assertThat(prod(editProd().remove(CLUSTER, Reference.P + "database", "finalSnapshotIdentifier"), "TAP907"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void tap911AccessLogsToAKmsBucketOrOneWhosePolicyLeavesElbOut() {
        assertThat(prod(editProd().set(ENCRYPTION, Reference.P + "alb-logs-encryption",
                "rules", List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms")))),
                "TAP911")).singleElement().satisfies(f -> {
                    assertThat(f.resource().name()).isEqualTo(Reference.P + "alb-logs-encryption");
                    assertThat(f.message()).isEqualTo("encrypts the access-log bucket with aws:kms; ELB log delivery"
                            + " supports only SSE-S3 (AES256)");
                });
        var denyOnly = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
        assertThat(prod(editProd().set(POLICY, Reference.P + "alb-logs-policy", "policy", denyOnly), "TAP911"))
                .singleElement().satisfies(f -> assertThat(f.resource().name()).isEqualTo(Reference.P + "alb-logs"));
        assertThat(prod(editProd().removeResource(POLICY, Reference.P + "alb-logs-policy"), "TAP911")).hasSize(1);
    }

    @Test
    void tap912ABucketWithoutACompletePublicAccessBlock() {
        var block = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
        assertThat(prod(editProd().removeResource(block, Reference.P + "alb-logs-public-access"), "TAP912")).hasSize(1);
        assertThat(prod(editProd().set(block, Reference.P + "alb-logs-public-access", "restrictPublicBuckets", false), "TAP912"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void tap913ABucketThatTakesPlainHttp() {
        var deliveryOnly = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::127311923021:root\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::b/alb/*\"}]}";
        assertThat(prod(editProd().set(POLICY, Reference.P + "alb-logs-policy", "policy", deliveryOnly), "TAP913"))
                .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("has no policy statement denying"
                        + " requests without TLS (aws:SecureTransport false)"));
    }

    @Test
    void tap914AccessLogsKeptForever() {
        assertThat(prod(editProd().removeResource("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                Reference.P + "alb-logs-lifecycle"), "TAP914")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void tap915AlarmsToATopicCloudWatchCannotEncryptFor() {
        assertThat(prod(editProd().set(TOPIC, Reference.P + "alarms", "kmsMasterKeyId", "alias/aws/sns"), "TAP915"))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith("is encrypted with the AWS managed"
                        + " key alias/aws/sns, which CloudWatch may not use"));
        var logsOnly = Reference.plan("dev").byType("aws:kms/key:Key").get(0).inputString("policy");
        assertThat(prod(editProd().set("aws:kms/key:Key", Reference.P + "key", "policy", logsOnly), "TAP915"))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith(
                        "is encrypted with a key whose policy does not let CloudWatch"));
    }

    @Test
    void tap916AnUnencryptedTopic() {
        assertThat(prod(editProd().remove(TOPIC, Reference.P + "alarms", "kmsMasterKeyId"), "TAP916")).hasSize(1);
    }

    @Test
    void tap917APlaceholderParameter() {
        assertThat(prod(editProd().set("aws:ssm/parameter:Parameter", Reference.P + "parameters-LOG_LEVEL", "value", "changeme"),
                "TAP917")).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.message()).isEqualTo("holds the placeholder \"changeme\"; set the real value"
                            + " (" + Reference.NS + "parameters)");
                });
    }

    private static PlanEditor withWaf() {
        return PlanEditor.of(Reference.plan("prod", Reference.values("prod").set(Reference.NS + "waf", Map.of()).toMap()));
    }

    @Test
    void tap918WafLoggingToAnyOtherLogGroup() {
        var edited = withWaf().set("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", Reference.P + "waf-logging",
                "logDestinationConfigs", List.of("arn:aws:logs:us-east-1:123456789012:log-group:" + Reference.P + "prod-core-waf"));

        assertThat(Checks.findings(edited.build(), true, "TAP918")).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("logs to log group " + Reference.P + "prod-core-waf; WAF requires names that start with aws-waf-logs-"));
        // Only the plain-HTTP finding of a protected environment without tap:https remains.
        assertThat(Checks.findings(withWaf().build(), true)).extracting(f -> f.rule().id()).containsOnly("TAP506");
    }

    @Test
    @SuppressWarnings("unchecked")
    void tap919TwoRulesWithOnePriority() {
        var plan = Reference.plan("prod", Reference.values("prod").set(Reference.NS + "waf", Map.of()).toMap());
        var rules = new java.util.ArrayList<Object>((List<Object>) plan.named("aws:wafv2/webAcl:WebAcl", Reference.P + "waf")
                .input("rules"));
        var second = new java.util.LinkedHashMap<>((Map<String, Object>) rules.get(1));
        second.put("priority", 10L);
        rules.set(1, second);

        var findings = Checks.findings(PlanEditor.of(plan).set("aws:wafv2/webAcl:WebAcl", Reference.P + "waf", "rules", rules)
                .build(), true, "TAP919");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("has more than one rule with priority 10; give each rule its own"));
    }
}
