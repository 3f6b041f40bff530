package com.tapstack.tooling.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diagram draws the cache between the registry it pulls from and the services whose images come through it. */
class PullThroughDrawingTest {

    @Test
    void theCacheSitsBetweenGhcrAndTheServiceItFeeds() {
        var values = Fixtures.values(Fixtures.SMALL)
                .setIn(Fixtures.key("services"), "mailer.image", "ghcr.io/acme/mailer@sha256:" + "b".repeat(64))
                .set(Fixtures.key("pullThroughCache"), Map.of("githubCredential", "ecr-pullthroughcache/ghcr"));
        var diagram = MermaidDiagram.render(Fixtures.plan(Fixtures.SMALL, values));

        assertThat(diagram).contains("  upstream_ghcr_io([\"ghcr.io\"])\n",
                "  cache_shop_qa_t1_ghcr[(\"ECR pull through cache<br/>shop-qa-t1-ghcr/\")]\n",
                "  upstream_ghcr_io -->|\"first pull, by ECR\"| cache_shop_qa_t1_ghcr\n",
                "  kms -.->|encrypts| cache_shop_qa_t1_ghcr\n",
                "  cache_shop_qa_t1_ghcr -->|image| svc_shop_mailer\n");
        assertThat(diagram).doesNotContain("cache_shop_qa_t1_ghcr -->|image| svc_shop_storefront");
    }

    @Test
    void withoutTheCacheNothingIsDrawn() {
        assertThat(MermaidDiagram.render(Fixtures.plan(Fixtures.SMALL))).doesNotContain("pull through cache");
    }
}
