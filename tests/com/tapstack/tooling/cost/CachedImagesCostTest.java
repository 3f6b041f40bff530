package com.tapstack.tooling.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pull through cache's line: per rule its distinct cached images at the assumed size, at ECR's storage price. */
class CachedImagesCostTest {

    private static final PriceTable PRICES = PriceTable.shipped();

    private static StackValues cached() {
        return Fixtures.values(Fixtures.SMALL)
                .setIn(Fixtures.key("services"), "storefront.image", "ghcr.io/acme/storefront@sha256:" + "a".repeat(64))
                .setIn(Fixtures.key("services"), "mailer.image", "ghcr.io/acme/mailer@sha256:" + "b".repeat(64))
                .set(Fixtures.key("pullThroughCache"), Map.of("githubCredential", "ecr-pullthroughcache/ghcr"));
    }

    private static CostEstimate estimate(StackValues values) {
        var config = Fixtures.load(Fixtures.SMALL, values.toMap());
        return CostEstimator.estimate(Fixtures.plan(Fixtures.SMALL, values), config.costAssumptions(),
                config.logRetentionDays(), PRICES);
    }

    @Test
    void aLinePerRuleForItsImagesAtTheAssumedSize() {
        var estimate = estimate(cached());
        assertThat(estimate.lines()).filteredOn(l -> l.family().equals(CostEstimator.PULL_THROUGH_CACHE))
                .containsExactly(new CostEstimate.Line(CostEstimator.PULL_THROUGH_CACHE,
                        "ghcr.io: 2 cached images x 0.50 GB (assumed)", 0.1));
        assertThat(PRICES.price("ecrStorageGBMonth")).isEqualTo(0.10);
    }

    @Test
    void theSizeIsACostAssumptionOfTheStackFile() {
        var estimate = estimate(cached().set(Fixtures.key("costAssumptions"), Map.of("cachedImageGB", 2)));
        assertThat(estimate.of(CostEstimator.PULL_THROUGH_CACHE)).isEqualTo(0.4);
    }

    @Test
    void withoutTheCacheThereIsNoLine() {
        assertThat(estimate(Fixtures.values(Fixtures.SMALL)).lines()).extracting(CostEstimate.Line::family)
                .doesNotContain(CostEstimator.PULL_THROUGH_CACHE);
    }
}
