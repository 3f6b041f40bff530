package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a service's {@code image}: every accepted form ends pinned by a sha256 digest. */
final class ImageReader {

    static final String ALLOWED = "an image reference ending in @sha256:<64 hex digits> (`docker buildx imagetools"
            + " inspect <image>:<tag>` prints it), {repository: self, digest: sha256:<64 hex>} for this stack's ECR"
            + " repository, or {repository: <existing ECR repository>, tag: <tag>} to resolve the tag at deploy time";

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN = "[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*(?::\\d+)?";
    private static final Pattern NAME = Pattern.compile("^(?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*$");
    private static final Pattern TAG = Pattern.compile("^[\\w][\\w.-]{0,127}$");
    private static final Pattern DIGEST = Pattern.compile("^sha256:[0-9a-f]{64}$");
    private static final Pattern REPOSITORY = Pattern.compile("^" + COMPONENT + "(?:/" + COMPONENT + ")*$");

    static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.image", "An image in ECR",
            "Text: any registry's reference ending in @sha256:<64 hex digits>. A mapping: an image in ECR, by digest or"
                    + " by a tag resolved to its digest at deploy time. A reference without a digest (nginx:latest) is"
                    + " refused: a tag can point at another image tomorrow, and a rollback would not restore what ran.",
            TextKey.required("repository", "self, or an existing repository name", "self (this stack's repository of"
                    + " the service, which CI pushes to) or an existing repository"),
            TextKey.required("digest", "sha256:<64 hex digits>", "The image's digest"),
            TextKey.required("tag", "an image tag", "An existing repository's tag, resolved to its digest at deploy"
                    + " time"));

    private ImageReader() {
    }

    static ImageSpec read(ConfigNode service) {
        var raw = service.raw(ServiceKeys.IMAGE.name())
                .orElseThrow(() -> service.missing(ServiceKeys.IMAGE.name(), ALLOWED));
        if (raw instanceof Map) {
            return ecr(service.optionalObject(ServiceKeys.IMAGE.name(), ALLOWED).orElseThrow());
        }
        var reference = service.requireString(ServiceKeys.IMAGE.name(), ALLOWED);
        int at = reference.indexOf('@');
        if (at < 0) {
            throw service.invalid(ServiceKeys.IMAGE.name(), "is not pinned by digest (a tag can point at another image"
                    + " tomorrow, and a rollback would not restore what ran)", ALLOWED);
        }
        var name = withoutTag(reference.substring(0, at));
        if (!NAME.matcher(name).matches()) {
            throw service.invalid(ServiceKeys.IMAGE.name(), "is not an image reference", ALLOWED);
        }
        if (!DIGEST.matcher(reference.substring(at + 1)).matches()) {
            throw service.invalid(ServiceKeys.IMAGE.name(), "does not end in a sha256 digest of 64 lowercase hex"
                    + " digits", ALLOWED);
        }
        return new ImageSpec.External(reference);
    }

    /**
     * What is wrong with a text reference by the rules {@link #read} applies (pinned by digest, the grammar of an
     * image name, a sha256 digest of 64 lowercase hex digits), or empty when it is fine: for sidecars' images.
     */
    static Optional<String> referenceProblem(String reference) {
        int at = reference.indexOf('@');
        if (at < 0) {
            return Optional.of("is not pinned by digest (a tag can point at another image tomorrow, and a rollback"
                    + " would not restore what ran)");
        }
        if (!NAME.matcher(withoutTag(reference.substring(0, at))).matches()) {
            return Optional.of("is not an image reference");
        }
        if (!DIGEST.matcher(reference.substring(at + 1)).matches()) {
            return Optional.of("does not end in a sha256 digest of 64 lowercase hex digits");
        }
        return Optional.empty();
    }

    private static String withoutTag(String nameAndTag) {
        int slash = nameAndTag.lastIndexOf('/');
        int colon = nameAndTag.lastIndexOf(':');
        return colon > slash ? nameAndTag.substring(0, colon) : nameAndTag;
    }

    private static ImageSpec ecr(ConfigNode image) {
        image.rejectUnknownFields(KEYS.names());
        var repository = image.requireString("repository", ALLOWED);
        var own = repository.equals("self");
        if (!own && (repository.length() < 2 || repository.length() > 256 || !REPOSITORY.matcher(repository).matches())) {
            throw image.invalid("repository", "is not an ECR repository name", "self, or an existing repository name"
                    + " of lowercase letters, digits, . _ - and /");
        }
        var digest = image.optionalString("digest", "sha256:<64 hex digits>");
        var tag = image.optionalString("tag", "an image tag");
        if (digest.isPresent() == tag.isPresent()) {
            throw image.errorHere("has " + (digest.isPresent() ? "both a digest and a tag" : "neither a digest nor a tag"),
                    "exactly one of digest (sha256:<64 hex>) or tag (resolved to its digest at deploy time)");
        }
        if (digest.isPresent() && !DIGEST.matcher(digest.get()).matches()) {
            throw image.invalid("digest", "is not a sha256 digest", "sha256: followed by 64 lowercase hex digits");
        }
        if (tag.isPresent()) {
            if (own) {
                throw image.error("tag", "needs an existing repository, and this stack's own repository is empty until"
                        + " CI pushes to it", "digest: the sha256 digest CI pushed to the repository");
            }
            if (!TAG.matcher(tag.get()).matches()) {
                throw image.invalid("tag", "is not an image tag", "1 to 128 letters, digits, _ . -");
            }
        }
        return new ImageSpec.Ecr(own ? Optional.empty() : Optional.of(repository), digest, tag);
    }
}
