package com.tapstack.tooling.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the simulator knows of AWS regions: the availability zones an account sees without opt-in (names and
 * zone ids) and the hosted zone id of the region's Application Load Balancers. A region not listed here gets
 * three zones a, b, c, so a plan still runs; the summary says it was guessed.
 */
final class RegionCatalog {

    record Zone(String name, String id) {
    }

    record Region(String name, List<Zone> zones, String albHostedZoneId, boolean known) {
    }

    private static final Map<String, String> ALB_ZONES = Map.ofEntries(
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"), Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"), Map.entry("us-west-2", "Z1H1FL5HABSF5"),
            Map.entry("ca-central-1", "ZQSVJUPU6J1EY"), Map.entry("eu-west-1", "Z32O12XQLNTSW2"),
            Map.entry("eu-west-2", "ZHURV8PSTC4K8"), Map.entry("eu-west-3", "Z3Q77PNBQS71R4"),
            Map.entry("eu-central-1", "Z215JYRZR1TBD5"), Map.entry("eu-north-1", "Z23TAZ4Q1U0TD0"),
            Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"), Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"),
            Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"), Map.entry("ap-northeast-2", "ZWKZPGTI48KDX"),
            Map.entry("ap-south-1", "ZP97RAFLXTNZK"), Map.entry("sa-east-1", "Z2P70J7HTTTPLU"));

    /**
     * Per region: the zone-id prefix, the zone letters a typical account sees, and, where a region's zone ids skip
     * numbers, the id number of each letter (us-west-1 has usw1-az1 and usw1-az3; ap-northeast-1 and ca-central-1
     * have az1, az2 and az4). Zone ids are the same in every account; which name maps to which id differs.
     */
    private static final Map<String, String[]> ZONES = Map.ofEntries(
            Map.entry("us-east-1", new String[] {"use1", "abcdef"}),
            Map.entry("us-east-2", new String[] {"use2", "abc"}),
            Map.entry("us-west-1", new String[] {"usw1", "ac", "13"}),
            Map.entry("us-west-2", new String[] {"usw2", "abcd"}),
            Map.entry("ca-central-1", new String[] {"cac1", "abd", "124"}),
            Map.entry("eu-west-1", new String[] {"euw1", "abc"}),
            Map.entry("eu-west-2", new String[] {"euw2", "abc"}),
            Map.entry("eu-west-3", new String[] {"euw3", "abc"}),
            Map.entry("eu-central-1", new String[] {"euc1", "abc"}),
            Map.entry("eu-north-1", new String[] {"eun1", "abc"}),
            Map.entry("ap-southeast-1", new String[] {"apse1", "abc"}),
            Map.entry("ap-southeast-2", new String[] {"apse2", "abc"}),
            Map.entry("ap-northeast-1", new String[] {"apne1", "acd", "124"}),
            Map.entry("ap-northeast-2", new String[] {"apne2", "abcd"}),
            Map.entry("ap-south-1", new String[] {"aps1", "abc"}),
            Map.entry("sa-east-1", new String[] {"sae1", "abc"}));

    private RegionCatalog() {
    }

    static Region region(String name) {
        var entry = ZONES.get(name);
        var known = entry != null;
        var prefix = known ? entry[0] : compactName(name);
        var letters = known ? entry[1] : "abc";
        var zones = new ArrayList<Zone>();
        var numbers = known && entry.length > 2 ? entry[2] : null;
        for (int i = 0; i < letters.length(); i++) {
            var number = numbers == null ? String.valueOf(i + 1) : String.valueOf(numbers.charAt(i));
            zones.add(new Zone(name + letters.charAt(i), prefix + "-az" + number));
        }
        return new Region(name, List.copyOf(zones), ALB_ZONES.getOrDefault(name, "Z00000000000000000000"), known);
    }

    /** {@code eu-central-1} becomes {@code euc1}, the way AWS abbreviates region names in zone ids. */
    private static String compactName(String region) {
        var parts = region.split("-");
        var compact = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            compact.append(parts[i].charAt(0));
        }
        return compact.append(parts[parts.length - 1]).toString();
    }

    /** The region's partition, from the one region table (regions outside it are refused by the loader). */
    static String partition(String region) {
        return com.tapstack.aws.AwsRegions.partitionOf(region).map(com.tapstack.aws.AwsRegions.Partition::id)
                .orElse("aws");
    }

    static String dnsSuffix(String partition) {
        return com.tapstack.aws.AwsRegions.PARTITIONS_BY_ID.get(partition).dnsSuffix();
    }
}
