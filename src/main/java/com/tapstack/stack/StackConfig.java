package com.tapstack.stack;

import com.tapstack.config.CostAssumptions;
import com.tapstack.config.Suppression;
import com.tapstack.network.NetworkConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one stack is configured with, validated. Built only by {@link ConfigLoader} (or by tests);
 * components receive the parts they need and never read configuration themselves.
 *
 * @param configFile         the stack file these values come from, named in deploy-time errors
 * @param project            the Pulumi project name, first part of every physical name
 * @param environment        environment name, e.g. {@code dev}: second part of every physical name
 * @param environmentSuffix  third part of every physical name; empty means "generate one and keep it in state"
 * @param region             AWS region ({@code aws:region})
 * @param allowedAccountIds  {@code aws:allowedAccountIds}: the provider refuses any other account
 * @param logRetentionDays   retention of every log group this stack creates
 * @param kmsDeletionWindowDays waiting period before the stack key is deleted
 * @param protect            protected environment: stateful resources refuse deletion
 * @param owner              Owner tag
 * @param costCenter         CostCenter tag
 * @param tags               extra tags for every taggable resource
 * @param network            VPC layout
 * @param platform           ECS cluster settings and the services
 * @param modules            the optional modules (database, parameters, HTTPS, DNS, WAF, endpoints, logs, alarms)
 * @param checkSuppressions  check findings accepted on purpose, each with its reason
 * @param costAssumptions    usage the cost preview assumes where the plan cannot tell (log and NAT traffic)
 */
public record StackConfig(
        String configFile,
        String project,
        String environment,
        Optional<String> environmentSuffix,
        String region,
        List<String> allowedAccountIds,
        int logRetentionDays,
        int kmsDeletionWindowDays,
        boolean protect,
        String owner,
        String costCenter,
        Map<String, String> tags,
        NetworkConfig network,
        com.tapstack.config.service.PlatformConfig platform,
        com.tapstack.modules.ModulesConfig modules,
        List<Suppression> checkSuppressions,
        CostAssumptions costAssumptions) {

    public StackConfig {
        checkSuppressions = List.copyOf(checkSuppressions);
        allowedAccountIds = List.copyOf(allowedAccountIds);
        tags = Map.copyOf(tags);
    }
}
