package com.tapstack.network;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;
import com.tapstack.config.ConfigException;
import java.util.List;

/**
 * The AZs a VPC spans. Recorded in the stack file by zone id, they are kept from run to run: the account's zones
 * are looked up only to refuse an id the region does not offer, in whatever state a zone is (an impaired zone
 * must not move a stack). Not recorded, they are looked up on every run: available zones that need no opt-in,
 * the first {@code count} of them by name (zone names map to different physical zones per account, and not every
 * account has every zone). A lookup's answer can change (a zone impaired during an incident, a new zone listed
 * first), and subnets then move and are replaced; AWS CDK caches its zone lookup in cdk.context.json for the same
 * reason. The lookup's names and zone ids are parallel lists sorted by name (terraform-provider-aws v5
 * ec2_availability_zones_data_source.go).
 *
 * @param values zone ids when {@code byId}, else zone names, one per AZ
 */
public record AvailabilityZones(Output<List<String>> values, boolean byId) {

    /** @param namespace the project's config namespace, which error messages name keys in */
    public static AvailabilityZones choose(Resource parent, NetworkConfig network, String region, String configFile,
                                           String namespace) {
        var options = InvokeOptions.builder().parent(parent).build();
        if (network.zonesRecorded()) {
            var offered = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder().build(), options);
            return new AvailabilityZones(offered.applyValue(result ->
                    checkRecorded(network.zoneIds(), result.zoneIds(), region, configFile, namespace)), true);
        }
        var zones = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                        .state("available")
                        .filters(GetAvailabilityZonesFilterArgs.builder()
                                .name("opt-in-status")
                                .values("opt-in-not-required")
                                .build())
                        .build(), options);
        return new AvailabilityZones(zones.applyValue(result ->
                pick(fargateZones(result.names(), result.zoneIds()), network.azCount(), region, configFile, namespace)),
                false);
    }

    /** The zone names whose zone ids Fargate runs in (the two lists are parallel). */
    static List<String> fargateZones(List<String> names, List<String> zoneIds) {
        var usable = new java.util.ArrayList<String>();
        for (int i = 0; i < names.size(); i++) {
            if (i >= zoneIds.size() || !NetworkConfig.FARGATE_UNSUPPORTED_ZONE_IDS.contains(zoneIds.get(i))) {
                usable.add(names.get(i));
            }
        }
        return usable;
    }

    /**
     * The zone ids the stack's subnets are in, once they match the recorded ones. A subnet never moves: its zone is
     * ignored after creation (a replacement with the same CIDR would fail on the taken range), so a record that
     * differs from what an existing stack has is refused, already at preview, instead of silently not applying.
     */
    public static Output<List<String>> verify(Output<List<String>> actual, NetworkConfig network, String configFile,
                                              String namespace) {
        if (!network.zonesRecorded()) {
            return actual;
        }
        return actual.applyValue(ids -> {
            if (!ids.equals(network.zoneIds())) {
                throw new ConfigException(configFile, namespace + ":" + NetworkConfig.AVAILABILITY_ZONES.name(),
                        String.join(", ", network.zoneIds()) + " is not where this stack's subnets are ("
                                + String.join(", ", ids) + "), and a subnet cannot move to another zone",
                        "the zones the stack has, in order: [" + String.join(", ", ids) + "]");
            }
            return ids;
        });
    }

    /** The recorded ids, or a config error naming the first one the region does not offer this account. */
    static List<String> checkRecorded(List<String> recorded, List<String> offered, String region, String configFile,
                                      String namespace) {
        for (var id : recorded) {
            if (!offered.contains(id)) {
                throw new ConfigException(configFile, namespace + ":" + NetworkConfig.AVAILABILITY_ZONES.name(), "\"" + id
                        + "\" is not an availability zone " + region + " offers this account",
                        "zone ids of " + region + ": " + String.join(", ", offered));
            }
        }
        return List.copyOf(recorded);
    }

    /** The first {@code count} zones, or a config error when the region offers fewer. */
    static List<String> pick(List<String> available, int count, String region, String configFile, String namespace) {
        if (available.size() < count) {
            throw new ConfigException(configFile, namespace + ":" + NetworkConfig.AZ_COUNT.name(), count
                    + " is more than the " + available.size() + " availability zones " + region
                    + " offers this account without opt-in (" + String.join(", ", available) + ")",
                    "1 to " + available.size() + " in " + region);
        }
        return List.copyOf(available.subList(0, count));
    }

    /** The {@code az}-th zone. */
    public Output<String> zone(int az) {
        return values.applyValue(list -> list.get(az));
    }
}
