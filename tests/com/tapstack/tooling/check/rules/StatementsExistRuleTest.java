package com.tapstack.tooling.check.rules;

import static com.tapstack.support.BrokenConfig.broken;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanEditor;
import com.tapstack.support.StackValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TAP307 over every policy a plan holds, and the loader on a service's permissions: actions, resources and
 * condition keys must exist in AWS's Service Authorization Reference.
 */
class StatementsExistRuleTest {

    private static final String P = Fixtures.project().name() + "-";
    private static final String BUCKET = "arn:aws:s3:::shop-reports";
    private static final String REFERENCE = "; allowed: actions and ARNs of AWS's Service Authorization Reference"
            + " (2026-09-26; tools/refresh-iam-reference updates it)";

    @Test
    void tap307ReportsAMisspeltActionAndAnUnknownConditionKeyInAPolicyTheProgramBuilt() {
        var edited = PlanEditor.of(Fixtures.plan(Fixtures.FULL)).set("aws:iam/rolePolicy:RolePolicy",
                P + "orders-execution-policy", "policy", """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                          "Action": ["ecr:BatchGetImages"], "Resource": ["arn:aws:ecr:eu-west-1:123456789012:repository/x"]},
                          {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["*"],
                           "Condition": {"StringEquals": {"kms:ViaServices": "ssm.eu-west-1.amazonaws.com"}}}]}""");

        assertThat(Checks.findings(edited.build(), true, "TAP307")).extracting(f -> f.message()).containsExactly(
                "ecr:BatchGetImages is not an action of ecr (Service Authorization Reference of 2026-09-26)",
                "condition key kms:ViaServices is neither a global key nor one of kms");
    }

    @Test
    void everyPolicyOfThePlansPasses() {
        assertThat(Checks.findings(Fixtures.plan(Fixtures.FULL), true, "TAP307")).isEmpty();
        assertThat(Checks.findings(Fixtures.plan(Fixtures.SMALL), false, "TAP307")).isEmpty();
    }

    static Stream<Arguments> permissions() {
        return Stream.of(
                broken("an action that does not exist", v -> permission(v, "s3:GetObjects", BUCKET + "/*"),
                        "Pulumi.full.yaml: shop:services.mailer.permissions[0]: s3:GetObjects is not an action of s3"
                                + " (Service Authorization Reference of 2026-09-26)" + REFERENCE),
                broken("a service that does not exist", v -> permission(v, "s4:GetObject", BUCKET + "/*"),
                        "Pulumi.full.yaml: shop:services.mailer.permissions[0]: s4:GetObject: s4 is not a service prefix"
                                + " of AWS's Service Authorization Reference (2026-09-26)" + REFERENCE),
                broken("a log group where the action takes a log stream", v -> permission(v, "logs:PutLogEvents",
                                "arn:aws:logs:eu-west-1:123456789012:log-group:audit"),
                        "Pulumi.full.yaml: shop:services.mailer.permissions[0]: logs:PutLogEvents takes log-stream"
                                + " (arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:"
                                + "${LogStreamName}), and none of arn:aws:logs:eu-west-1:123456789012:log-group:audit"
                                + " is one" + REFERENCE),
                broken("a bucket where the action takes an object", v -> permission(v, "s3:PutObject", BUCKET),
                        "Pulumi.full.yaml: shop:services.mailer.permissions[0]: s3:PutObject takes accesspointobject"
                                + " (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/"
                                + "${ObjectName}) or object (arn:${Partition}:s3:::${BucketName}/${ObjectName}), and none"
                                + " of arn:aws:s3:::shop-reports is one" + REFERENCE));
    }

    private static StackValues permission(StackValues values, String action, String resource) {
        return values.setIn(Fixtures.key("services"), "mailer.permissions", List.of(Map.of("actions", List.of(action),
                "resources", List.of(resource))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permissions")
    void aServicesPermissionIsValidatedWhenTheStackFileLoads(String what, UnaryOperator<StackValues> edit,
                                                           String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.FULL, edit, message);
    }
}
