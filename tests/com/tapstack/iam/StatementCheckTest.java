package com.tapstack.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IAM statements checked against AWS's Service Authorization Reference, as IAM Access Analyzer does online. */
class StatementCheckTest {

    private static final String GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:shop-qa-t1-mailer";

    private static List<String> problems(String action, String resource) {
        return StatementCheck.problems(List.of(action), List.of(resource), List.of(), false);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "s3:GetObject, arn:aws:s3:::shop-reports/*",
            "s3:ListBucket, arn:aws:s3:::shop-reports",
            "logs:PutLogEvents, " + GROUP + ":*",
            "logs:CreateLogStream, " + GROUP + ":log-stream:*",
            "ecr:GetAuthorizationToken, *",
            "ssmmessages:OpenDataChannel, *",
            "secretsmanager:GetSecretValue, arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/smtp-AbCdEf",
            "kms:Decrypt, arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666",
            "S3:getobject, arn:aws:s3:::shop-reports/x"})
    void validStatementsPass(String action, String resource) {
        assertThat(problems(action, resource)).isEmpty();
    }

    @Test
    void anActionThatDoesNotExistIsNamed() {
        assertThat(problems("s3:GetObjects", "arn:aws:s3:::shop-reports/*")).singleElement().asString()
                .startsWith("s3:GetObjects is not an action of s3 (Service Authorization Reference of 20");
        assertThat(problems("s4:GetObject", "arn:aws:s3:::shop-reports/*")).singleElement().asString()
                .startsWith("s4:GetObject: s4 is not a service prefix of AWS's Service Authorization Reference");
    }

    @Test
    void anArnOfNoResourceTypeTheActionTakesIsNamed() {
        assertThat(problems("logs:PutLogEvents", GROUP)).containsExactly("logs:PutLogEvents takes log-stream"
                + " (arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}),"
                + " and none of " + GROUP + " is one");
        assertThat(problems("s3:GetObject", "arn:aws:s3:::shop-reports")).singleElement().asString()
                .startsWith("s3:GetObject takes accesspointobject (").contains(" or object (arn:${Partition}:s3:::");
    }

    @Test
    void starGrantsEveryActionAndIsRequiredWhereTheActionTakesNoResourceType() {
        // "*" matches a resource of every type, so IAM grants these (too broadly, which other rules report).
        assertThat(problems("sqs:SendMessage", "*")).isEmpty();
        assertThat(problems("cloudwatch:PutMetricData", "*")).isEmpty();
        assertThat(problems("application-autoscaling:RegisterScalableTarget", "*")).isEmpty();
        assertThat(problems("ecr:GetAuthorizationToken", "arn:aws:ecr:us-east-1:123456789012:repository/shop"))
                .containsExactly("ecr:GetAuthorizationToken has no resource types, so only \"*\" grants it, not"
                        + " arn:aws:ecr:us-east-1:123456789012:repository/shop");
        assertThat(StatementCheck.problems(List.of("kms:Decrypt"), List.of("*"), List.of(), true)).isEmpty();
    }

    @Test
    void identityProviderKeysAndPlaceholdersMatchAsIamReadsThem() {
        // Web identity keys name their provider: every OIDC provider has its own, so none is listed.
        assertThat(StatementCheck.problems(List.of("sts:AssumeRoleWithWebIdentity"), List.of("*"), List.of(
                "token.actions.githubusercontent.com:sub", "oidc.eks.us-east-1.amazonaws.com/id/ABCDEF:aud"), true))
                .isEmpty();
        // A placeholder inside a key is one part, not the rest of the key.
        assertThat(StatementCheck.problems(List.of("kms:Decrypt"), List.of("*"), List.of("aws:RequestTag/team/a:b"),
                true)).isEmpty();
        assertThat(StatementCheck.problems(List.of("kms:Decrypt"), List.of("*"), List.of("aws:PrincipalTag"), true))
                .hasSize(1);
    }

    @Test
    void longValuesAreCutInTheMessage() {
        var action = "s3:" + "x".repeat(5000);

        assertThat(problems(action, "*")).singleElement().satisfies(p -> assertThat(p).hasSizeLessThan(300)
                .contains("(5003 characters)"));
    }

    @Test
    void conditionKeysMustBeGlobalOrOfTheStatementsServices() {
        var keys = List.of("aws:SourceArn", "aws:ResourceTag/team", "kms:ViaService",
                "kms:EncryptionContext:aws:logs:arn", "kms:EncryptionContextKeys");
        assertThat(StatementCheck.problems(List.of("kms:Decrypt"), List.of("*"), keys, true)).isEmpty();

        assertThat(StatementCheck.problems(List.of("kms:Decrypt"), List.of("*"), List.of("kms:ViaServices",
                "s3:prefix"), true)).containsExactly(
                        "condition key kms:ViaServices is neither a global key nor one of kms",
                        "condition key s3:prefix is neither a global key nor one of kms");
    }

    @Test
    void globsOverlapWhenSomeTextMatchesBoth() {
        assertThat(Globs.overlap("arn:aws:logs:r:a:log-group:app:*", "arn:*:logs:*:*:log-group:*:log-stream:*"))
                .isTrue();
        assertThat(Globs.overlap("arn:aws:logs:r:a:log-group:app", "arn:*:logs:*:*:log-group:*:log-stream:*"))
                .isFalse();
        assertThat(Globs.overlap("a?c", "*b*")).isTrue();
        assertThat(Globs.overlap("abc", "abd")).isFalse();
    }

    @Test
    void globsMatchWildcardsAndTakeEverythingElseLiterally() {
        assertThat(Globs.toRegex("arn:aws:s3:::app.logs/*").matcher("arn:aws:s3:::app.logs/a/b").matches()).isTrue();
        assertThat(Globs.toRegex("arn:aws:s3:::app.logs/*").matcher("arn:aws:s3:::appXlogs/a").matches()).isFalse();
        assertThat(Globs.toRegex("ecs:Describe?").matcher("ecs:DescribeX").matches()).isTrue();
        assertThat(Globs.toRegex("ecs:Describe?").matcher("ecs:DescribeXY").matches()).isFalse();
        assertThat(Globs.toRegex("a\\E(b)*").matcher("a\\E(b)\nc").matches()).isTrue();
        assertThat(Globs.toRegex("*").matcher("").matches()).isTrue();
        assertThat(Globs.toRegex("").matcher("").matches()).isTrue();
        assertThat(Globs.toRegex("").matcher("a").matches()).isFalse();
    }
}
