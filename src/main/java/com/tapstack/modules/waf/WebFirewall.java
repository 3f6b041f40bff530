package com.tapstack.modules.waf;

import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.ArrayList;
import java.util.Map;

/**
 * A regional WAFv2 web ACL on the load balancer: the configured AWS managed rule groups (priorities 10, 20, ...)
 * and a per-IP rate limit (priority {@value #RATE_LIMIT_PRIORITY}), every rule with CloudWatch metrics, logging
 * to an encrypted log group named {@code aws-waf-logs-...} as WAF requires.
 */
public final class WebFirewall extends ComponentResource {

    public static final String TYPE = "tap:waf:WebFirewall";
    /** The rate limit's priority with up to nine rule groups; after the groups with more (priorities must differ). */
    public static final int RATE_LIMIT_PRIORITY = 100;

    public WebFirewall(String name, WafConfig config, Output<String> loadBalancerArn, StackScope scope,
                       EncryptedLogGroups logGroups, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var rules = new ArrayList<WebAclRuleArgs>();
        for (int i = 0; i < config.managedRuleGroups().size(); i++) {
            var group = config.managedRuleGroups().get(i);
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority((i + 1) * 10)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder()
                            .none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(
                            WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                                    .vendorName("AWS").name(group).build()).build())
                    .visibilityConfig(visibility(group))
                    .build());
        }
        rules.add(WebAclRuleArgs.builder()
                .name("rate-limit-per-ip")
                .priority(Math.max(RATE_LIMIT_PRIORITY, (config.managedRuleGroups().size() + 1) * 10))
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder().rateBasedStatement(
                        WebAclRuleStatementRateBasedStatementArgs.builder()
                                .limit(config.rateLimit()).aggregateKeyType("IP").build()).build())
                .visibilityConfig(visibility("rate-limit-per-ip"))
                .build());
        var acl = new WebAcl(name, WebAclArgs.builder()
                .name(scope.name("waf", NameLimit.WAF_WEB_ACL))
                .description("Managed rule groups and a per-IP rate limit in front of the load balancer")
                .scope("REGIONAL")
                .defaultAction(WebAclDefaultActionArgs.builder()
                        .allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true)
                        .metricName(scope.name("waf", NameLimit.WAF_WEB_ACL))
                        .sampledRequestsEnabled(true)
                        .build())
                .tags(scope.commonTags())
                .build(), child);
        new WebAclAssociation(name + "-alb", WebAclAssociationArgs.builder()
                .resourceArn(loadBalancerArn)
                .webAclArn(acl.arn())
                .build(), child);
        var logs = logGroups.createForWaf(name + "-logs", "waf", this);
        new WebAclLoggingConfiguration(name + "-logging", WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(logs.arn().applyValue(java.util.List::of))
                .build(), child);
        registerOutputs(Map.of("arn", acl.arn()));
    }

    private static WebAclRuleVisibilityConfigArgs visibility(String metricName) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).metricName(metricName).sampledRequestsEnabled(true).build();
    }
}
