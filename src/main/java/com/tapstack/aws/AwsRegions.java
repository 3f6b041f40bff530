package com.tapstack.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AWS regions and their partitions: the one table the loader, the simulator and every ARN check read.
 *
 * <p>Copied from AWS's own endpoint data as the SDKs ship it: {@code partitions.js} of npm
 * {@code @aws-sdk/core} 3.981.2 (published 2026-11-24; the same data as botocore's {@code partitions.json}),
 * partitions aws, aws-cn, aws-us-gov and aws-eusc. The isolated partitions (aws-iso*) are left out: their
 * endpoints and Fargate support are not public. To add a region AWS opens later, add it to {@link #PARTITIONS}.
 */
public final class AwsRegions {

    /** Where this table comes from, named in messages. */
    public static final String SOURCE = "AWS's region list of 2026-11-24 (@aws-sdk/core 3.981.2 partitions)";

    /** A partition: its id, the DNS suffix of its endpoints, the pattern its region names follow, its regions. */
    public record Partition(String id, String dnsSuffix, Pattern regionPattern, List<String> regions) {
    }

    static final List<Partition> PARTITIONS = List.of(
            new Partition("aws", "amazonaws.com", Pattern.compile("^(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+$"), List.of(
                    "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
                    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
                    "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1",
                    "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
                    "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "me-west-1",
                    "mx-central-1", "sa-east-1", "sa-west-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2")),
            new Partition("aws-cn", "amazonaws.com.cn", Pattern.compile("^cn-\\w+-\\d+$"),
                    List.of("cn-north-1", "cn-northwest-1")),
            new Partition("aws-us-gov", "amazonaws.com", Pattern.compile("^us-gov-\\w+-\\d+$"),
                    List.of("us-gov-east-1", "us-gov-west-1")),
            new Partition("aws-eusc", "amazonaws.eu", Pattern.compile("^eusc-(de)-\\w+-\\d+$"),
                    List.of("eusc-de-east-1")));

    private static final Map<String, Partition> BY_REGION;
    /** The partitions by id. */
    public static final Map<String, Partition> PARTITIONS_BY_ID;

    static {
        var byRegion = new java.util.HashMap<String, Partition>();
        PARTITIONS.forEach(partition -> partition.regions().forEach(region -> byRegion.put(region, partition)));
        BY_REGION = Map.copyOf(byRegion);
        var byId = new java.util.HashMap<String, Partition>();
        PARTITIONS.forEach(partition -> byId.put(partition.id(), partition));
        PARTITIONS_BY_ID = Map.copyOf(byId);
    }

    private AwsRegions() {
    }

    /** The partition of a region of the table. */
    public static Optional<Partition> partitionOf(String region) {
        return Optional.ofNullable(BY_REGION.get(region));
    }

    /** Whether a partition id is one of the table's. */
    public static boolean isPartition(String id) {
        return PARTITIONS.stream().anyMatch(partition -> partition.id().equals(id));
    }

    /** The table's regions whose names start like {@code region}'s first part (us-east-9: the us- regions). */
    public static List<String> like(String region) {
        var head = region.contains("-") ? region.substring(0, region.indexOf('-') + 1) : region;
        var similar = BY_REGION.keySet().stream().filter(r -> r.startsWith(head)).sorted().toList();
        return similar.isEmpty() ? BY_REGION.keySet().stream().sorted().toList() : similar;
    }
}
