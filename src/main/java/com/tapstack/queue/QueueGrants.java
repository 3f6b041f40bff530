package com.tapstack.queue;

import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a service may do with the stack's queues, as one IAM document for its task role: receive and delete on the
 * queue it works off, send on the queues it produces for, and the stack key's actions SSE-KMS makes those calls
 * need (sqs-key-management.html: a producer needs kms:GenerateDataKey and kms:Decrypt, a consumer kms:Decrypt).
 * The batch forms (SendMessageBatch, DeleteMessageBatch) are authorized by the same
 * actions: the Service Authorization Reference has no actions of their names (iam/service-reference.json.gz, read
 * 2026-09-26). Every action is on the queue's exact ARN, every key action on the stack key's; the key policy's
 * root statement delegates to IAM, so it needs no statement for them.
 */
public final class QueueGrants {

    /**
     * Exactly receive and delete (issue 15): no ChangeMessageVisibility, so a worker cannot extend a long job's
     * visibility or hand a message back early; the queue's visibilityTimeout must outlast a job (TAP141 holds it
     * above the stop timeout). GetQueueAttributes and GetQueueUrl are not needed: the task gets the queue's URL.
     */
    public static final List<String> CONSUME_ACTIONS = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage");
    public static final List<String> SEND_ACTIONS = List.of("sqs:SendMessage");
    public static final List<String> CONSUME_KEY_ACTIONS = List.of("kms:Decrypt");
    /** kms:Decrypt too: SQS verifies each new data key with it before a send uses it. */
    public static final List<String> SEND_KEY_ACTIONS = List.of("kms:GenerateDataKey", "kms:Decrypt");

    private QueueGrants() {
    }

    /**
     * The document, or empty when the service neither works off a queue nor sends to one.
     *
     * @param ownQueueArn the queue the service works off, if it is a queue worker
     * @param sendTo      the queues it may send to
     * @param sqsEndpoint SQS in the stack's region ({@code sqs.<region>.amazonaws.com}): the stack key also encrypts
     *                    logs, parameters, file systems and sessions, so the role may use it only through SQS
     *                    (kms:ViaService; KMS developer guide, conditions-kms.html#conditions-kms-via-service)
     */
    public static Optional<PolicyDocument> of(Optional<String> ownQueueArn, List<String> sendTo, String keyArn,
                                              String sqsEndpoint) {
        var statements = new ArrayList<Statement>();
        ownQueueArn.ifPresent(arn -> statements.add(Statement.allow("ConsumeQueue").actions(CONSUME_ACTIONS)
                .resources(arn).build()));
        if (!sendTo.isEmpty()) {
            statements.add(Statement.allow("SendToQueues").actions(SEND_ACTIONS)
                    .resources(sendTo.stream().sorted().toList()).build());
        }
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        var keyActions = sendTo.isEmpty() ? CONSUME_KEY_ACTIONS : SEND_KEY_ACTIONS;
        statements.add(Statement.allow("UseStackKeyForQueues").actions(keyActions).resources(keyArn)
                .condition("StringEquals", "kms:ViaService", sqsEndpoint).build());
        return Optional.of(new PolicyDocument(statements));
    }
}
