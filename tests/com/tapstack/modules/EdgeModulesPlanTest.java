package com.tapstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlanValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTPS with a requested certificate, the DNS alias and the web ACL: exact inputs and wiring. */
class EdgeModulesPlanTest {

    private static final String ZONE = "Z0123456789ABCDEFGHIJ";
    private static final String LISTENER = "aws:lb/listener:Listener";

    private static Plan withDomain() {
        return Reference.plan("prod", Reference.values("prod")
                .set(Reference.NS + "https", Map.of("domainName", "app.shop.io"))
                .set(Reference.NS + "dns", Map.of("zoneId", ZONE))
                .set(Reference.NS + "waf", Map.of()).toMap());
    }

    @Test
    void offByDefaultSoAStackDeploysWithoutCertificateDomainOrFirewall() {
        var plan = Reference.plan("prod");

        assertThat(plan.byType("aws:acm/certificate:Certificate")).isEmpty();
        assertThat(plan.byType("aws:route53/record:Record")).isEmpty();
        assertThat(plan.byType("aws:wafv2/webAcl:WebAcl")).isEmpty();
        assertThat(plan.byType(LISTENER)).singleElement()
                .satisfies(listener -> assertThat(listener.input("protocol")).isEqualTo("HTTP"));
    }

    @Test
    void aDomainGetsACertificateValidatedByDnsInTheZoneBeforeTheListenerUsesIt() {
        var plan = withDomain();
        var certificate = plan.named("aws:acm/certificate:Certificate", Reference.P + "certificate");
        var record = plan.named("aws:route53/record:Record", Reference.P + "certificate-validation");
        var validation = plan.named("aws:acm/certificateValidation:CertificateValidation", Reference.P + "certificate-validation");
        var option = PlanValues.at(certificate.outputs(), "domainValidationOptions.0");

        assertThat(certificate.inputs()).containsAllEntriesOf(Map.of("domainName", "app.shop.io",
                "validationMethod", "DNS", "keyAlgorithm", "RSA_2048"));
        assertThat(record.inputs()).containsAllEntriesOf(Map.of("zoneId", ZONE, "ttl", 60L, "allowOverwrite", true,
                "name", PlanValues.at(option, "resourceRecordName"), "type", "CNAME",
                "records", List.of(PlanValues.at(option, "resourceRecordValue"))));
        assertThat(validation.input("certificateArn")).isEqualTo(certificate.output("arn"));
        assertThat(validation.input("validationRecordFqdns")).isEqualTo(List.of(record.output("fqdn")));

        var https = plan.named(LISTENER, Reference.P + "alb-https");
        assertThat(https.input("certificateArn")).isEqualTo(certificate.output("arn"));
        assertThat(https.dependencies()).contains(validation.urn());
        assertThat(plan.named(LISTENER, Reference.P + "alb-http").input("defaultActions")).isEqualTo(List.of(Map.of(
                "type", "redirect", "redirect", Map.of("port", "443", "protocol", "HTTPS", "statusCode", "HTTP_301"))));
    }

    @Test
    void theRecordNamePointsAtTheLoadBalancerAndBecomesTheApplicationUrl() {
        var plan = withDomain();
        var alb = plan.byType("aws:lb/loadBalancer:LoadBalancer").get(0);
        var alias = plan.named("aws:route53/record:Record", Reference.P + "dns");

        assertThat(alias.inputs()).containsAllEntriesOf(Map.of("zoneId", ZONE, "name", "app.shop.io", "type", "A",
                "aliases", List.of(Map.of("name", alb.output("dnsName"), "zoneId", "Z35SXDOTRQ7X7K",
                        "evaluateTargetHealth", true))));
        assertThat(plan.outputs().get("applicationUrl")).isEqualTo("https://app.shop.io");
    }

    @Test
    void aGivenCertificateNeedsNoZoneAndRequestsNothing() {
        var arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";
        var plan = Reference.plan("prod", Reference.values("prod").set(Reference.NS + "https", Map.of("certificateArn", arn)).toMap());

        assertThat(plan.byType("aws:acm/certificate:Certificate")).isEmpty();
        assertThat(plan.byType("aws:route53/record:Record")).isEmpty();
        assertThat(plan.named(LISTENER, Reference.P + "alb-https").input("certificateArn")).isEqualTo(arn);
    }

