package com.tapstack.config.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    private static final String IMAGE = "ghcr.io/nginx/nginx-unprivileged@sha256:"
            + "ed04ec1ff34502c339ee5c3ae3f855442398edc1d05591e2b98981dcbbd20b1e";

    @Test
    void devWebIsPublicCallsApiAndTakesDefaultsForWhatItDoesNotSay() {
        var web = Reference.config("dev").platform().services().get("web");

        assertThat(web).isEqualTo(ServiceConfig.builder("web", new ImageSpec.External(IMAGE))
                .ecrRepository(true)
                .port(8080)
                .isPublic(true)
                .containerHealthCheck(Optional.of(new ContainerHealthCheck(List.of("CMD-SHELL",
                        "wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1"), 30, 5, 3, 15)))
                .scaling(new Scaling(1, 1, 3, 70, 70))
                .environment(Map.of("API_URL", "http://api.dev" + "." + Reference.NAME + ".local" + ":8080"))
                .calls(List.of("api"))
                .user(Optional.of("101"))
                .writablePaths(List.of("/tmp"))
                .build());
        // The defaults the builder starts from are the declared ones.
        assertThat(web.size()).isEqualTo(new FargateSize(256, 512));
        assertThat(web.architecture()).isEqualTo(Architecture.X86_64);
        assertThat(web.targetHealthCheck()).isEqualTo(new TargetHealthCheck("/", 30, 5, 3, 2, "200"));
        assertThat(web.healthCheckGracePeriodSeconds()).isEqualTo(60);
        assertThat(web.deregistrationDelaySeconds()).isEqualTo(30);
    }

    @Test
    void devApiIsInternalWithExecAndWorkerHasNoPortAndNoRepository() {
        var services = Reference.config("dev").platform().services();

        assertThat(services.get("api").isPublic()).isFalse();
        assertThat(services.get("api").exec()).isTrue();
        assertThat(services.get("api").ownsRepository()).isTrue();
        assertThat(services.get("worker").port()).isEmpty();
        assertThat(services.get("worker").ownsRepository()).isFalse();
        assertThat(services.get("worker").calls()).isEmpty();
    }

    @Test
    void prodIsRightSizedLargerThanDev() {
        var dev = Reference.config("dev").platform().services();
        var prod = Reference.config("prod").platform().services();

        assertThat(prod.get("web").size()).isEqualTo(new FargateSize(512, 1024));
        assertThat(prod.get("api").size()).isEqualTo(new FargateSize(1024, 2048));
        assertThat(prod.get("worker").size()).isEqualTo(new FargateSize(512, 1024));
        assertThat(prod.get("web").scaling()).isEqualTo(new Scaling(2, 2, 6, 70, 70));
        assertThat(dev.get("web").scaling()).isEqualTo(new Scaling(1, 1, 3, 70, 70));
        assertThat(prod.get("api").exec()).isFalse();
    }

    @Test
    void imageAndSecretFormsParseToTheirTypedForms() {
        var digest = "sha256:" + "0f".repeat(32);
        var values = Reference.values("dev")
                .setIn(Reference.NS + "services", "api.image", Map.of("repository", "self", "digest", digest))
                .setIn(Reference.NS + "services", "worker.image", Map.of("repository", "team/worker", "tag", "v1.4.2"))
                .setIn(Reference.NS + "services", "api.secrets", Map.of(
                        "DB_URL", "/" + Reference.NAME + "/dev/db-url",
                        "API_KEY", "arn:aws:ssm:us-east-1:123456789012:parameter/shared/api-key",
                        "DB_PASSWORD", Map.of("secretArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
                                "jsonKey", "password",
                                "kmsKeyArn", "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")))
                .toMap();

        var services = Reference.load("dev", values).platform().services();

        assertThat(services.get("api").image()).isEqualTo(new ImageSpec.Ecr(Optional.empty(), Optional.of(digest),
                Optional.empty()));
        assertThat(services.get("worker").image()).isEqualTo(new ImageSpec.Ecr(Optional.of("team/worker"),
                Optional.empty(), Optional.of("v1.4.2")));
        assertThat(services.get("worker").ownsRepository()).isFalse();
        assertThat(services.get("api").secrets()).isEqualTo(Map.of(
                "DB_URL", new SecretRef.SsmParameter("/" + Reference.NAME + "/dev/db-url", Optional.empty(), Optional.empty()),
                "API_KEY", new SecretRef.SsmParameter("/shared/api-key",
                        Optional.of("arn:aws:ssm:us-east-1:123456789012:parameter/shared/api-key"), Optional.empty()),
                "DB_PASSWORD", new SecretRef.SecretsManager("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
                        Optional.of("password"),
                        Optional.of("arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"))));
    }

    @Test
    void anS3ObjectPrefixIsTheOneWildcardAPermissionMayEndIn() {
        var values = Reference.values("dev").setIn(Reference.NS + "services", "api.permissions", List.of(Map.of(
                "actions", List.of("s3:GetObject", "s3:PutObject"),
                "resources", List.of("arn:aws:s3:::" + Reference.P + "dev-uploads/incoming/*")))).toMap();

        var api = Reference.load("dev", values).platform().services().get("api");

        assertThat(api.permissions()).containsExactly(new Permission(List.of("s3:GetObject", "s3:PutObject"),
                List.of("arn:aws:s3:::" + Reference.P + "dev-uploads/incoming/*")));
    }
}
