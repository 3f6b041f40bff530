package com.tapstack.modules;

import com.tapstack.config.ConfigKey;
import com.tapstack.config.ConfigNode;
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
import java.util.List;

/** Reads the optional module blocks of a stack file, each through its own config class; each is off unless present. */
public final class ModulesReader {

    /** Each module's block, in the order the docs list them. */
    public static final List<ConfigKey.Structured> BLOCKS = List.of(DatabaseConfig.BLOCK, ParameterConfig.BLOCK,
            HttpsConfig.BLOCK, DnsConfig.BLOCK, WafConfig.BLOCK, EndpointsConfig.BLOCK, AlbLogsConfig.BLOCK,
            AlarmsConfig.BLOCK, StorageConfig.BLOCK, PullThroughCacheConfig.BLOCK);

    private ModulesReader() {
    }

    /** The modules, given whether any service is public (the load balancer modules need one). */
    public static ModulesConfig read(ConfigNode tap, String region, boolean hasLoadBalancer) {
        var https = HttpsConfig.read(tap, region, DnsConfig.BLOCK.name());
        var dns = DnsConfig.read(tap, https, HttpsConfig.BLOCK.name());
        var waf = WafConfig.read(tap);
        var albLogs = AlbLogsConfig.read(tap);
        requireLoadBalancer(tap, hasLoadBalancer, HttpsConfig.BLOCK, https.isPresent());
        requireLoadBalancer(tap, hasLoadBalancer, DnsConfig.BLOCK, dns.isPresent());
        requireLoadBalancer(tap, hasLoadBalancer, WafConfig.BLOCK, waf.isPresent());
        requireLoadBalancer(tap, hasLoadBalancer, AlbLogsConfig.BLOCK, albLogs.isPresent());
        return new ModulesConfig(DatabaseConfig.read(tap), ParameterConfig.read(tap), https, dns, waf,
                EndpointsConfig.read(tap), albLogs, AlarmsConfig.read(tap), StorageConfig.read(tap),
                PullThroughCacheConfig.read(tap, region));
    }

    private static void requireLoadBalancer(ConfigNode tap, boolean hasLoadBalancer, ConfigKey block,
                                            boolean present) {
        if (present && !hasLoadBalancer) {
            throw tap.error(block.name(), "needs the load balancer, and no service is public", "a service with public:"
                    + " true, or no " + block.name() + " block");
        }
    }
}
