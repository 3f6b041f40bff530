package com.tapstack.tooling.offline;

import com.tapstack.stack.StackConfig;
import java.util.List;

/**
 * The AWS account the simulator pretends to be: the first of {@code aws:allowedAccountIds} when the stack sets
 * it, otherwise {@value #DEFAULT_ACCOUNT_ID} (the account id AWS documentation uses), in the stack's region.
 *
 * @param existingVpc the VPC and subnets the stack deploys into, which this account then has (ExistingVpcAnswers)
 */
public record SimulatedAccount(String accountId, String region,
                               java.util.Optional<com.tapstack.network.ExistingVpcConfig> existingVpc) {

    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    /** An account without a VPC of the user's. */
    public SimulatedAccount(String accountId, String region) {
        this(accountId, region, java.util.Optional.empty());
    }

    public static SimulatedAccount forStack(StackConfig config) {
        var ids = config.allowedAccountIds();
        return new SimulatedAccount(ids.isEmpty() ? DEFAULT_ACCOUNT_ID : ids.get(0), config.region(),
                config.network().existingVpc());
    }

    public String partition() {
        return RegionCatalog.partition(region);
    }

    public String dnsSuffix() {
        return RegionCatalog.dnsSuffix(partition());
    }

    public List<String> zoneNames() {
        return RegionCatalog.region(region).zones().stream().map(RegionCatalog.Zone::name).toList();
    }

    public List<String> zoneIds() {
        return RegionCatalog.region(region).zones().stream().map(RegionCatalog.Zone::id).toList();
    }

    /** Whether the simulator has this region's real zones, or guessed three. */
    public boolean regionKnown() {
        return RegionCatalog.region(region).known();
    }

    public String albHostedZoneId() {
        return RegionCatalog.region(region).albHostedZoneId();
    }

    public String arn(String service, String resource) {
        return "arn:" + partition() + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    public String globalArn(String service, String resource) {
        return "arn:" + partition() + ":" + service + "::" + accountId + ":" + resource;
    }
}
