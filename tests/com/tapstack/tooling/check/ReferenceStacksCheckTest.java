package com.tapstack.tooling.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quiet case of every rule: the reference stacks, which must be free of findings, but for the two that tell
 * a protected environment it still needs HTTPS and a web ACL (prod shows both as a commented example, because
 * they need a domain of the user's).
 */
class ReferenceStacksCheckTest {

    /** What the reference prod is told on purpose: it serves plain HTTP without a web ACL until a domain is set. */
    static final java.util.Set<String> PROD_NEEDS_A_DOMAIN = java.util.Set.of("TAP506", "TAP507");

    static Stream<Arguments> everyRuleOnEveryStack() {
        return RuleCatalog.all().stream().flatMap(rule -> Stream.of(Arguments.of(rule.id(), "dev", false),
                Arguments.of(rule.id(), "prod", true)))
                .filter(args -> !(args.get()[1].equals("prod") && PROD_NEEDS_A_DOMAIN.contains((String) args.get()[0])));
    }

    @ParameterizedTest(name = "{0} is quiet on {1}")
    @MethodSource("everyRuleOnEveryStack")
    void theReferenceStacksRaiseNoFinding(String ruleId, String stack, boolean protectedEnvironment) {
        var rule = RuleCatalog.byId(ruleId).orElseThrow();

        assertThat(rule.check(new CheckContext(Reference.plan(stack), protectedEnvironment))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theReferenceStacksPassTheWholeCheck(String stack) {
        var report = Checker.check(Reference.plan(stack), Reference.config(stack));

        assertThat(report.findings()).extracting(f -> f.rule().id())
                .containsExactlyInAnyOrderElementsOf(stack.equals("prod") ? PROD_NEEDS_A_DOMAIN : java.util.Set.of());
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        assertThat(report.blocking()).isFalse();
        assertThat(report.rules()).hasSize(RuleCatalog.all().size());
    }

    /** Every module switched on, RDS instead of Aurora in dev, HTTPS with a requested certificate in prod. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyModuleOnStillChecksClean(String stack) {
        var prod = stack.equals("prod");
        var values = Reference.values(stack)
                .set(Reference.NS + "database", prod ? java.util.Map.of("instanceClass", "db.r7g.large", "instances", 3)
                        : java.util.Map.of("engine", "postgres", "instanceClass", "db.t4g.micro"))
                .set(Reference.NS + "parameters", java.util.Map.of("LOG_LEVEL", java.util.Map.of("type", "String", "value", "debug"),
                        "API_TOKEN", java.util.Map.of("type", "SecureString", "value",
                                java.util.Map.of("secure", "v1:AAABAGhlbGxv"))))
                .set(Reference.NS + "https", prod ? java.util.Map.of("domainName", "app.shop.io") : java.util.Map.of(
                        "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/"
                                + "0a1b2c3d-1111-2222-3333-444455556666"))
                .set(Reference.NS + "dns", java.util.Map.of("zoneId", "Z0123456789ABCDEFGHIJ", "recordName", "app.shop.io"))
                .set(Reference.NS + "waf", java.util.Map.of())
                .set(Reference.NS + "endpoints", java.util.Map.of("interfaces", java.util.List.of("ecr.api", "ecr.dkr", "logs",
                        "secretsmanager", "ssm", "ssmmessages", "kms", "sts", "monitoring")))
                .set(Reference.NS + "albLogs", java.util.Map.of())
                .set(Reference.NS + "alarms", java.util.Map.of("emails", java.util.List.of("oncall@shop.io")))
                .setIn(Reference.NS + "services", "api.database", true)
                .setIn(Reference.NS + "services", "worker.database", true)
                .setIn(Reference.NS + "services", "worker.secrets", java.util.Map.of("TOKEN",
                        java.util.Map.of("parameter", "API_TOKEN")))
                .toMap();
        var config = Reference.load(stack, values);

        var report = Checker.check(com.tapstack.tooling.offline.OfflineEngine.plan(config, stack), config);

        assertThat(report.findings()).isEmpty();
    }

    static Stream<String> stacks() {
        return Stream.of("dev", "prod");
    }
}
