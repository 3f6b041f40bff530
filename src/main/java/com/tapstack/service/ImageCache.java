package com.tapstack.service;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.tapstack.aws.AwsAccount;
import com.tapstack.config.service.ImageSpec;
import com.tapstack.config.service.PublicRegistry;
import com.tapstack.config.service.UpstreamImage;
import com.tapstack.naming.Naming;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stack's ECR pull through cache as a service sees it: the public registries it has a rule for, and what must
 * exist before a task's first pull through it (the rules, the repository creation templates and their role).
 */
public record ImageCache(Set<PublicRegistry> registries, List<Resource> readiness) {

    public ImageCache {
        registries = Set.copyOf(registries);
        readiness = List.copyOf(readiness);
    }

    /**
     * The image through the cache, when it comes from a registry the cache serves:
     * {@code <account>.dkr.ecr.<region>.<dns suffix>/<prefix>/<upstream path>@<digest>}, the digest kept (it alone
     * decides what runs; the tag is left out) and the cached repository's ARN for the execution role.
     */
    public Optional<ResolvedImage> resolve(ImageSpec spec, Output<AwsAccount> account, Output<Naming> naming) {
        if (!(spec instanceof ImageSpec.External external)) {
            return Optional.empty();
        }
        return UpstreamImage.of(external.reference()).filter(image -> registries.contains(image.registry()))
                .map(image -> {
                    var repository = naming.applyValue(n -> image.cachedRepository(image.registry().cachePrefix(n)));
                    var pair = Output.tuple(account, repository);
                    return new ResolvedImage(pair.applyValue(t -> reference(t.t1, t.t2, image.digest())),
                            Optional.of(pair.applyValue(t -> t.t1.arn("ecr", "repository/" + t.t2))), true);
                });
    }

    static String reference(AwsAccount account, String repository, String digest) {
        return account.accountId() + ".dkr.ecr." + account.region() + "." + account.dnsSuffix() + "/" + repository
                + "@" + digest;
    }
}
