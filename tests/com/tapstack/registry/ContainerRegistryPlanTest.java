package com.tapstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerRegistryPlanTest {

    @Test
    void servicesThatBuildTheirOwnImageGetAScannedImmutableKmsEncryptedRepository() {
        var plan = Reference.plan("prod");
        var keyArn = plan.outputs().get("kmsKeyArn");

        assertThat(plan.byType("aws:ecr/repository:Repository")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder(Reference.P + "registry-web", Reference.P + "registry-api");
        assertThat(plan.byType("aws:ecr/repository:Repository")).allSatisfy(repository -> {
            assertThat(repository.inputString("name")).matches(Reference.P + "prod-core-(web|api)");
            assertThat(repository.input("imageTagMutability")).isEqualTo("IMMUTABLE");
            assertThat(repository.input("imageScanningConfiguration")).isEqualTo(Map.of("scanOnPush", true));
            assertThat(repository.input("encryptionConfigurations"))
                    .isEqualTo(List.of(Map.of("encryptionType", "KMS", "kmsKey", keyArn)));
        });
    }

    @Test
    void protectionFollowsTheEnvironment() {
        var dev = Reference.plan("dev").named("aws:ecr/repository:Repository", Reference.P + "registry-web");
        var prod = Reference.plan("prod").named("aws:ecr/repository:Repository", Reference.P + "registry-web");

        assertThat(dev.input("forceDelete")).isEqualTo(true);
        assertThat(dev.protect()).isFalse();
        assertThat(prod.input("forceDelete")).isEqualTo(false);
        assertThat(prod.protect()).isTrue();
    }

    @Test
    void eachRepositoryGetsTheConfiguredLifecyclePolicy() {
        var plan = Reference.plan("dev");
        var policy = plan.named("aws:ecr/lifecyclePolicy:LifecyclePolicy", Reference.P + "registry-api-lifecycle");

        assertThat(policy.input("repository")).isEqualTo(Reference.P + "dev-" + plan.outputs().get("environmentSuffix") + "-api");
        assertThat(policy.input("policy")).isEqualTo(EcrLifecycle.policy(10, 3));
    }
}
