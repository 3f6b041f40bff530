package com.tapstack.encryption;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StackKeyTest {

    private static final String KEY = "aws:kms/key:Key";
    private static final String ALIAS = "aws:kms/alias:Alias";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

    @Test
    void keyPolicyKeepsTheRootInControlAndLetsRegionalLogsUseItOnlyForThisStacksLogGroups() {
        var key = Reference.plan("prod").byType(KEY).get(0);

        assertThat(json(key, "policy")).isEqualTo(json(Reference.expand("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "EnableRootAccountControl", "Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                   "Action": ["kms:*"], "Resource": ["*"]},
                  {"Sid": "AllowCloudWatchLogsForThisStack", "Effect": "Allow",
                   "Principal": {"Service": "logs.us-east-1.amazonaws.com"},
                   "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                   "Resource": ["*"],
                   "Condition": {"ArnLike": {
                     "kms:EncryptionContext:aws:logs:arn": [
                       "arn:aws:logs:us-east-1:123456789012:log-group:{p}prod-core-*",
                       "arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-{p}prod-core-*",
                       "arn:aws:logs:us-east-1:123456789012:log-group:/aws/rds/*/{p}prod-core-*"]}}},
                  {"Sid": "AllowCloudWatchAlarmsToEncryptedTopic", "Effect": "Allow",
                   "Principal": {"Service": "cloudwatch.amazonaws.com"},
                   "Action": ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource": ["*"]}
                ]}""")));
    }

    @Test
    void withoutAlarmsCloudWatchGetsNoUseOfTheKey() {
        var key = Reference.plan("dev").byType(KEY).get(0);

        assertThat(key.inputString("policy")).doesNotContain("cloudwatch.amazonaws.com");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theLogsConditionCoversEveryLogGroupOfTheStackAndNoOtherDeployment(String stack) {
        var plan = Reference.plan(stack);
        var key = plan.byType(KEY).get(0);
        var patterns = com.google.gson.JsonParser.parseString(key.inputString("policy")).getAsJsonObject()
                .getAsJsonArray("Statement").get(1).getAsJsonObject().getAsJsonObject("Condition")
                .getAsJsonObject("ArnLike").getAsJsonArray("kms:EncryptionContext:aws:logs:arn").asList().stream()
                .map(com.google.gson.JsonElement::getAsString).toList();

        assertThat(plan.byType(LOG_GROUP)).hasSizeGreaterThanOrEqualTo(4).allSatisfy(group -> {
            assertThat(patterns).as(group.inputString("name"))
                    .anyMatch(pattern -> arnLike(pattern, (String) group.output("arn")));
            assertThat(group.input("kmsKeyId")).isEqualTo(key.output("arn"));
        });
        assertThat(patterns).noneMatch(pattern -> arnLike(pattern,
                "arn:aws:logs:us-east-1:123456789012:log-group:" + Reference.P + stack + "x-other-api"));
        assertThat(patterns).noneMatch(pattern -> arnLike(pattern,
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/rds/cluster/someone-else/postgresql"));
    }

    /** IAM's ArnLike: * matches any run of characters, ? one. */
    private static boolean arnLike(String pattern, String arn) {
        var regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return arn.matches(regex);
    }

    @Test
    void theKeyPolicyFollowsTheRegionAndAccountOfTheStack() {
        var values = Reference.values("dev").set("aws:region", "eu-central-1")
                .set("aws:allowedAccountIds", java.util.List.of("210987654321")).toMap();
        var key = Reference.plan("dev", values).byType(KEY).get(0);

        assertThat(key.inputString("policy"))
                .contains("\"AWS\":\"arn:aws:iam::210987654321:root\"")
                .contains("\"Service\":\"logs.eu-central-1.amazonaws.com\"")
                .contains("arn:aws:logs:eu-central-1:210987654321:log-group:" + Reference.P + "dev-");
    }

    @Test
    void keyRotatesAndItsDeletionWindowAndProtectionFollowTheEnvironment() {
        var dev = Reference.plan("dev").byType(KEY).get(0);
        var prod = Reference.plan("prod").byType(KEY).get(0);

        assertThat(dev.input("enableKeyRotation")).isEqualTo(true);
        assertThat(dev.input("customerMasterKeySpec")).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(dev.input("deletionWindowInDays")).isEqualTo(7L);
        assertThat(dev.protect()).isFalse();
        assertThat(prod.input("enableKeyRotation")).isEqualTo(true);
        assertThat(prod.input("deletionWindowInDays")).isEqualTo(30L);
        assertThat(prod.protect()).isTrue();
    }

    @Test
    void aliasPointsAtTheKey() {
        var plan = Reference.plan("prod");

        assertThat(plan.byType(ALIAS)).singleElement().satisfies(alias -> {
            assertThat(alias.input("name")).isEqualTo("alias/" + Reference.P + "prod-core-stack-key");
            assertThat(alias.input("targetKeyId")).isEqualTo(plan.byType(KEY).get(0).output("keyId"));
        });
    }
}
