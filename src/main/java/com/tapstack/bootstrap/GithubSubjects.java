package com.tapstack.bootstrap;

import java.util.Optional;

/**
 * The {@code sub} claim of GitHub Actions' OIDC token for a job that runs in an environment:
 * {@code repo:OWNER/REPO:environment:NAME}, or, for repositories created, renamed or transferred after
 * 15 July 2026 (and older ones that opt in), the immutable form {@code repo:OWNER@OWNER_ID/REPO@REPO_ID:environment:NAME}
 * (GitHub changelog 2026-04-23, "immutable subject claims for OIDC tokens", whose first version said 18 June and
 * used "-" as the separator; the "@" form and 15 July are what repositories report since, e.g. the
 * {@code sub_claim_prefix} of {@code gh api repos/OWNER/REPO/actions/oidc/customization/sub}; not verified against a
 * live token here: compare with that prefix before relying on it). The immutable form survives a rename of the
 * owner or repository and cannot be claimed by a new repository of the old name.
 */
public final class GithubSubjects {

    /** GitHub's numeric ids: they never change, whatever the names become. */
    public record RepositoryIds(long ownerId, long repositoryId) {
    }

    private GithubSubjects() {
    }

    public static String environment(String repository, Optional<RepositoryIds> ids, String environment) {
        return "repo:" + repositoryPart(repository, ids) + ":environment:" + environment;
    }

    static String repositoryPart(String repository, Optional<RepositoryIds> ids) {
        if (ids.isEmpty()) {
            return repository;
        }
        var slash = repository.indexOf('/');
        return repository.substring(0, slash) + "@" + ids.get().ownerId() + "/" + repository.substring(slash + 1)
                + "@" + ids.get().repositoryId();
    }
}
