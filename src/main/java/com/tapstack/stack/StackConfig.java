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

    /**
     * A stack of {@code project} and {@code environment} in {@code region}, tagged {@code owner} and
     * {@code costCenter}, with every other setting at its declared default and no services or modules.
     */
    public static Builder builder(String project, String environment, String region, String owner,
                                  String costCenter) {
        return new Builder(project, environment, region, owner, costCenter);
    }

    /** Builds a {@link StackConfig}; starts from the declared defaults ({@link StackKeys} and the tables it lists). */
    public static final class Builder {
        private final String project;
        private final String environment;
        private final String region;
        private final String owner;
        private final String costCenter;
        private String configFile;
        private Optional<String> environmentSuffix = Optional.empty();
        private List<String> allowedAccountIds = List.of();
        private int logRetentionDays = StackKeys.LOG_RETENTION_DAYS.defaultValue().orElseThrow();
        private int kmsDeletionWindowDays = StackKeys.KMS_DELETION_WINDOW_DAYS.defaultValue().orElseThrow();
        private boolean protect = StackKeys.PROTECT.defaultValue().orElseThrow();
        private Map<String, String> tags = Map.of();
        private NetworkConfig network = new NetworkConfig(NetworkConfig.defaultCidr(),
                NetworkConfig.AZ_COUNT.defaultValue().orElseThrow(),
                NetworkConfig.NAT_STRATEGY.defaultValue().orElseThrow(), List.of());
        private com.tapstack.config.service.PlatformConfig platform = com.tapstack.config.service.PlatformConfig.defaults();
        private com.tapstack.modules.ModulesConfig modules = com.tapstack.modules.ModulesConfig.none();
        private List<Suppression> checkSuppressions = List.of();
        private CostAssumptions costAssumptions = CostAssumptions.defaults();

        private Builder(String project, String environment, String region, String owner, String costCenter) {
            this.project = project;
            this.environment = environment;
            this.region = region;
            this.owner = owner;
            this.costCenter = costCenter;
            this.configFile = "Pulumi." + environment + ".yaml";
        }

        public Builder configFile(String value) {
            configFile = value;
            return this;
        }

        public Builder environmentSuffix(String value) {
            environmentSuffix = Optional.of(value);
            return this;
        }

        public Builder allowedAccountIds(List<String> value) {
            allowedAccountIds = value;
            return this;
        }

        public Builder logRetentionDays(int value) {
            logRetentionDays = value;
            return this;
        }

        public Builder kmsDeletionWindowDays(int value) {
            kmsDeletionWindowDays = value;
            return this;
        }

        public Builder protect(boolean value) {
            protect = value;
            return this;
        }

        public Builder tags(Map<String, String> value) {
            tags = value;
            return this;
        }

        public Builder network(NetworkConfig value) {
            network = value;
            return this;
        }

        public Builder platform(com.tapstack.config.service.PlatformConfig value) {
            platform = value;
            return this;
        }

        public Builder modules(com.tapstack.modules.ModulesConfig value) {
            modules = value;
            return this;
        }

        public Builder checkSuppressions(List<Suppression> value) {
            checkSuppressions = value;
            return this;
        }

        public Builder costAssumptions(CostAssumptions value) {
            costAssumptions = value;
            return this;
        }

        public StackConfig build() {
            return new StackConfig(configFile, project, environment, environmentSuffix, region, allowedAccountIds,
                    logRetentionDays, kmsDeletionWindowDays, protect, owner, costCenter, tags, network, platform,
                    modules, checkSuppressions, costAssumptions);
        }
    }
}
