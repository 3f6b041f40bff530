package com.tapstack.modules.pullthrough;

import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import com.tapstack.config.service.ImageSpec;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.config.service.PublicRegistry;
import com.tapstack.config.service.UpstreamImage;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ECR pull through cache ({@code <project>:pullThroughCache}): with the block, images of Docker Hub, GitHub
 * Container Registry, Quay and the ECR Public Gallery are pulled through this account's ECR, so tasks reach them
 * through the ECR endpoints without NAT. Docker Hub and ghcr.io need a credential, a Secrets Manager secret whose
 * name starts with {@code ecr-pullthroughcache/}, in the stack's account and region (ECR user guide,
 * pull-through-cache-creating-rule.html); the user names it, the stack never creates one.
 *
 * @param dockerHubCredential the secret's ARN or name, for images of Docker Hub
 * @param githubCredential    the secret's ARN or name, for images of ghcr.io
 * @param keepImages          images each cached repository keeps
 */
public record PullThroughCacheConfig(Optional<String> dockerHubCredential, Optional<String> githubCredential,
                                     int keepImages) {

    /**
     * The secret holds the upstream user and token as {"username", "accessToken"} and must be encrypted with the
     * default aws/secretsmanager key (ECR user guide, pull-through-cache-creating-secret.html: ECR's service-linked
     * role reads it). CreatePullThroughCacheRule's credentialArn pattern: the secret's
     * name must start with ecr-pullthroughcache/, and ECR reads it only in the rule's account and region.
     */
    static final Pattern SECRET_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):(\\d{12}):secret:ecr-pullthroughcache/[A-Za-z0-9/_+=.@-]+$");
    /** A secret name (Secrets Manager: letters, digits and /_+=.@-) under the prefix ECR requires. */
    static final Pattern SECRET_NAME = Pattern.compile("^ecr-pullthroughcache/[A-Za-z0-9/_+=.@-]{1,490}$");
    static final String CREDENTIAL_ALLOWED = "the ARN or the name of a Secrets Manager secret named"
            + " ecr-pullthroughcache/<name> in the stack's account and region, holding {\"username\": ...,"
            + " \"accessToken\": ...} under the default aws/secretsmanager key";

    public static final TextKey DOCKER_HUB_CREDENTIAL = TextKey.derived("dockerHubCredential", "none (required for an"
            + " image from Docker Hub)", CREDENTIAL_ALLOWED,
            "Docker Hub's credential for the cache; required when an image comes from Docker Hub");
    public static final TextKey GITHUB_CREDENTIAL = TextKey.derived("githubCredential", "none (required for an image"
            + " from ghcr.io)", CREDENTIAL_ALLOWED,
            "GitHub Container Registry's credential (a token that may read packages); required when an image comes"
                    + " from ghcr.io");
    /**
     * Not the stack repositories' ecrKeepImages: an image pulled by the digest of its index is cached as the index
     * plus one image per platform (ECR user guide, pull-through-cache.html, multi-architecture images), so a count
     * sized for single images would expire platforms of the image a service runs.
     */
    public static final IntKey KEEP_IMAGES = IntKey.of("keepImages", 20, 10_000, 100, "Images each cached repository"
            + " keeps, newest first; a multi-architecture image counts as its index plus one image per platform");
    public static final KeyTable KEYS = KeyTable.of("<project>:pullThroughCache", "ECR pull through cache", "Images"
            + " of Docker Hub, ghcr.io, Quay and the ECR Public Gallery are pulled through this account's ECR (one"
            + " rule per registry the services use, repositories encrypted with the stack key), so tasks reach"
            + " them without NAT. Off without the block.", DOCKER_HUB_CREDENTIAL, GITHUB_CREDENTIAL, KEEP_IMAGES);
    public static final Structured BLOCK = Structured.table("pullThroughCache", "off", "Pull public images through"
            + " ECR", KEYS);

    /** The block's settings, or empty without it. */
    public static Optional<PullThroughCacheConfig> read(ConfigNode parent, String region) {
        return BLOCK.optional(parent).map(node -> new PullThroughCacheConfig(credential(node, DOCKER_HUB_CREDENTIAL,
                region), credential(node, GITHUB_CREDENTIAL, region), KEEP_IMAGES.read(node)));
    }

    /** The configured credential of a registry that needs one. */
    public Optional<String> credentialFor(PublicRegistry registry) {
        return switch (registry) {
            case DOCKER_HUB -> dockerHubCredential;
            case GITHUB -> githubCredential;
            case QUAY, ECR_PUBLIC -> Optional.empty();
        };
    }

    /**
     * Every image from a registry that needs a credential has one: without it the rule cannot be created (Docker
     * Hub, ghcr.io), and the stack never invents a secret.
     */
    public static void requireCredentials(ConfigNode tap, PlatformConfig platform,
                                          Optional<PullThroughCacheConfig> cache) {
        if (cache.isEmpty()) {
            return;
        }
        var node = BLOCK.optional(tap).orElseThrow();
        var cached = false;
        for (var service : platform.services().values()) {
            for (var image : service.imageReferences().entrySet()) {
                var upstream = UpstreamImage.of(image.getValue());
                cached |= upstream.isPresent();
                if (upstream.isEmpty() || !upstream.get().registry().needsCredential()) {
                    continue;
                }
                var registry = upstream.get().registry();
                if (cache.get().credentialFor(registry).isEmpty()) {
                    var key = registry == PublicRegistry.DOCKER_HUB ? DOCKER_HUB_CREDENTIAL : GITHUB_CREDENTIAL;
                    throw node.error(key.name(), "is missing, and " + tap.key("services." + service.name() + "."
                            + image.getKey()) + " comes from " + registry.description() + ", which ECR's pull"
                            + " through cache reaches only with a credential", CREDENTIAL_ALLOWED);
                }
            }
        }
        if (!cached) {
            throw tap.error(BLOCK.name(), "caches nothing: no service's image comes from Docker Hub, ghcr.io, Quay or"
                    + " the ECR Public Gallery", "no " + BLOCK.name() + " block, or a service image from one of them");
        }
    }

    private static Optional<String> credential(ConfigNode node, TextKey key, String region) {
        var value = key.optional(node);
        value.ifPresent(text -> {
            var arn = SECRET_ARN.matcher(text);
            if (arn.matches()) {
                if (!arn.group(1).equals(region)) {
                    throw node.invalid(key.name(), "is a secret in " + arn.group(1) + ", and ECR reads the credential"
                            + " only in the rule's region " + region, CREDENTIAL_ALLOWED);
                }
            } else if (!SECRET_NAME.matcher(text).matches()) {
                throw node.invalid(key.name(), text.startsWith("arn:") || text.contains(":")
                        ? "is not the ARN of a secret named ecr-pullthroughcache/<name>"
                        : "is not a secret name starting with ecr-pullthroughcache/ (ECR refuses others)",
                        CREDENTIAL_ALLOWED);
            }
        });
        return value;
    }
}
