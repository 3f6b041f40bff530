package com.tapstack.registry;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One ECR repository per service that builds its own image: scanned on push, tags immutable, encrypted with
 * the stack key, with a lifecycle policy. Repositories live here, apart from the services, so replacing a
 * service never touches its images; in a protected environment they are protected and keep their images on
 * deletion, elsewhere they may be deleted with their images.
 */
public final class ContainerRegistry extends ComponentResource {

    public static final String TYPE = "tap:registry:ContainerRegistry";

    private final Map<String, Repository> repositories = new LinkedHashMap<>();

    public ContainerRegistry(String name, PlatformConfig platform, StackScope scope, Output<String> kmsKeyArn,
                             ComponentResourceOptions options) {
        super(TYPE, name, options);
        var protect = scope.protect();
        for (var service : platform.services().values()) {
            if (!service.ownsRepository()) {
                continue;
            }
            var repository = new Repository(name + "-" + service.name(), RepositoryArgs.builder()
                    .name(scope.name(service.name(), NameLimit.ECR_REPOSITORY))
                    .imageTagMutability("IMMUTABLE")
                    .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder()
                            .scanOnPush(true).build())
                    .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                            .encryptionType("KMS").kmsKey(kmsKeyArn).build())
                    .forceDelete(!protect)
                    .tags(scope.commonTags())
                    .build(),
                    CustomResourceOptions.builder().parent(this).protect(protect).build());
            new LifecyclePolicy(name + "-" + service.name() + "-lifecycle", LifecyclePolicyArgs.builder()
                    .repository(repository.name())
                    .policy(EcrLifecycle.policy(platform.ecrKeepImages(), platform.ecrUntaggedExpiryDays()))
                    .build(),
                    CustomResourceOptions.builder().parent(this).build());
            repositories.put(service.name(), repository);
        }
        var outputs = new LinkedHashMap<String, Output<?>>();
        repositories.forEach((service, repository) -> outputs.put(service, repository.repositoryUrl()));
        registerOutputs(Map.copyOf(outputs));
    }

    public Optional<Repository> repositoryOf(ServiceConfig service) {
        return Optional.ofNullable(repositories.get(service.name()));
    }
}
