package com.tapstack.modules.waf;

import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.List;
import java.util.Optional;

/**
 * A WAFv2 web ACL on the load balancer ({@code <project>:waf}): AWS managed rule groups and a per-IP rate limit
 * (requests per 5 minutes).
 */
public record WafConfig(List<String> managedRuleGroups, int rateLimit) {

    public static final ListKey MANAGED_RULE_GROUPS = ListKey.of("managedRuleGroups", List.of(
            "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesAmazonIpReputationList"), "AWS managed rule group names", "AWS managed rule groups, at"
            + " priorities 10, 20, ... (groups that need configuration are refused)");
    public static final IntKey RATE_LIMIT = IntKey.of("rateLimit", 100, 2_000_000_000, 2000,
            "Requests per IP per 5 minutes before WAF blocks the IP");
    public static final KeyTable KEYS = KeyTable.of("<project>:waf", "Web application firewall", "A WAFv2 web ACL on"
            + " the load balancer, logging to aws-waf-logs-<prefix>waf. Needs a public service.",
            MANAGED_RULE_GROUPS, RATE_LIMIT);
    public static final Structured BLOCK = Structured.table("waf", "off", "A WAFv2 web ACL on the load balancer",
            KEYS);

    /**
     * A web ACL holds at most 5,000 WCUs ("Maximum web ACL capacity units (WCU) per web ACL: 5,000", WAF developer
     * guide, limits.html, fixed quota; above 1,500 each 500 WCUs are charged per request); the rate-based rule
     * costs 2 (its base cost). Every usable group once stays below it (a test keeps that true when the list is
     * refreshed), so refusing a group listed twice is what keeps a web ACL within it.
     */
    public static final int MAX_WCU = 5000;
    public static final int RATE_RULE_WCU = 2;

    public WafConfig {
        managedRuleGroups = List.copyOf(managedRuleGroups);
    }

    /** The block's settings, or empty without it. */
    public static Optional<WafConfig> read(ConfigNode parent) {
        return BLOCK.optional(parent).map(node -> {
            var groups = MANAGED_RULE_GROUPS.read(node);
            var seen = new java.util.HashSet<String>();
            for (var group : groups) {
                if (!seen.add(group)) {
                    throw node.error(MANAGED_RULE_GROUPS.name(), ConfigNode.show(group) + " is listed twice, and a"
                            + " web ACL's rules need distinct names", "each rule group once");
                }
                var known = ManagedRuleGroups.GROUPS.get(group);
                if (known == null) {
                    throw node.error(MANAGED_RULE_GROUPS.name(), ConfigNode.show(group) + " is not an AWS managed rule"
                            + " group (list of " + ManagedRuleGroups.DATE + ")", ManagedRuleGroups.usable());
                }
                if (known.needsConfig()) {
                    throw node.error(MANAGED_RULE_GROUPS.name(), ConfigNode.show(group) + " needs"
                            + " managedRuleGroupConfigs, which " + node.path() + " does not set (and is charged per"
                            + " request)", ManagedRuleGroups.usable());
                }
            }
            return new WafConfig(groups, RATE_LIMIT.read(node));
        });
    }
}
