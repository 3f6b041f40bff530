package com.tapstack.config.service;

import java.util.Optional;

/**
 * An image reference of a public registry a pull through cache can serve, split the way the cache needs it: the
 * registry, the repository path inside it and the digest. Docker's rules for the domain (distribution/reference,
 * normalize.go): the first path component is a domain only if it contains a dot or a colon or is localhost;
 * without one the image is Docker Hub's, and an official image without a namespace lives in {@code library/}.
 *
 * @param repository the path in the upstream registry, e.g. {@code library/nginx}, {@code org/app}
 * @param digest     {@code sha256:<64 hex>}
 */
public record UpstreamImage(PublicRegistry registry, String repository, String digest) {

    /** The registry, path and digest of a digest-pinned reference, or empty for a registry no rule can cache. */
    public static Optional<UpstreamImage> of(String reference) {
        int at = reference.indexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        var name = withoutTag(reference.substring(0, at));
        var digest = reference.substring(at + 1);
        int slash = name.indexOf('/');
        var first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasDomain = first.contains(".") || first.contains(":") || first.equals("localhost");
        var host = hasDomain ? first : "docker.io";
        var path = hasDomain ? name.substring(slash + 1) : name;
        return PublicRegistry.ofHost(host).map(registry -> new UpstreamImage(registry,
                registry == PublicRegistry.DOCKER_HUB && !path.contains("/") ? "library/" + path : path, digest));
    }

    /**
     * The cached repository's name in this account's registry: the rule's prefix, then the upstream path
     * ({@code <prefix>/library/nginx}; ECR user guide, pull-through-cache-working-pulling.html).
     */
    public String cachedRepository(String prefix) {
        return prefix + "/" + repository;
    }

    private static String withoutTag(String nameAndTag) {
        int slash = nameAndTag.lastIndexOf('/');
        int colon = nameAndTag.lastIndexOf(':');
        return colon > slash ? nameAndTag.substring(0, colon) : nameAndTag;
    }
}
