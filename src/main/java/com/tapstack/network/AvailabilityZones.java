package com.tapstack.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;
import com.tapstack.config.ConfigException;
import com.tapstack.config.ConfigLoader;
import java.util.List;

/**
 * The AZs a VPC spans, looked up in the account (AZ names map to different physical zones per account, and
 * not every account has every zone): available ones that need no opt-in, the first {@code count} of them.
 */
public final class AvailabilityZones {

    private AvailabilityZones() {
    }

    public static Output<List<String>> lookup(Resource parent, int count, String region, String configFile) {
        var zones = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                        .state("available")
                        .filters(GetAvailabilityZonesFilterArgs.builder()
                                .name("opt-in-status")
                                .values("opt-in-not-required")
                                .build())
                        .build(),
                InvokeOptions.builder().parent(parent).build());
        return zones.applyValue(result -> pick(result.names(), count, region, configFile));
    }

    /** The first {@code count} zones, or a config error when the region offers fewer. */
    static List<String> pick(List<String> available, int count, String region, String configFile) {
        if (available.size() < count) {
            throw new ConfigException(configFile, "tap:" + ConfigLoader.AZ_COUNT, count
                    + " is more than the " + available.size() + " availability zones " + region
                    + " offers this account without opt-in (" + String.join(", ", available) + ")",
                    "1 to " + available.size() + " in " + region);
        }
        return List.copyOf(available.subList(0, count));
    }
}
