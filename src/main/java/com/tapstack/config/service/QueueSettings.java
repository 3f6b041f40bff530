package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A queue worker's queue ({@code services.<name>.queue}): a standard SQS queue and its dead-letter queue, both
 * encrypted with the stack key, the services allowed to send to it, and the backlog per task autoscaling keeps.
 * Ranges are SQS's (CreateQueue API: MessageRetentionPeriod 60 to 1,209,600 s, default 345,600;
 * VisibilityTimeout 0 to 43,200 s, default 30); maxReceiveCount 1 to 1,000 is the console's and AWS MDAA's range
 * (not stated in the API reference).
 *
 * @param maxReceiveCount            receives after which SQS moves a message to the dead-letter queue
 * @param retentionSeconds           how long the queue keeps a message
 * @param deadLetterRetentionSeconds how long the dead-letter queue keeps it, counted from the original send for a
 *                                   standard queue, hence longer than {@code retentionSeconds}
 * @param visibilityTimeoutSeconds   how long a received message stays hidden from other receivers
 * @param producers                  other services that may send to the queue
 * @param backlogPerTask             visible messages per running task autoscaling keeps
 */
public record QueueSettings(int maxReceiveCount, int retentionSeconds, int deadLetterRetentionSeconds,
                            int visibilityTimeoutSeconds, List<String> producers, int backlogPerTask) {

    private static final int DAY = 24 * 60 * 60;
    /** SQS's longest retention; the dead-letter queue's default. */
    public static final int MAX_RETENTION_SECONDS = 14 * DAY;

    public static final IntKey MAX_RECEIVE_COUNT = IntKey.of("maxReceiveCount", 1, 1000, 5, "Receives after which"
            + " SQS moves a message to the dead-letter queue (redrive policy)");
    public static final IntKey RETENTION = IntKey.of("retention", 60, MAX_RETENTION_SECONDS - 1, 4 * DAY, "Seconds"
            + " the queue keeps a message (SQS's default, 4 days)");
    public static final IntKey DEAD_LETTER_RETENTION = IntKey.of("deadLetterRetention", 61, MAX_RETENTION_SECONDS,
            MAX_RETENTION_SECONDS, "Seconds the dead-letter queue keeps a message, counted from its first send (a"
                    + " standard queue keeps the original enqueue time), so longer than retention")
            .dependentRange("more than retention, up to " + MAX_RETENTION_SECONDS);
    public static final IntKey VISIBILITY_TIMEOUT = IntKey.of("visibilityTimeout", 0, 12 * 60 * 60, 30, "Seconds a"
            + " received message stays hidden from other receivers; at least the container's stopTimeout (check"
            + " TAP141)");
    public static final ListKey PRODUCERS = ListKey.of("producers", List.of(), "names of other services of the"
            + " stack", "Services that may send to the queue: they get exactly sqs:SendMessage on it and its URL as"
            + " <WORKER>_QUEUE_URL");
    public static final IntKey BACKLOG_PER_TASK = IntKey.of("backlogPerTask", 1, 100_000, 10, "Visible messages"
            + " per running task target tracking keeps (acceptable latency divided by the time one message takes)");
    public static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.queue", "Queue worker", "With the"
            + " block, the service is a queue worker: an SQS queue and a dead-letter queue (both encrypted with the"
            + " stack key, TLS only), its task role may receive and delete messages, and autoscaling follows the"
            + " backlog per task instead of CPU and memory; minCount 0 lets it scale to zero. Off without it.",
            MAX_RECEIVE_COUNT, RETENTION, DEAD_LETTER_RETENTION, VISIBILITY_TIMEOUT, PRODUCERS, BACKLOG_PER_TASK);
    public static final Structured BLOCK = Structured.table("queue", "off", "A queue the service works off, with"
            + " its dead-letter queue and producers", KEYS);

    /** The variable a service's container finds its own queue's URL in. */
    public static final String OWN_QUEUE_VARIABLE = "QUEUE_URL";

    public QueueSettings {
        producers = List.copyOf(producers);
    }

    /** The variable a producer finds {@code worker}'s queue URL in: {@code ORDER_WORKER_QUEUE_URL}. */
    public static String producerVariable(String worker) {
        return worker.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + OWN_QUEUE_VARIABLE;
    }

    /**
     * The service's queue, and the rules it sets on the service's other keys: a queue worker is not behind the load
     * balancer (it scales on its backlog, not on requests), and only a queue worker may keep no task (minCount 0):
     * CPU and memory have no data without a task, so nothing would start one again.
     */
    static Optional<QueueSettings> readFor(ConfigNode service, boolean isPublic) {
        var queue = read(service);
        if (queue.isPresent() && isPublic) {
            throw service.error(BLOCK.name(), "is set on a public service; a queue worker scales on its backlog, not"
                    + " on the requests the load balancer sends", "a queue on a service without public: true");
        }
        if (queue.isEmpty() && Scaling.MIN_COUNT.optional(service).filter(min -> min == 0).isPresent()) {
            throw service.error(Scaling.MIN_COUNT.name(), "0 lets the service scale to no task, which only a queue"
                    + " worker can come back from (CPU and memory have no data without a task)", "1 to maxCount,"
                    + " or 0 with a queue block");
        }
        return queue;
    }

    /**
     * Every producer is another service of the stack, and the variable that hands it the queue's URL (and the
     * worker's own QUEUE_URL) is not one the service already sets.
     */
    static void checkProducers(ConfigNode services, java.util.Map<String, ServiceConfig> all) {
        for (var worker : all.values()) {
            if (worker.queue().isEmpty()) {
                continue;
            }
            var key = worker.name() + "." + BLOCK.name() + "." + PRODUCERS.name();
            for (var producer : worker.queue().get().producers()) {
                var service = ServiceConfigReader.otherService(services, key, producer, worker.name(),
                        "the worker itself", all);
                checkFree(services, service, producerVariable(worker.name()), "the URL of " + worker.name()
                        + "'s queue");
            }
            checkFree(services, worker, OWN_QUEUE_VARIABLE, "the URL of its queue");
        }
    }

    private static void checkFree(ConfigNode services, ServiceConfig service, String variable, String what) {
        var field = service.environment().containsKey(variable) ? "environment"
                : service.secrets().containsKey(variable) ? "secrets" : null;
        if (field != null) {
            throw services.error(service.name() + "." + field + "." + variable, "is the variable the stack sets to "
                    + what, "other names than " + variable);
        }
    }

    /** The block's settings over the defaults; empty without the block. */
    static Optional<QueueSettings> read(ConfigNode service) {
        return BLOCK.optional(service).map(node -> {
            int retention = RETENTION.read(node);
            int deadLetterRetention = DEAD_LETTER_RETENTION.read(node);
            if (deadLetterRetention <= retention) {
                throw node.error(DEAD_LETTER_RETENTION.name(), deadLetterRetention + " is not longer than retention "
                        + retention + " (a message moved to a standard dead-letter queue keeps its first enqueue time"
                        + " and would expire there at once)", "more than " + retention + ", up to "
                        + MAX_RETENTION_SECONDS);
            }
            var producers = PRODUCERS.read(node);
            if (producers.stream().distinct().count() < producers.size()) {
                throw node.error(PRODUCERS.name(), "names a service twice", "each producer once");
            }
            return new QueueSettings(MAX_RECEIVE_COUNT.read(node), retention, deadLetterRetention,
                    VISIBILITY_TIMEOUT.read(node), producers, BACKLOG_PER_TASK.read(node));
        });
    }
}
