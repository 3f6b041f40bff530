package com.tapstack.service;

import com.pulumi.aws.ecr.EcrFunctions;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.inputs.GetImageArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;
import com.tapstack.aws.AwsAccount;
import com.tapstack.config.service.ImageSpec;
import java.util.Optional;

/**
 * The image a task definition carries, always {@code <repository>@sha256:<digest>}, and the ECR repository the
 * execution role must be able to pull from (none for images outside ECR).
 */
public record ResolvedImage(Output<String> reference, Optional<Output<String>> repositoryArn) {

    public static ResolvedImage resolve(ImageSpec spec, Optional<Repository> ownRepository, Output<AwsAccount> account,
                                        Resource parent) {
        if (spec instanceof ImageSpec.External external) {
            return new ResolvedImage(Output.of(external.reference()), Optional.empty());
        }
        var ecr = (ImageSpec.Ecr) spec;
        if (ecr.ownRepository()) {
            var repository = ownRepository.orElseThrow(() ->
                    new IllegalStateException("the registry creates a repository for every image in self"));
            var digest = ecr.digest().orElseThrow();
            return new ResolvedImage(repository.repositoryUrl().applyValue(url -> url + "@" + digest),
                    Optional.of(repository.arn()));
        }
        var name = ecr.repository().orElseThrow();
        var url = account.applyValue(a -> a.accountId() + ".dkr.ecr." + a.region() + "." + a.dnsSuffix() + "/" + name);
        var arn = account.applyValue(a -> a.arn("ecr", "repository/" + name));
        var digest = ecr.digest().map(Output::of).orElseGet(() ->
                // The tag is looked up at every deployment; the task definition records the digest it found, so a
                // moved tag shows up as a new task definition revision instead of silently changing what runs.
                EcrFunctions.getImage(GetImageArgs.builder().repositoryName(name).imageTag(ecr.tag().orElseThrow())
                                .build(), InvokeOptions.builder().parent(parent).build())
                        .applyValue(image -> image.imageDigest()));
        return new ResolvedImage(Output.tuple(url, digest).applyValue(t -> t.t1 + "@" + t.t2), Optional.of(arn));
    }
}
