package com.tapstack.config.service;

import com.tapstack.naming.Naming;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The public registries an ECR pull through cache rule can cache for this stack, with the upstream URL the rule
 * names (CreatePullThroughCacheRule, upstreamRegistryUrl: registry-1.docker.io, ghcr.io, quay.io, public.ecr.aws)
 * and whether AWS requires a Secrets Manager credential for it: Docker Hub and GitHub Container Registry do, Quay
 * and ECR Public do not (ECR user guide, pull-through-cache.html, "supported upstream registries").
 */
public enum PublicRegistry {
    DOCKER_HUB("docker", "registry-1.docker.io", true, "Docker Hub", List.of("docker.io", "index.docker.io",
            "registry-1.docker.io")),
    GITHUB("ghcr", "ghcr.io", true, "GitHub Container Registry", List.of("ghcr.io")),
    QUAY("quay", "quay.io", false, "Quay", List.of("quay.io")),
    ECR_PUBLIC("ecr-pub", "public.ecr.aws", false, "the ECR Public Gallery", List.of("public.ecr.aws"));

    /** AWS's limit on a rule's ecrRepositoryPrefix (2 to 30 characters; CreatePullThroughCacheRule). */
    public static final int MAX_PREFIX_LENGTH = 30;

    private final String key;
    private final String upstreamUrl;
    private final boolean needsCredential;
    private final String description;
    private final List<String> hosts;

    PublicRegistry(String key, String upstreamUrl, boolean needsCredential, String description, List<String> hosts) {
        this.key = key;
        this.upstreamUrl = upstreamUrl;
        this.needsCredential = needsCredential;
        this.description = description;
        this.hosts = hosts;
    }

    /** The short name in the cache's repository prefix and in resource names ({@code ghcr}); at most 8 characters. */
    public String key() {
        return key;
    }

    /** The rule's upstreamRegistryUrl. */
    public String upstreamUrl() {
        return upstreamUrl;
    }

    /** AWS requires a Secrets Manager secret named {@code ecr-pullthroughcache/...} for this registry. */
    public boolean needsCredential() {
        return needsCredential;
    }

    public String description() {
        return description;
    }

    /** The registry an image reference's domain names; a reference without a domain is Docker Hub's. */
    public static Optional<PublicRegistry> ofHost(String host) {
        return Arrays.stream(values()).filter(registry -> registry.hosts.contains(host)).findFirst();
    }

    /**
     * This deployment's repository prefix for the registry, {@code <project>-<environment>-<suffix>-<key>}: a rule's
     * prefix is unique in the account's registry, so two deployments never share a rule, and the cached
     * repositories start with the deployment's name prefix like every other name. It always fits AWS's 30
     * characters: the loader keeps the name prefix within {@code 32 - Naming.MIN_PART_LENGTH} = 22 characters
     * (the load balancer's limit), and no key is longer than 8.
     */
    public String cachePrefix(Naming naming) {
        var prefix = naming.prefix() + key;
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalStateException(prefix + " is longer than a pull through cache prefix may be; the config"
                    + " loader should have refused the suffix");
        }
        return prefix;
    }
}
