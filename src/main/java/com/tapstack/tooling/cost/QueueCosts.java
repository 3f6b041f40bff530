package com.tapstack.tooling.cost;

import com.tapstack.config.CostAssumptions;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;

/**
 * The queue workers' queues: SQS requests at the assumed monthly volume (the first million a month are free), and
 * the KMS requests SSE-KMS makes. SQS calls KMS once per data key reuse period per principal: per queue
 * {@code R = B / D * (2P + C)} with B the month in seconds, D the reuse period, P the producing and C the consuming
 * principals (sqs-key-management.html, "Estimating AWS KMS costs"); here a principal is a role (tasks of one role
 * may count as several, so this is a floor), and the first 20,000 KMS requests a month are free.
 */
final class QueueCosts {

    static final double FREE_MILLION_REQUESTS = 1;
    static final int FREE_KMS_REQUESTS = 20_000;
    static final int MONTH_SECONDS = 30 * 24 * 60 * 60;
    static final int DEFAULT_REUSE_SECONDS = 300;

    private QueueCosts() {
    }

    /** Only source queues count: a dead-letter queue is neither sent to nor received from in normal work. */
    static void add(Plan plan, CostAssumptions usage, PriceTable prices, List<CostEstimate.Line> lines) {
        var queues = plan.byType("aws:sqs/queue:Queue").stream()
                .filter(q -> q.input("redrivePolicy") != null && q.input("kmsMasterKeyId") != null).toList();
        if (queues.isEmpty()) {
            return;
        }
        var policies = plan.byType("aws:iam/rolePolicy:RolePolicy").stream()
                .map(p -> String.valueOf(p.input("policy"))).toList();
        long kmsRequests = 0;
        for (var queue : queues) {
            var arn = "\"" + queue.output("arn") + "\"";
            long producers = policies.stream().filter(p -> p.contains("\"sqs:SendMessage\"") && p.contains(arn)).count();
            long consumers = policies.stream().filter(p -> p.contains("\"sqs:ReceiveMessage\"") && p.contains(arn))
                    .count();
            kmsRequests += (long) MONTH_SECONDS / reuseSeconds(queue) * (2 * producers + consumers);
        }
        var million = usage.queueMillionRequestsPerMonth();
        var billable = Math.max(0, million - FREE_MILLION_REQUESTS);
        var kmsBillable = Math.max(0, kmsRequests - FREE_KMS_REQUESTS);
        lines.add(CostEstimator.line(CostEstimator.QUEUES, queues.size() + " queue" + (queues.size() == 1 ? "" : "s")
                + ", " + CostEstimator.fmt(million) + " M requests (first 1 M free) + " + kmsRequests
                + " KMS data key requests (first 20,000 free)",
                billable * prices.price("sqsMillionRequests")
                        + kmsBillable / 10_000.0 * prices.price("kmsTenThousandRequests")));
    }

    private static int reuseSeconds(PlannedResource queue) {
        return queue.input("kmsDataKeyReusePeriodSeconds") instanceof Number n ? n.intValue() : DEFAULT_REUSE_SECONDS;
    }
}
