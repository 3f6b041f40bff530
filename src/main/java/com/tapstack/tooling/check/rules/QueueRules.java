package com.tapstack.tooling.check.rules;

import com.google.gson.JsonParser;
import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queue workers: a worker's queue keeps a message hidden at least while a task stops, and does not send a message
 * to the dead-letter queue after a single receive. A worker is the task definition whose container reads the
 * queue's URL from QUEUE_URL.
 */
public final class QueueRules {

    static final String QUEUE = "aws:sqs/queue:Queue";
    /** The variable the stack hands a worker its own queue's URL in (QueueSettings.OWN_QUEUE_VARIABLE). */
    static final String OWN_QUEUE_VARIABLE = "QUEUE_URL";
    /** SQS's default visibility timeout, when a queue does not state one (CreateQueue API). */
    static final long SQS_DEFAULT_VISIBILITY_SECONDS = 30;
    /** The stop timeout Fargate gives a container that does not state one (ContainerDefinition stopTimeout). */
    static final long FARGATE_DEFAULT_STOP_SECONDS = 30;

    private QueueRules() {
    }

    public static List<Rule> rules() {
        return List.of(HIDDEN_WHILE_STOPPING, RETRIED_BEFORE_DEAD_LETTER);
    }

    static final Rule HIDDEN_WHILE_STOPPING = Rule.of("TAP141", Severity.MEDIUM,
            "A queue worker's messages stay hidden while its task stops",
            "A task stopped by scale-in or a deployment gets SIGTERM and stopTimeout seconds to finish; a message it"
                    + " received just before becomes visible again after the visibility timeout, so with a shorter"
                    + " timeout another task processes it a second time while the first still works on it.",
            (context, findings) -> context.all(QUEUE).forEach(queue -> workerOf(context, queue).ifPresent(worker -> {
                long visibility = number(queue.input("visibilityTimeoutSeconds")).orElse(SQS_DEFAULT_VISIBILITY_SECONDS);
                var container = worker.container();
                long stop = number(container.get("stopTimeout")).orElse(FARGATE_DEFAULT_STOP_SECONDS);
                if (visibility < stop) {
                    findings.report(queue, "visibilityTimeout " + visibility + " s is shorter than the stopTimeout "
                            + stop + " s of container " + container.get("name") + ": a message received just before"
                            + " SIGTERM is received again by another task while this one still works on it; set the"
                            + " queue's visibilityTimeout to at least " + stop);
                }
            })));

    static final Rule RETRIED_BEFORE_DEAD_LETTER = Rule.of("TAP142", Severity.LOW,
            "A queue retries a message before it dead-letters it",
            "With maxReceiveCount 1 a single failed or interrupted receive (a task stopped mid-message, a timeout)"
                    + " moves the message to the dead-letter queue; AWS's guidance is at least 5 receives"
                    + " (AWS MDAA QueueDlqProps, the Lambda event source guidance).",
            (context, findings) -> context.all(QUEUE).forEach(queue -> maxReceiveCount(queue)
                    .filter(count -> count < 2).ifPresent(count -> findings.report(queue, "moves a message to the"
                            + " dead-letter queue after " + count + " receive; set the queue's maxReceiveCount to at"
                            + " least 5 so an interrupted receive is retried"))));

    /** The task definition whose container gets this queue's URL as QUEUE_URL, with that container. */
    static Optional<Worker> workerOf(CheckContext context, PlannedResource queue) {
        var url = queue.output("url");
        if (url == null) {
            return Optional.empty();
        }
        for (var task : context.all(CheckContext.TASK_DEFINITION)) {
            for (var container : context.containersOf(task)) {
                if (container.get("environment") instanceof List<?> variables && variables.stream()
                        .anyMatch(v -> v instanceof Map<?, ?> m && OWN_QUEUE_VARIABLE.equals(m.get("name"))
                                && url.equals(m.get("value")))) {
                    return Optional.of(new Worker(task, container));
                }
            }
        }
        return Optional.empty();
    }

    record Worker(PlannedResource taskDefinition, Map<String, Object> container) {
    }

    private static Optional<Long> maxReceiveCount(PlannedResource queue) {
        var policy = queue.input("redrivePolicy");
        if (!(policy instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        try {
            var json = JsonParser.parseString(text).getAsJsonObject();
            return json.has("maxReceiveCount") ? Optional.of(json.get("maxReceiveCount").getAsLong())
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(Object value) {
        return value instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }
}
