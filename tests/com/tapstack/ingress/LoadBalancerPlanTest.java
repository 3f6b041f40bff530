package com.tapstack.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadBalancerPlanTest {

    private static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/"
            + "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @Test
    void theLoadBalancerIsInternetFacingInThePublicSubnetsAndDropsInvalidHeaders() {
        var dev = Reference.plan("dev");
        var prod = Reference.plan("prod");
        var alb = dev.byType("aws:lb/loadBalancer:LoadBalancer").get(0);

        assertThat(alb.input("name")).isEqualTo(Reference.P + "dev-" + dev.outputs().get("environmentSuffix") + "-alb");
        assertThat(alb.input("internal")).isEqualTo(false);
        assertThat(alb.input("loadBalancerType")).isEqualTo("application");
        assertThat(alb.input("subnets")).isEqualTo(dev.outputs().get("publicSubnetIds"));
        assertThat(alb.input("securityGroups")).isEqualTo(List.of(
                dev.named("aws:ec2/securityGroup:SecurityGroup", Reference.P + "security-groups-alb").id().orElseThrow()));
        assertThat(alb.input("dropInvalidHeaderFields")).isEqualTo(true);
        assertThat(alb.input("enableDeletionProtection")).isEqualTo(false);
        assertThat(prod.byType("aws:lb/loadBalancer:LoadBalancer").get(0).input("enableDeletionProtection"))
                .isEqualTo(true);
    }

    @Test
    void thePublicServiceHasAnIpTargetGroupWithTheConfiguredHealthCheck() {
        var plan = Reference.plan("prod");
        var targetGroup = plan.named("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web");

        assertThat(plan.byType("aws:lb/targetGroup:TargetGroup")).hasSize(1);
        assertThat(targetGroup.input("name")).isEqualTo(LoadBalancer.targetGroupName(
                new com.tapstack.naming.Naming(Reference.NAME, "prod", "core"), "web", 8080, "HTTP", "ip",
                (String) plan.outputs().get("vpcId")));
        assertThat((String) targetGroup.input("name")).matches(Reference.P + "prod-core-web-[0-9a-f]{6}");
        assertThat(targetGroup.input("port")).isEqualTo(8080L);
        assertThat(targetGroup.input("protocol")).isEqualTo("HTTP");
        assertThat(targetGroup.input("targetType")).isEqualTo("ip");
        assertThat(targetGroup.input("vpcId")).isEqualTo(plan.outputs().get("vpcId"));
        assertThat(targetGroup.input("deregistrationDelay")).isEqualTo(30L);
        assertThat(targetGroup.input("healthCheck")).isEqualTo(Map.of("enabled", true, "path", "/",
                "port", "traffic-port", "protocol", "HTTP", "interval", 30L, "timeout", 5L, "healthyThreshold", 3L,
                "unhealthyThreshold", 2L, "matcher", "200"));
    }

    @Test
    void withoutACertificateHttpForwardsToThePublicServiceAndNoRuleRepeatsIt() {
        var plan = Reference.plan("prod");
        var listener = plan.named("aws:lb/listener:Listener", Reference.P + "alb-http");

        assertThat(plan.byType("aws:lb/listener:Listener")).hasSize(1);
        assertThat(listener.input("port")).isEqualTo(80L);
        assertThat(listener.input("protocol")).isEqualTo("HTTP");
        assertThat(listener.input("defaultActions")).isEqualTo(List.of(Map.of("type", "forward",
                "targetGroupArn", plan.named("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web").output("arn"))));
        assertThat(plan.byType("aws:lb/listenerRule:ListenerRule")).isEmpty();
        assertThat(plan.outputs().get("applicationUrl")).asString().startsWith("http://");
    }

    @Test
    void withACertificateHttpRedirectsToAnHttpsListenerWithATls13Policy() {
        var plan = Reference.plan("prod", Reference.values("prod").set(Reference.NS + "https",
                Map.of("certificateArn", CERTIFICATE)).toMap());
        var http = plan.named("aws:lb/listener:Listener", Reference.P + "alb-http");
        var https = plan.named("aws:lb/listener:Listener", Reference.P + "alb-https");

        assertThat(http.input("defaultActions")).isEqualTo(List.of(Map.of("type", "redirect",
                "redirect", Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"))));
        assertThat(https.input("port")).isEqualTo(443L);
        assertThat(https.input("protocol")).isEqualTo("HTTPS");
        assertThat(https.input("sslPolicy")).isEqualTo("ELBSecurityPolicy-TLS13-1-2-Res-2021-06");
        assertThat(https.input("certificateArn")).isEqualTo(CERTIFICATE);
        assertThat(https.input("defaultActions")).isEqualTo(List.of(Map.of("type", "forward",
                "targetGroupArn", plan.named("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web").output("arn"))));
        assertThat(plan.outputs().get("applicationUrl")).asString().startsWith("https://");
    }

    @Test
    void aSecondPublicServiceGetsAPathRuleAndTheFirstKeepsTheDefaultAction() {
        var plan = Reference.plan("prod", Reference.values("prod")
                .setIn(Reference.NS + "services", "api.public", true)
                .setIn(Reference.NS + "services", "api.pathPatterns", List.of("/api/*")).toMap());
        var rules = plan.byType("aws:lb/listenerRule:ListenerRule");

        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.input("listenerArn")).isEqualTo(plan.named("aws:lb/listener:Listener", Reference.P + "alb-http")
                    .output("arn"));
            assertThat(rule.input("priority")).isEqualTo(100L);
            assertThat(rule.input("conditions")).isEqualTo(List.of(Map.of("pathPattern",
                    Map.of("values", List.of("/api/*")))));
            assertThat(rule.input("actions")).isEqualTo(List.of(Map.of("type", "forward",
                    "targetGroupArn", plan.named("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-api").output("arn"))));
        });
        assertThat(plan.named("aws:lb/listener:Listener", Reference.P + "alb-http").inputAt("defaultActions.0.targetGroupArn"))
                .isEqualTo(plan.named("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web").output("arn"));
    }
}
