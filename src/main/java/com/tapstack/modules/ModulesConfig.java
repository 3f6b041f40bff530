package com.tapstack.modules;

import com.tapstack.modules.alarms.AlarmsConfig;
import com.tapstack.modules.alblogs.AlbLogsConfig;
import com.tapstack.modules.database.DatabaseConfig;
import com.tapstack.modules.dns.DnsConfig;
import com.tapstack.modules.endpoints.EndpointsConfig;
import com.tapstack.modules.https.HttpsConfig;
import com.tapstack.modules.parameters.ParameterConfig;
import com.tapstack.modules.storage.StorageConfig;
import com.tapstack.modules.pullthrough.PullThroughCacheConfig;
import com.tapstack.modules.waf.WafConfig;
import java.util.Map;
import java.util.Optional;

/**
 * The optional modules of the stack; each is off unless its block is present in the stack file. A module is a
 * folder under {@code modules/} with its config (keys and reader) and its component; this record and
 * {@link ModulesReader} list them, and {@code TapStack} wires them.
 */
public record ModulesConfig(Optional<DatabaseConfig> database, Map<String, ParameterConfig> parameters,
                            Optional<HttpsConfig> https, Optional<DnsConfig> dns, Optional<WafConfig> waf,
                            Optional<EndpointsConfig> endpoints, Optional<AlbLogsConfig> albLogs,
                            Optional<AlarmsConfig> alarms, Optional<StorageConfig> storage,
                            Optional<PullThroughCacheConfig> pullThroughCache) {

    public ModulesConfig {
        parameters = Map.copyOf(parameters);
    }

    /** The modules without storage or the pull through cache. */
    public ModulesConfig(Optional<DatabaseConfig> database, Map<String, ParameterConfig> parameters,
                         Optional<HttpsConfig> https, Optional<DnsConfig> dns, Optional<WafConfig> waf,
                         Optional<EndpointsConfig> endpoints, Optional<AlbLogsConfig> albLogs,
                         Optional<AlarmsConfig> alarms) {
        this(database, parameters, https, dns, waf, endpoints, albLogs, alarms, Optional.empty(), Optional.empty());
    }

    public static ModulesConfig none() {
        return new ModulesConfig(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
