package com.tapstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.tooling.offline.PlannedResource;
import com.tapstack.support.Stacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerRegistryPlanTest {

    @Test
    void servicesThatBuildTheirOwnImageGetAScannedImmutableKmsEncryptedRepository() {
        var plan = Stacks.plan("prod");
        var keyArn = plan.outputs().get("kmsKeyArn");

        assertThat(plan.byType("aws:ecr/repository:Repository")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("tap-registry-web", "tap-registry-api");
        assertThat(plan.byType("aws:ecr/repository:Repository")).allSatisfy(repository -> {
            assertThat(repository.inputString("name")).matches("tap-prod-core-(web|api)");
            assertThat(repository.input("imageTagMutability")).isEqualTo("IMMUTABLE");
            assertThat(repository.input("imageScanningConfiguration")).isEqualTo(Map.of("scanOnPush", true));
            assertThat(repository.input("encryptionConfigurations"))
                    .isEqualTo(List.of(Map.of("encryptionType", "KMS", "kmsKey", keyArn)));
        });
    }

    @Test
    void protectionFollowsTheEnvironment() {
        var dev = Stacks.plan("dev").named("aws:ecr/repository:Repository", "tap-registry-web");
        var prod = Stacks.plan("prod").named("aws:ecr/repository:Repository", "tap-registry-web");

        assertThat(dev.input("forceDelete")).isEqualTo(true);
        assertThat(dev.protect()).isFalse();
        assertThat(prod.input("forceDelete")).isEqualTo(false);
        assertThat(prod.protect()).isTrue();
    }

    @Test
    void eachRepositoryGetsTheConfiguredLifecyclePolicy() {
        var plan = Stacks.plan("dev");
        var policy = plan.named("aws:ecr/lifecyclePolicy:LifecyclePolicy", "tap-registry-api-lifecycle");

        assertThat(policy.input("repository")).isEqualTo("tap-dev-" + plan.outputs().get("environmentSuffix") + "-api");
        assertThat(policy.input("policy")).isEqualTo(EcrLifecycle.policy(10, 3));
    }
}
