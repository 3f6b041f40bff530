package com.tapstack.service;

import com.pulumi.core.Output;
import com.tapstack.config.service.QueueSettings;
import com.tapstack.queue.WorkQueue;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The queues one service uses: the one it works off, when it is a queue worker, and those of the workers that
 * name it among their producers, by worker name.
 */
public record QueueAccess(Optional<WorkQueue> own, Map<String, WorkQueue> sendTo) {

    public QueueAccess {
        sendTo = Map.copyOf(sendTo);
    }

    public static QueueAccess none() {
        return new QueueAccess(Optional.empty(), Map.of());
    }

    /** The queues {@code service} uses, among the workers' queues of the stack (by worker name). */
    public static QueueAccess of(com.tapstack.config.service.ServiceConfig service, Map<String, WorkQueue> queues,
                                 java.util.Collection<com.tapstack.config.service.ServiceConfig> all) {
        var sendTo = new TreeMap<String, WorkQueue>();
        for (var worker : all) {
            worker.queue().filter(queue -> queue.producers().contains(service.name()))
                    .ifPresent(queue -> sendTo.put(worker.name(), queues.get(worker.name())));
        }
        return new QueueAccess(Optional.ofNullable(queues.get(service.name())), sendTo);
    }

    public boolean isEmpty() {
        return own.isEmpty() && sendTo.isEmpty();
    }

    /** QUEUE_URL for its own queue, {@code <WORKER>_QUEUE_URL} for each queue it sends to. */
    public Output<Map<String, String>> environment() {
        var urls = new TreeMap<String, Output<String>>();
        own.ifPresent(queue -> urls.put(QueueSettings.OWN_QUEUE_VARIABLE, queue.url()));
        sendTo.forEach((worker, queue) -> urls.put(QueueSettings.producerVariable(worker), queue.url()));
        if (urls.isEmpty()) {
            return Output.of(Map.of());
        }
        return Output.all(urls.values().stream().toList()).applyValue(values -> {
            var environment = new TreeMap<String, String>();
            var names = urls.keySet().iterator();
            values.forEach(value -> environment.put(names.next(), value));
            return Map.copyOf(environment);
        });
    }
}
