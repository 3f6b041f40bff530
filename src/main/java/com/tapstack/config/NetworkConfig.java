package com.tapstack.config;

import java.util.List;

/**
 * The VPC: its CIDR, how many AZs it spans and how private subnets reach the internet. Subnet CIDRs are derived:
 * the VPC is split into equal blocks, public subnets take the first blocks of the lower half and private
 * subnets the first blocks of the upper half, one of each per AZ.
 *
 * @param zoneIds the AZs by zone id ({@code use1-az1}), as recorded in the stack file; empty: looked up on every run
 */
public record NetworkConfig(Ipv4Cidr vpcCidr, int azCount, NatStrategy natStrategy, List<String> zoneIds) {

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
}
