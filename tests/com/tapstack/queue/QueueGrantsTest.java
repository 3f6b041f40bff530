package com.tapstack.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.iam.ServiceReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The queue statements of a task role, as pure functions. */
class QueueGrantsTest {

    static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/k";
    static final String OWN = "arn:aws:sqs:eu-west-1:123456789012:p-orders-queue";
    static final String B = "arn:aws:sqs:eu-west-1:123456789012:p-b-queue";
    static final String A = "arn:aws:sqs:eu-west-1:123456789012:p-a-queue";
    static final String SQS = "sqs.eu-west-1.amazonaws.com";

    @Test
    void nothingToGrantIsNoDocument() {
        assertThat(QueueGrants.of(Optional.empty(), List.of(), KEY, SQS)).isEmpty();
    }

    @Test
    void aWorkerThatAlsoProducesGetsBothAndTheSendersKeyActionsOnce() {
        var json = QueueGrants.of(Optional.of(OWN), List.of(B, A), KEY, SQS).orElseThrow().toJson();
        assertThat(json).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"ConsumeQueue\",\"Effect\":\"Allow\",\"Action\":[\"sqs:ReceiveMessage\","
                + "\"sqs:DeleteMessage\"],\"Resource\":[\"" + OWN + "\"]},"
                + "{\"Sid\":\"SendToQueues\",\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\"],\"Resource\":[\""
                + A + "\",\"" + B + "\"]},"
                + "{\"Sid\":\"UseStackKeyForQueues\",\"Effect\":\"Allow\",\"Action\":[\"kms:GenerateDataKey\","
                + "\"kms:Decrypt\"],\"Resource\":[\"" + KEY + "\"],\"Condition\":{\"StringEquals\":{"
                + "\"kms:ViaService\":\"" + SQS + "\"}}}]}");
    }

    @Test
    void everyActionExistsAndTakesTheQueueAsItsResource() {
        for (var action : QueueGrants.CONSUME_ACTIONS.stream().map(a -> a.substring("sqs:".length())).toList()) {
            assertThat(ServiceReference.actions("sqs", action)).singleElement()
                    .satisfies(a -> assertThat(a.resourceTypes()).isNotEmpty());
        }
        assertThat(ServiceReference.actions("sqs", "SendMessage")).singleElement()
                .satisfies(a -> assertThat(a.resourceTypes()).isNotEmpty());
        // No batch action of its own: the batch calls are authorized by the single ones.
        assertThat(ServiceReference.actions("sqs", "SendMessageBatch")).isEmpty();
        assertThat(ServiceReference.actions("sqs", "DeleteMessageBatch")).isEmpty();
    }
}