    @Test
    @SuppressWarnings("unchecked")
    void withEveryUsableGroupTheRateLimitStillComesLastAtAPriorityOfItsOwnAndTheAclFitsItsCapacity() {
        var groups = com.tapstack.modules.waf.ManagedRuleGroups.usableNames();
        var plan = Reference.plan("prod", Reference.values("prod").set(Reference.NS + "waf",
                Map.of("managedRuleGroups", groups)).toMap());
        var rules = (List<Map<String, Object>>) plan.named("aws:wafv2/webAcl:WebAcl", Reference.P + "waf")
                .input("rules");

        assertThat(groups).hasSizeGreaterThanOrEqualTo(10);
        assertThat(rules).extracting(rule -> rule.get("priority")).doesNotHaveDuplicates();
        assertThat(rules.get(rules.size() - 1)).containsEntry("name", "rate-limit-per-ip")
                .containsEntry("priority", (long) (groups.size() + 1) * 10);
        assertThat(com.tapstack.modules.waf.ManagedRuleGroups.usableCapacity()
                + com.tapstack.modules.waf.WafConfig.RATE_RULE_WCU).isLessThanOrEqualTo(
                com.tapstack.modules.waf.WafConfig.MAX_WCU);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWebAclRunsTheManagedGroupsThenTheRateLimitWithExplicitPriorities() {
        var plan = withDomain();
        var acl = plan.named("aws:wafv2/webAcl:WebAcl", Reference.P + "waf");
        var rules = (List<Map<String, Object>>) acl.input("rules");

        assertThat(acl.inputs()).containsAllEntriesOf(Map.of("name", Reference.P + "prod-core-waf", "scope", "REGIONAL",
                "defaultAction", Map.of("allow", Map.of())));
        assertThat(rules).extracting(rule -> rule.get("name")).containsExactly("AWSManagedRulesCommonRuleSet",
                "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList", "rate-limit-per-ip");
        assertThat(rules).extracting(rule -> rule.get("priority")).containsExactly(10L, 20L, 30L, 100L);
        assertThat(rules.get(0)).containsEntry("overrideAction", Map.of("none", Map.of()))
                .containsEntry("statement", Map.of("managedRuleGroupStatement",
                        Map.of("vendorName", "AWS", "name", "AWSManagedRulesCommonRuleSet")));
        assertThat(rules.get(3)).containsEntry("action", Map.of("block", Map.of()))
                .containsEntry("statement", Map.of("rateBasedStatement", Map.of("limit", 2000L,
                        "aggregateKeyType", "IP")));
        assertThat(rules).allSatisfy(rule -> assertThat((Map<String, Object>) rule.get("visibilityConfig"))
                .containsEntry("cloudwatchMetricsEnabled", true).containsEntry("sampledRequestsEnabled", true));
    }

    @Test
    void theWebAclGuardsTheLoadBalancerAndLogsToAGroupNamedAsWafRequires() {
        var plan = withDomain();
        var acl = plan.named("aws:wafv2/webAcl:WebAcl", Reference.P + "waf");
        var alb = plan.byType("aws:lb/loadBalancer:LoadBalancer").get(0);
        var logs = plan.named("aws:cloudwatch/logGroup:LogGroup", Reference.P + "waf-logs");

        assertThat(plan.named("aws:wafv2/webAclAssociation:WebAclAssociation", Reference.P + "waf-alb").inputs())
                .isEqualTo(Map.of("resourceArn", alb.output("arn"), "webAclArn", acl.output("arn")));
        assertThat(logs.inputs()).containsAllEntriesOf(Map.of("name", "aws-waf-logs-" + Reference.P + "prod-core-waf",
                "retentionInDays", 30L, "kmsKeyId", plan.byType("aws:kms/key:Key").get(0).output("arn")));
        assertThat(plan.named("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", Reference.P + "waf-logging")
                .inputs()).isEqualTo(Map.of("resourceArn", acl.output("arn"),
                "logDestinationConfigs", List.of(logs.output("arn"))));
    }

    @Test
    void configuredRuleGroupsAndRateLimitAreTaken() {
        var plan = Reference.plan("prod", Reference.values("prod").set(Reference.NS + "waf", Map.of("managedRuleGroups",
                List.of("AWSManagedRulesSQLiRuleSet"), "rateLimit", 500)).toMap());

        assertThat(plan.named("aws:wafv2/webAcl:WebAcl", Reference.P + "waf").inputString("rules"))
                .contains("AWSManagedRulesSQLiRuleSet").contains("limit=500")
                .doesNotContain("AWSManagedRulesCommonRuleSet");
    }
}
