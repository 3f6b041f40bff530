package com.tapstack.tooling.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TAP602: without NAT, each service's tasks need a private path to everything they use (the image's registry,
 * logs, secrets, ECS Exec), reported by service and by missing path; ECR endpoints alone are not enough.
 */
class PrivatePathsTest {

    private static final String P = Fixtures.project().name() + "-";

    private static StackValues withoutNat() {
        return Fixtures.values(Fixtures.SMALL).set(Fixtures.key("natStrategy"), "none");
    }

    private static Map<String, String> findingsByService(StackValues values) {
        var findings = Checks.findings(Fixtures.plan(Fixtures.SMALL, values), false, "TAP602");
        var result = new java.util.TreeMap<String, String>();
        findings.forEach(f -> result.merge(f.resource().name(), f.message().replaceFirst("^subnet subnet-\\w+ ", ""),
                (a, b) -> a + " | " + b));
        return result;
    }

    @Test
    void withoutNatOrEndpointsEveryServiceMissesItsRegistryLogsAndTheS3Gateway() {
        var missing = "has no route to a NAT gateway, and its tasks have no private path to ecr.api for ECR (image"
                + " pull), ecr.dkr for ECR (image pull), logs for CloudWatch Logs (awslogs)";
        assertThat(findingsByService(withoutNat())).isEqualTo(Map.of(
                P + "storefront", missing + ", the S3 gateway for ECR image layers; add shop:endpoints.interfaces"
                        + " ecr.api, ecr.dkr, logs or use shop:natStrategy single or perAz",
                P + "mailer", missing + ", the S3 gateway for ECR image layers; add shop:endpoints.interfaces"
                        + " ecr.api, ecr.dkr, logs or use shop:natStrategy single or perAz",
                P + "orders", missing + ", ssmmessages for Session Manager (ECS Exec), kms for KMS (encrypted ECS"
                        + " Exec sessions), the S3 gateway for ECR image layers; add shop:endpoints.interfaces ecr.api,"
                        + " ecr.dkr, logs, ssmmessages, kms or use shop:natStrategy single or perAz"));
    }

    @Test
    void aQueueWorkerAndItsProducerNeedTheSqsEndpoint() {
        var values = withoutNat().set(Fixtures.key("endpoints"), Map.of("interfaces", List.of("ecr.api", "ecr.dkr",
                "logs", "ssmmessages", "kms"))).setIn(Fixtures.key("services"), "mailer.queue",
                Map.of("producers", List.of("orders")));

        assertThat(findingsByService(values)).isEqualTo(Map.of(
                P + "mailer", "has no route to a NAT gateway, and its tasks have no private path to sqs for SQS (queue"
                        + " URL QUEUE_URL); add shop:endpoints.interfaces sqs or use shop:natStrategy single or perAz",
                P + "orders", "has no route to a NAT gateway, and its tasks have no private path to sqs for SQS (queue"
                        + " URL MAILER_QUEUE_URL); add shop:endpoints.interfaces sqs or use shop:natStrategy single or"
                        + " perAz"));
    }

    @Test
    void aScheduledTasksRunsNeedTheirPathsToo() {
        var values = withoutNat().set(Fixtures.key("endpoints"), Map.of("interfaces", List.of("ecr.api", "ecr.dkr",
                "ssmmessages", "kms"))).setIn(Fixtures.key("services"), "mailer.schedule",
                Map.of("expression", "rate(1 hour)")).removeIn(Fixtures.key("services"), "mailer.maxCount");

        assertThat(findingsByService(values)).containsEntry(P + "mailer-schedule", "has no route to a NAT"
                + " gateway, and its tasks have no private path to logs for CloudWatch Logs (awslogs); add"
                + " shop:endpoints.interfaces logs or use shop:natStrategy single or perAz");
    }

    @Test
    void ecrEndpointsAloneLeaveExecWithoutItsChannelAndItsKey() {
        var values = withoutNat().set(Fixtures.key("endpoints"), Map.of());

        assertThat(findingsByService(values)).isEqualTo(Map.of(P + "orders", "has no route to a NAT gateway, and its"
                + " tasks have no private path to ssmmessages for Session Manager (ECS Exec), kms for KMS (encrypted"
                + " ECS Exec sessions); add shop:endpoints.interfaces ssmmessages, kms or use shop:natStrategy single"
                + " or perAz"));
    }

    @Test
    void anImageOutsideEcrCannotBePulledWithoutNatWhateverTheEndpoints() {
        var values = withoutNat()
                .set(Fixtures.key("endpoints"), Map.of("interfaces", List.of("ecr.api", "ecr.dkr", "logs",
                        "ssmmessages", "kms")))
                .setIn(Fixtures.key("services"), "mailer.image", "ghcr.io/shop/mailer@sha256:" + "7".repeat(64));

        assertThat(findingsByService(values)).isEqualTo(Map.of(P + "mailer", "has no route to a NAT gateway, and image"
                + " ghcr.io/shop/mailer@sha256:" + "7".repeat(64) + " is outside this region's ECR, the only registry"
                + " tasks reach without NAT (through its endpoints); push it to ECR (image: {repository: self, digest:"
                + " ...}), pull it through shop:pullThroughCache (Docker Hub, ghcr.io, Quay, ECR Public) or use"
                + " shop:natStrategy single or perAz"));
    }

    @Test
    void everyPathPresentIsQuietAndSoIsNat() {
        var values = withoutNat().set(Fixtures.key("endpoints"), Map.of("interfaces", List.of("ecr.api", "ecr.dkr",
                "logs", "ssmmessages", "kms")));

        assertThat(findingsByService(values)).isEmpty();
        assertThat(findingsByService(Fixtures.values(Fixtures.SMALL))).isEmpty();
    }

    @Test
    void secretsNeedTheEndpointOfTheStoreThatHoldsThem() {
        var values = withoutNat()
                .set(Fixtures.key("endpoints"), Map.of("interfaces", List.of("ecr.api", "ecr.dkr", "logs",
                        "ssmmessages", "kms")))
                .setIn(Fixtures.key("services"), "mailer.secrets", Map.of("SMTP_PASSWORD",
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/smtp-AbCdEf", "SMTP_HOST",
                        "/shop/smtp/host"));

        assertThat(findingsByService(values)).isEqualTo(Map.of(P + "mailer", "has no route to a NAT gateway, and its"
                + " tasks have no private path to ssm for SSM (secrets), secretsmanager for Secrets Manager (secrets);"
                + " add shop:endpoints.interfaces ssm, secretsmanager or use shop:natStrategy single or perAz"));
    }
}
