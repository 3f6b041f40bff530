package com.tapstack.config;

import com.tapstack.config.ConfigKey.DecimalKey;
import com.tapstack.config.ConfigKey.Structured;

/**
 * What the cost preview assumes where a plan cannot tell ({@code <project>:costAssumptions}).
 *
 * @param logGBPerDay log data ingested a day across all log groups
 * @param natGBPerDay data through the NAT gateways a day
 * @param albLcu      load balancer capacity units used on average
 * @param queueMillionRequestsPerMonth SQS requests a month across the queue workers' queues (sends, receives
 *                    including empty ones, deletes), in millions
 * @param efsGBPerFileSystem data each EFS file system holds on average
 * @param scheduledRunMinutes how long one run of a scheduled task takes
 * @param cachedImageGB what one image pulled through the pull through cache keeps in ECR, all its platforms
 */
public record CostAssumptions(double logGBPerDay, double natGBPerDay, double albLcu,
                              double queueMillionRequestsPerMonth, double efsGBPerFileSystem,
                              double scheduledRunMinutes, double cachedImageGB) {

    public static final DecimalKey LOG_GB_PER_DAY = DecimalKey.of("logGBPerDay", 0, 100_000, 1,
            "Log data ingested a day, all groups together (GB)");
    public static final DecimalKey NAT_GB_PER_DAY = DecimalKey.of("natGBPerDay", 0, 100_000, 1,
            "Data through the NAT gateways a day (GB)");
    public static final DecimalKey ALB_LCU = DecimalKey.of("albLcu", 0, 100_000, 1,
            "Load balancer capacity units used on average");
    public static final DecimalKey QUEUE_MILLION_REQUESTS = DecimalKey.of("queueMillionRequestsPerMonth", 0,
            1_000_000, 1, "SQS requests a month across the queue workers' queues, in millions (the first million"
                    + " is free each month)");
    public static final DecimalKey EFS_GB_PER_FILE_SYSTEM = DecimalKey.of("efsGBPerFileSystem", 0, 1_000_000, 10,
            "Data each EFS file system holds on average (GB, Standard storage class)");
    public static final DecimalKey SCHEDULED_RUN_MINUTES = DecimalKey.of("scheduledRunMinutes", 0, 10_080, 5,
            "Minutes one run of a scheduled task takes (Fargate bills each run per second, at least a minute)");
    public static final DecimalKey CACHED_IMAGE_GB = DecimalKey.of("cachedImageGB", 0, 1000, 0.5,
            "ECR storage of one image pulled through the pull through cache, all its platforms (GB)");
    public static final KeyTable KEYS = KeyTable.of("<project>:costAssumptions", "Cost assumptions", "Usage the cost"
            + " preview (./tap cost, ./tap plan) assumes where the plan cannot tell. Nothing reaches AWS.",
            LOG_GB_PER_DAY, NAT_GB_PER_DAY, ALB_LCU, QUEUE_MILLION_REQUESTS, EFS_GB_PER_FILE_SYSTEM,
            SCHEDULED_RUN_MINUTES, CACHED_IMAGE_GB);
    public static final Structured BLOCK = Structured.table("costAssumptions", "the defaults of its keys", "Usage the"
            + " cost preview assumes", KEYS);

    /** The first three assumptions, the others at their declared defaults. */
    public CostAssumptions(double logGBPerDay, double natGBPerDay, double albLcu) {
        this(logGBPerDay, natGBPerDay, albLcu, QUEUE_MILLION_REQUESTS.defaultValue().orElseThrow().doubleValue(),
                EFS_GB_PER_FILE_SYSTEM.defaultValue().orElseThrow().doubleValue(),
                SCHEDULED_RUN_MINUTES.defaultValue().orElseThrow().doubleValue(),
                CACHED_IMAGE_GB.defaultValue().orElseThrow().doubleValue());
    }

    /** The block's values over the defaults. */
    public static CostAssumptions read(ConfigNode tap) {
        var node = BLOCK.optional(tap).orElseGet(() -> tap.object(BLOCK.name(), BLOCK.allowed()));
        return new CostAssumptions(LOG_GB_PER_DAY.read(node).doubleValue(), NAT_GB_PER_DAY.read(node).doubleValue(),
                ALB_LCU.read(node).doubleValue(), QUEUE_MILLION_REQUESTS.read(node).doubleValue(),
                EFS_GB_PER_FILE_SYSTEM.read(node).doubleValue(), SCHEDULED_RUN_MINUTES.read(node).doubleValue(),
                CACHED_IMAGE_GB.read(node).doubleValue());
    }

    /** Every assumption at its declared default. */
    public static CostAssumptions defaults() {
        return new CostAssumptions(LOG_GB_PER_DAY.defaultValue().orElseThrow().doubleValue(),
                NAT_GB_PER_DAY.defaultValue().orElseThrow().doubleValue(),
                ALB_LCU.defaultValue().orElseThrow().doubleValue());
    }
}
