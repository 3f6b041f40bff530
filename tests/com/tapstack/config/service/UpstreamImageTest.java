package com.tapstack.config.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.naming.Naming;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Which registry an image comes from, its path there and its cached repository, by Docker's reference rules. */
class UpstreamImageTest {

    static final String D = "sha256:" + "d".repeat(64);

    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of("nginx@" + D, PublicRegistry.DOCKER_HUB, "library/nginx"),
                Arguments.of("nginx:1.27@" + D, PublicRegistry.DOCKER_HUB, "library/nginx"),
                Arguments.of("docker.io/library/nginx@" + D, PublicRegistry.DOCKER_HUB, "library/nginx"),
                Arguments.of("docker.io/nginx@" + D, PublicRegistry.DOCKER_HUB, "library/nginx"),
                Arguments.of("bitnami/redis:7@" + D, PublicRegistry.DOCKER_HUB, "bitnami/redis"),
                Arguments.of("ghcr.io/org/app:1.4@" + D, PublicRegistry.GITHUB, "org/app"),
                Arguments.of("ghcr.io/nginxinc/nginx-unprivileged:1.30.5-alpine@" + D, PublicRegistry.GITHUB,
                        "nginxinc/nginx-unprivileged"),
                Arguments.of("quay.io/prometheus/node-exporter@" + D, PublicRegistry.QUAY, "prometheus/node-exporter"),
                Arguments.of("public.ecr.aws/docker/library/nginx@" + D, PublicRegistry.ECR_PUBLIC,
                        "docker/library/nginx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void theRegistryAndThePathOfAReference(String reference, PublicRegistry registry, String repository) {
        assertThat(UpstreamImage.of(reference)).contains(new UpstreamImage(registry, repository, D));
    }

    @Test
    void registriesNoRuleCachesAreNotUpstreamImages() {
        assertThat(UpstreamImage.of("111122223333.dkr.ecr.us-east-1.amazonaws.com/app@" + D)).isEmpty();
        assertThat(UpstreamImage.of("registry.gitlab.com/org/app@" + D)).isEmpty();
        assertThat(UpstreamImage.of("localhost:5000/app@" + D)).isEmpty();
        assertThat(UpstreamImage.of("nginx:latest")).isEqualTo(Optional.empty());
    }

    @Test
    void theCachedRepositoryIsThePrefixThenTheUpstreamPath() {
        var naming = new Naming("tap", "dev", "x7k2p9");
        var image = UpstreamImage.of("nginx@" + D).orElseThrow();
        assertThat(image.cachedRepository(image.registry().cachePrefix(naming))).isEqualTo("tap-dev-x7k2p9-docker/library/nginx");
        assertThat(PublicRegistry.ECR_PUBLIC.cachePrefix(naming)).isEqualTo("tap-dev-x7k2p9-ecr-pub");
    }

    @Test
    void everyPrefixANameAllowsFitsAwssThirtyCharactersAndPattern() {
        // The loader keeps <project>-<environment>-<suffix>- within 22 characters (32, less a part's 10).
        var naming = new Naming("ledger", "staging", "s".repeat(Naming.maxSuffixLength("ledger", "staging")));
        for (var registry : PublicRegistry.values()) {
            assertThat(registry.cachePrefix(naming)).hasSizeLessThanOrEqualTo(PublicRegistry.MAX_PREFIX_LENGTH)
                    .matches("^[a-z0-9]+(?:[._-][a-z0-9]+)*$");
        }
        assertThat(naming.prefix()).hasSize(22);
    }
}
