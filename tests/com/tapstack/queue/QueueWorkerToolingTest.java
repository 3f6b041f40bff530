package com.tapstack.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.config.CostAssumptions;
import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.cost.CostEstimate;
import com.tapstack.tooling.cost.CostEstimator;
import com.tapstack.tooling.cost.PriceTable;
import com.tapstack.tooling.diagram.MermaidDiagram;
import com.tapstack.tooling.offline.Plan;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What ./tap check, ./tap cost and ./tap diagram make of a queue worker (mailer, produced for by orders). */
class QueueWorkerToolingTest {

    static final String S = QueueWorkerPlanTest.S;

    static Plan plan(UnaryOperator<StackValues> edit) {
        return Fixtures.plan(Fixtures.SMALL, edit.apply(Fixtures.values(Fixtures.SMALL)
                .setIn(S, "mailer.queue", Map.of("producers", List.of("orders")))));
    }

    static CostEstimate.Line queueLine(Plan plan, double millionRequests) {
        return CostEstimator.estimate(plan, new CostAssumptions(1, 1, 1, millionRequests, 10, 5, 0.5), 7, PriceTable.shipped())
                .lines().stream().filter(l -> l.family().equals(CostEstimator.QUEUES)).findFirst().orElseThrow();
    }

    @Test
    void tap131AVisibilityTimeoutShorterThanTheStopTimeout() {
        var findings = Checks.findings(plan(v -> v.setIn(S, "mailer.queue.visibilityTimeout", 20)
                .setIn(S, "mailer.stopTimeout", 45)), false, "TAP141");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.resource().name()).isEqualTo("shop-mailer-queue");
            assertThat(f.message()).isEqualTo("visibilityTimeout 20 s is shorter than the stopTimeout 45 s of"
                    + " container mailer: a message received just before SIGTERM is received again by another task"
                    + " while this one still works on it; set the queue's visibilityTimeout to at least 45");
        });
        assertThat(Checks.findings(plan(v -> v.setIn(S, "mailer.queue.visibilityTimeout", 45)
                .setIn(S, "mailer.stopTimeout", 45)), false, "TAP141")).isEmpty();
    }

    @Test
    void tap132ADeadLetterAfterASingleReceive() {
        var findings = Checks.findings(plan(v -> v.setIn(S, "mailer.queue.maxReceiveCount", 1)), false, "TAP142");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.resource().name()).isEqualTo("shop-mailer-queue");
            assertThat(f.message()).isEqualTo("moves a message to the dead-letter queue after 1 receive; set the"
                    + " queue's maxReceiveCount to at least 5 so an interrupted receive is retried");
        });
        assertThat(Checks.findings(plan(v -> v.setIn(S, "mailer.queue.maxReceiveCount", 2)), false, "TAP142"))
                .isEmpty();
    }

    @Test
    void theDefaultsRaiseNoFindingOfTheirOwn() {
        var before = Checks.findings(Fixtures.plan(Fixtures.SMALL), false).stream()
                .map(f -> f.rule().id() + " " + f.message()).toList();
        assertThat(Checks.findings(plan(v -> v.setIn(S, "mailer.minCount", 0)), false))
                .extracting(f -> f.rule().id() + " " + f.message()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void theFreeTierCoversAMillionRequestsAndTheKeyRequestsOfOneProducerAndTheWorker() {
        // One queue: 2,592,000 s / 300 s x (2 x 1 producer + 1 worker) = 25,920 KMS requests, 5,920 over the free
        // 20,000: 0.59 x $0.03.
        assertThat(queueLine(plan(v -> v), 1)).isEqualTo(new CostEstimate.Line(CostEstimator.QUEUES,
                "1 queue, 1 M requests (first 1 M free) + 25920 KMS data key requests (first 20,000 free)", 0.02));
        // Ten million requests: nine billable at $0.40.
        assertThat(queueLine(plan(v -> v), 10).monthly()).isEqualTo(3.62);
        // Without a queue, no line.
        assertThat(CostEstimator.estimate(Fixtures.plan(Fixtures.SMALL), CostAssumptions.defaults(), 7,
                PriceTable.shipped()).lines()).noneMatch(l -> l.family().equals(CostEstimator.QUEUES));
    }

    @Test
    void theDiagramDrawsProducerQueueWorkerAndTheDeadLetterQueue() {
        var diagram = MermaidDiagram.render(plan(v -> v));
        assertThat(diagram).contains(
                "  q_shop_mailer_queue[/\"SQS shop-qa-t1-mailer-queue\"/]\n"
                        + "  dlq_shop_mailer_queue[/\"DLQ shop-qa-t1-mailer-queue-dlq\"/]\n"
                        + "  q_shop_mailer_queue -.->|\"after 5 receives\"| dlq_shop_mailer_queue\n"
                        + "  kms -.->|encrypts| q_shop_mailer_queue\n",
                "  q_shop_mailer_queue -->|receives| svc_shop_mailer\n",
                "  svc_shop_orders -->|sends| q_shop_mailer_queue\n");
        assertThat(diagram).doesNotContain("svc_shop_storefront -->|sends|");
        assertThat(MermaidDiagram.render(Fixtures.plan(Fixtures.SMALL))).doesNotContain("SQS ");
    }
}
