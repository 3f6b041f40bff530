package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.test.Mocks;
import com.tapstack.config.ConfigException;
import com.tapstack.support.AwsAnswers;
import com.tapstack.support.Fixtures;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.SimulatedAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A service's image in the stack's own repository must carry a tag, or the lifecycle policy expires it. */
class UntaggedImageTest {

    /** ECR answers a digest lookup for one repository with an untagged image. */
    private static Mocks untagged(Mocks aws, String repository) {
        return AwsAnswers.lookup(aws, args -> args.token.equals("aws:ecr/getImage:getImage")
                && repository.equals(args.args.get("repositoryName")), answer -> {
                    answer.put("imageTags", List.of());
                    answer.remove("imageTag");
                });
    }

    @Test
    void anUntaggedDigestInTheStacksRepositoryIsRefusedNamingTheKeyAndTheExpiry() {
        var config = Fixtures.config(Fixtures.FULL);

        assertThatThrownBy(() -> OfflineEngine.plan(config, Fixtures.FULL, SimulatedAccount.forStack(config),
                aws -> untagged(aws, "shop-live-eu1-orders")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.full.yaml: shop:services.orders.image.digest: sha256:" + "5".repeat(64)
                        + " has no tag in the repository, which expires untagged images after 7 days"
                        + " (ecrUntaggedExpiryDays); after that no new task of the service could pull it; allowed: a"
                        + " digest that CI pushed with a tag (tags are immutable: one per build), or add one with aws"
                        + " ecr put-image --image-tag <tag> --image-manifest <its manifest>");
    }
}
