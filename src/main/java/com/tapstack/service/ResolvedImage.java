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
 *
 * <p>An image in this stack's own repository is looked up by digest at every deployment and must carry a tag:
 * the repository's lifecycle policy expires untagged images after {@code ecrUntaggedExpiryDays}, and once the
 * digest a service runs has expired, every new task (a scale-out, a replaced task) fails to pull it. ECR has no
 * lifecycle rule that keeps images in use, so a tagged image can still expire once more than {@code
 * ecrKeepImages} newer images are pushed to the repository between deployments; the lookup then fails the next
 * deployment with "image not found" instead of letting the service run on an image it cannot start again.
 *
 * <p>{@code pullThroughCache}: the image comes through the stack's pull through cache ({@link ImageCache}), so the
 * execution role may also import it from upstream and create its repository at the first pull.
 */
public record ResolvedImage(Output<String> reference, Optional<Output<String>> repositoryArn,
                            boolean pullThroughCache) {

    /** An image pulled as it is (not through the pull through cache). */
    public ResolvedImage(Output<String> reference, Optional<Output<String>> repositoryArn) {
        this(reference, repositoryArn, false);
    }

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>@sha256:<digest>}. */
    static final java.util.regex.Pattern ECR_REFERENCE = java.util.regex.Pattern.compile(
            "^(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^@:]+)@sha256:[0-9a-f]{64}$");

    /** @param checks where an untagged image is reported: the service's image key and the repository's expiry */
    public static ResolvedImage resolve(ImageSpec spec, Optional<Repository> ownRepository, Output<AwsAccount> account,
                                        Resource parent, UntaggedImage checks) {
        if (spec instanceof ImageSpec.External external) {
            var ecr = ECR_REFERENCE.matcher(external.reference());
            if (ecr.matches()) {
                // An ECR image given by its URI (another account's or this one's): the execution role still needs
                // pull rights on that repository (cross-account pulls need them besides the repository policy).
                var arn = account.applyValue(a -> "arn:" + a.partition() + ":ecr:" + ecr.group(2) + ":" + ecr.group(1)
                        + ":repository/" + ecr.group(3));
                return new ResolvedImage(Output.of(external.reference()), Optional.of(arn));
            }
            return new ResolvedImage(Output.of(external.reference()), Optional.empty());
        }
        var ecr = (ImageSpec.Ecr) spec;
        if (ecr.ownRepository()) {
            var repository = ownRepository.orElseThrow(() ->
                    new IllegalStateException("the registry creates a repository for every image in self"));
            var digest = ecr.digest().orElseThrow();
            var found = EcrFunctions.getImage(GetImageArgs.builder().repositoryName(repository.name())
                    .imageDigest(digest).build(), InvokeOptions.builder().parent(parent).build());
            var reference = Output.tuple(repository.repositoryUrl(), found).applyValue(t -> {
                if (t.t2.imageTags().isEmpty()) {
                    throw checks.refuse(digest);
                }
                return t.t1 + "@" + digest;
            });
            return new ResolvedImage(reference, Optional.of(repository.arn()));
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

    /** The error for an untagged image in the stack's own repository. */
    public record UntaggedImage(String configFile, String imageKey, int expiryDays) {
        com.tapstack.config.ConfigException refuse(String digest) {
            return new com.tapstack.config.ConfigException(configFile, imageKey, digest + " has no tag in the"
                    + " repository, which expires untagged images after " + expiryDays + " days"
                    + " (ecrUntaggedExpiryDays); after that no new task of the service could pull it",
                    "a digest that CI pushed with a tag (tags are immutable: one per build), or add one with aws ecr"
                    + " put-image --image-tag <tag> --image-manifest <its manifest>");
        }
    }
}
