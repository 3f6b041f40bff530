package com.tapstack.tooling.check.rules;

import static com.tapstack.support.Checks.dev;
import static com.tapstack.support.Checks.editDev;
import static com.tapstack.support.Checks.editProd;
import static com.tapstack.support.Checks.prod;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingAndLoadBalancerRulesTest {

    private static final String GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String KEY = "aws:kms/key:Key";
    private static final String TG = "aws:lb/targetGroup:TargetGroup";
    private static final String LISTENER = "aws:lb/listener:Listener";

    @Test
    void tap401LogsKeptForever() {
        assertThat(dev(editDev().remove(GROUP, Reference.P + "web-logs", "retentionInDays"), "TAP401")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(dev(editDev().set(GROUP, Reference.P + "web-logs", "retentionInDays", 0L), "TAP401")).hasSize(1);
    }

    @Test
    void tap402ARetentionCloudWatchRejects() {
        assertThat(dev(editDev().set(GROUP, Reference.P + "api-logs", "retentionInDays", 8L), "TAP402")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("retentionInDays 8 is not accepted; use one of 1, 3,"));
    }

    @Test
    void tap403ALogGroupWithoutKms() {
        assertThat(dev(editDev().remove(GROUP, Reference.P + "worker-logs", "kmsKeyId"), "TAP403")).hasSize(1);
    }

    @Test
    void tap404AKeyPolicyWithoutCloudWatchLogs() {
        var rootOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

        var findings = prod(editProd().set(KEY, Reference.P + "key", "policy", rootOnly), "TAP404");

        // Every log group of prod: flow logs, ECS Exec, three services, the database's PostgreSQL log.
        assertThat(findings).hasSize(6).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).contains("does not let logs.us-east-1.amazonaws.com use it");
        });
    }

    @Test
    void tap404AConditionThatLeavesAGroupOut() {
        var plan = com.tapstack.support.Reference.plan("prod");
        var narrowed = plan.named(KEY, Reference.P + "key").inputString("policy")
                .replace("log-group:" + Reference.P + "prod-core-*", "log-group:" + Reference.P + "prod-core-web");

        var findings = prod(editProd().set(KEY, Reference.P + "key", "policy", narrowed), "TAP404");

        assertThat(findings).extracting(f -> f.resource().name())
                .containsExactlyInAnyOrder(Reference.P + "network-flow-logs", Reference.P + "cluster-exec-logs", Reference.P + "api-logs",
                        Reference.P + "worker-logs");
    }

    @Test
    void tap405RotationOff() {
        assertThat(dev(editDev().set(KEY, Reference.P + "key", "enableKeyRotation", false), "TAP405")).hasSize(1);
    }

    @Test
    void tap501ATimeoutNotBelowTheInterval() {
        assertThat(dev(editDev().set(TG, Reference.P + "alb-web", "healthCheck.timeout", 30L), "TAP501")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("health check timeout 30 s is not below the"
                        + " interval 30 s; use e.g. timeout 5 with interval 30"));
    }

    @Test
    void tap502ThresholdsAndMatcherOutOfRange() {
        var findings = dev(editDev().set(TG, Reference.P + "alb-web", "healthCheck.healthyThreshold", 1L)
                .set(TG, Reference.P + "alb-web", "healthCheck.matcher", "500"), "TAP502");

        assertThat(findings).extracting(f -> f.message()).containsExactly("healthy threshold 1 is outside 2-10",
                "health check matcher 500 is not HTTP codes 200-499 (200, 200,202 or 200-299)");
    }

    @Test
    void tap503ACatchAllRuleRepeatingTheDefault() {
        var plan = com.tapstack.support.Reference.plan("dev");
        var listener = plan.named(LISTENER, Reference.P + "alb-http");
        var targetGroup = plan.named(TG, Reference.P + "alb-web").output("arn");

        var findings = dev(editDev().add("aws:lb/listenerRule:ListenerRule", "redundant", Map.of(
                "listenerArn", listener.output("arn"), "priority", 100L,
                "actions", List.of(Map.of("type", "forward", "targetGroupArn", targetGroup)),
                "conditions", List.of(Map.of("pathPattern", Map.of("values", List.of("/*"))))), "rule-1",
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/x/1/2/3"), "TAP503");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void tap504HttpsWithoutACertificate() {
        assertThat(dev(editDev().set(LISTENER, Reference.P + "alb-http", "protocol", "HTTPS").set(LISTENER, Reference.P + "alb-http",
                "port", 443L), "TAP504")).singleElement().satisfies(f -> assertThat(f.severity())
                .isEqualTo(Severity.CRITICAL));
    }

    @Test
    void tap505HttpForwardingBesideHttps() {
        var plan = com.tapstack.support.Reference.plan("dev");
        var http = plan.named(LISTENER, Reference.P + "alb-http");

        var findings = dev(editDev().add(LISTENER, "https", Map.of("loadBalancerArn", http.input("loadBalancerArn"),
                "port", 443L, "protocol", "HTTPS", "certificateArn",
                "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "defaultActions", http.input("defaultActions")), "https-1", "arn:https"), "TAP505");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.resource().name()).isEqualTo(Reference.P + "alb-http"));
    }
}
