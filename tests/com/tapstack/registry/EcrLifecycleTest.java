package com.tapstack.registry;

import static com.tapstack.support.PlanAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcrLifecycleTest {

    @Test
    void untaggedExpireAfterDaysAndTheNewestImagesAreKeptWithTheAnyRuleLast() {
        assertThat(json(EcrLifecycle.policy(30, 7))).isEqualTo(json("""
                {"rules": [
                  {"rulePriority": 1, "description": "Expire untagged images 7 days after push",
                   "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days",
                                 "countNumber": 7},
                   "action": {"type": "expire"}},
                  {"rulePriority": 2, "description": "Keep the newest 30 images",
                   "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 30},
                   "action": {"type": "expire"}}
                ]}"""));
    }

    @Test
    void thePolicyTextIsTheSameInEveryJvmSoPreviewsShowNoDiff() {
        // Exact text, key order included: Map.of would order the keys differently from one JVM start to the next.
        assertThat(EcrLifecycle.policy(30, 7)).isEqualTo("{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire"
                + " untagged images 7 days after push\",\"selection\":{\"tagStatus\":\"untagged\",\"countType\":"
                + "\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":7},\"action\":{\"type\":\"expire\"}},"
                + "{\"rulePriority\":2,\"description\":\"Keep the newest 30 images\",\"selection\":{\"tagStatus\":"
                + "\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":30},\"action\":{\"type\":\"expire\"}}]}");
    }
}
