package com.tapstack.network;

import com.tapstack.config.ConfigKey.ChoiceKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The VPC: its CIDR, how many AZs it spans and how private subnets reach the internet. Subnet CIDRs are derived:
 * the VPC is split into equal blocks, public subnets take the first blocks of the lower half and private
 * subnets the first blocks of the upper half, one of each per AZ.
 *
 * @param zoneIds the AZs by zone id ({@code use1-az1}), as recorded in the stack file; empty: looked up on every run
 * @param existingVpc a VPC the user has, deployed into instead of creating one; the other values are then unused
 */
public record NetworkConfig(Ipv4Cidr vpcCidr, int azCount, NatStrategy natStrategy, List<String> zoneIds,
                            java.util.Optional<ExistingVpcConfig> existingVpc) {

    public static final int MIN_AZ_COUNT = 1;
    public static final int MAX_AZ_COUNT = 6;
    /** AWS's smallest subnet. */
    public static final int SMALLEST_SUBNET_PREFIX = 28;
    public static final int LARGEST_VPC_PREFIX = 16;
    /**
     * Zones where Fargate does not run tasks: AWS lists Linux Fargate in us-west-1 for usw1-az1 and usw1-az3 only
     * and in ap-northeast-1 for apne1-az1, apne1-az2 and apne1-az4 only (ECS developer guide, AWS_Fargate-Regions);
     * these are the older accounts' other zones of those regions. A service with a subnet there cannot place tasks.
     */
    public static final java.util.Set<String> FARGATE_UNSUPPORTED_ZONE_IDS = java.util.Set.of("usw1-az2", "apne1-az3");
    /** A zone id: the region's short form, then -az and a number (use1-az1, apne1-az4, euc1-az2). */
    private static final Pattern ZONE_ID = Pattern.compile("^[a-z]{2,5}[0-9]{1,2}-az[0-9]{1,2}$");

    public static final TextKey VPC_CIDR = TextKey.of("vpcCidr", "10.0.0.0/16", "an IPv4 network address with a"
            + " prefix from /" + LARGEST_VPC_PREFIX + " to /" + longestVpcPrefix(1) + " (shorter with more AZs),"
            + " e.g. 10.0.0.0/16", "IPv4 CIDR of the VPC. It is split into equal blocks: public subnets take the first"
            + " blocks of the lower half, private subnets the first of the upper half, one of each per AZ");
    public static final IntKey AZ_COUNT = IntKey.of("azCount", MIN_AZ_COUNT, MAX_AZ_COUNT, 3, "Availability zones"
            + " to span; a load balancer needs at least 2").outOfRange("is not a number of availability zones a VPC"
            + " can span here");
    public static final ListKey AVAILABILITY_ZONES = ListKey.derived("availabilityZones", "looked up on every run",
            "a list of azCount distinct availability zone ids such as use1-az1", "The AZs by zone id (use1-az1, not"
            + " names such as us-east-1a, which map to other zones in every account), exactly azCount of them, kept"
            + " from run to run so the subnets never move; ./tap plan prints the ids to record, ./tap new-env records"
            + " them");
    public static final ChoiceKey<NatStrategy> NAT_STRATEGY = ChoiceKey.of("natStrategy", NatStrategy.class,
            NatStrategy.PER_AZ, "is not a NAT strategy", "How private subnets reach the internet: perAz (one NAT"
                    + " gateway per AZ, survives an AZ outage), single (one for all AZs, cheaper), none (no NAT: tasks"
                    + " need VPC endpoints)");
    /** The network's keys, in the order the docs list them. */
    public static final List<com.tapstack.config.ConfigKey> KEYS = List.of(VPC_CIDR, AZ_COUNT, AVAILABILITY_ZONES,
            NAT_STRATEGY, ExistingVpcConfig.BLOCK);

    /** A VPC this stack creates. */
    public NetworkConfig(Ipv4Cidr vpcCidr, int azCount, NatStrategy natStrategy, List<String> zoneIds) {
        this(vpcCidr, azCount, natStrategy, zoneIds, java.util.Optional.empty());
    }

    public NetworkConfig {
        zoneIds = List.copyOf(zoneIds);
        if (!zoneIds.isEmpty() && zoneIds.size() != azCount) {
            throw new IllegalArgumentException(zoneIds.size() + " zones for azCount " + azCount);
        }
        if (azCount < MIN_AZ_COUNT || azCount > MAX_AZ_COUNT) {
            throw new IllegalArgumentException("azCount " + azCount);
        }
        if (vpcCidr.prefix() + subnetBits(azCount) > SMALLEST_SUBNET_PREFIX) {
            throw new IllegalArgumentException(vpcCidr + " too small for " + azCount + " AZs");
        }
    }

    /** Bits added to the VPC prefix so that one public and one private block per AZ fit. */
    public static int subnetBits(int azCount) {
        int blocks = 2 * azCount;
        return 32 - Integer.numberOfLeadingZeros(blocks - 1);
    }

    /** The longest VPC prefix that still holds {@code azCount} public and private subnets of /28. */
    public static int longestVpcPrefix(int azCount) {
        return SMALLEST_SUBNET_PREFIX - subnetBits(azCount);
    }

    public Ipv4Cidr publicSubnetCidr(int az) {
        return vpcCidr.subnet(subnetBits(azCount), az);
    }

    public Ipv4Cidr privateSubnetCidr(int az) {
        int bits = subnetBits(azCount);
        return vpcCidr.subnet(bits, (1 << (bits - 1)) + az);
    }

    /** Whether the zones are recorded (kept from run to run) rather than looked up. */
    public boolean zonesRecorded() {
        return !zoneIds.isEmpty();
    }

    public int natGatewayCount() {
        return natStrategy.gatewayCount(azCount);
    }

    /** The declared default VPC CIDR, parsed. */
    public static Ipv4Cidr defaultCidr() {
        return Ipv4Cidr.parse(VPC_CIDR.defaultValue().orElseThrow()).orElseThrow().network();
    }

    /** Reads the network keys of the project namespace. */
    public static NetworkConfig read(ConfigNode tap) {
        var existing = ExistingVpcConfig.read(tap);
        int azCount = AZ_COUNT.read(tap);
        return new NetworkConfig(vpcCidr(tap, azCount), azCount, NAT_STRATEGY.read(tap), zoneIds(tap, azCount),
                existing);
    }

    /** Whether the stack deploys into a VPC the user has rather than creating one. */
    public boolean existing() {
        return existingVpc.isPresent();
    }

    /**
     * The recorded zones: ids, not names, because a zone name maps to a different physical zone in every account
     * while a zone id names the same one everywhere. Whether the region offers them is checked against the
     * account's zones when the stack runs.
     */
    private static List<String> zoneIds(ConfigNode tap, int azCount) {
        var allowed = "a list of " + azCount + " distinct availability zone ids (" + tap.key(AZ_COUNT.name())
                + ") such as use1-az1; `aws ec2 describe-availability-zones --query 'AvailabilityZones[].ZoneId'`"
                + " lists them";
        var key = AVAILABILITY_ZONES.name();
        var ids = tap.stringList(key, allowed);
        for (var id : ids) {
            if (!ZONE_ID.matcher(id).matches()) {
                throw tap.error(key, ConfigNode.show(id) + " is not an availability zone id"
                        + (id.matches("^[a-z]{2}-[a-z]+-\\d[a-z]$") ? " (it is a zone name, which means another"
                        + " zone in every account)" : ""), allowed);
            }
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw tap.error(key, "lists a zone twice", allowed);
        }
        for (var id : ids) {
            if (FARGATE_UNSUPPORTED_ZONE_IDS.contains(id)) {
                throw tap.error(key, ConfigNode.show(id) + " is a zone where Fargate does not run tasks", allowed
                        + ", other than " + String.join(", ", new TreeSet<>(FARGATE_UNSUPPORTED_ZONE_IDS)));
            }
        }
        if (!ids.isEmpty() && ids.size() != azCount) {
            throw tap.error(key, "lists " + ids.size() + " zones but " + tap.key(AZ_COUNT.name()) + " is " + azCount,
                    allowed);
        }
        return ids;
    }

    private static Ipv4Cidr vpcCidr(ConfigNode tap, int azCount) {
        int longest = longestVpcPrefix(azCount);
        var allowed = "an IPv4 network address with a prefix from /" + LARGEST_VPC_PREFIX + " to /" + longest
                + " (for " + azCount + " AZs), e.g. 10.0.0.0/16";
        var key = VPC_CIDR.name();
        var text = tap.optionalString(key, allowed).orElse(VPC_CIDR.defaultValue().orElseThrow());
        var parsed = Ipv4Cidr.parse(text).orElseThrow(() -> tap.invalid(key, "is not an IPv4 CIDR block", allowed));
        if (parsed.hasHostBits()) {
            throw tap.invalid(key, "has host bits set (did you mean " + parsed.network() + "?)", allowed);
        }
        if (parsed.prefix() < LARGEST_VPC_PREFIX) {
            throw tap.invalid(key, "is larger than the /16 AWS allows for a VPC", allowed);
        }
        if (parsed.prefix() > longest) {
            int subnetPrefix = parsed.prefix() + subnetBits(azCount);
            throw tap.invalid(key, "is too small for " + azCount + " public and " + azCount + " private subnets"
                    + " (each would be /" + subnetPrefix + ", AWS's smallest subnet is /" + SMALLEST_SUBNET_PREFIX
                    + ")", allowed);
        }
        return parsed.network();
    }
}
