package com.tapstack.config.service;

import java.util.Optional;

/** Where a service's container image comes from. Every form ends in an image pinned by digest. */
public sealed interface ImageSpec {

    /** An image in any registry, already pinned: {@code registry/name@sha256:<64 hex>}. */
    record External(String reference) implements ImageSpec {
    }

    /**
     * An image in ECR: this stack's repository for the service ({@code repository} empty, written {@code self})
     * or an existing repository of the account, by name. Exactly one of {@code digest} and {@code tag}: a tag
     * is resolved to its digest at deploy time, so the task definition still carries a digest.
     */
    record Ecr(Optional<String> repository, Optional<String> digest, Optional<String> tag) implements ImageSpec {
        public boolean ownRepository() {
            return repository.isEmpty();
        }
    }
}
