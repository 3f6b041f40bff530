package com.tapstack.bootstrap;

import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.ConfigSource;
import com.tapstack.config.KeyTable;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the deploy identity program ({@code bootstrap/}) is told: the GitHub repository whose workflows may deploy,
 * the environments (GitHub environments, named like the stacks they deploy), the TapStack project whose resources
 * the roles may manage, and optionally an OIDC provider the account already has and the S3 bucket of a Pulumi
 * state backend.
 */
public record DeployIdentityConfig(String namespace, String stackProject, String repository,
                                   Optional<GithubSubjects.RepositoryIds> repositoryIds, List<String> environments,
                                   List<String> previewEnvironments, Optional<String> oidcProviderArn,
                                   Optional<String> stateBucket) {

    /** The deploy identity's project is the stack's project name with this ending. */
    public static final String PROJECT_ENDING = "-deploy-identity";

    static final Pattern REPOSITORY = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$");
    /** No hyphen: the dev role's <project>-dev-* names must not also match an environment dev-eu's. */
    static final Pattern ENVIRONMENT = Pattern.compile("^[a-z][a-z0-9]{0,15}$");
    static final Pattern PROVIDER_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com$");
    static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");

    public static final TextKey REPOSITORY_KEY = TextKey.required("repository", "owner/name of the GitHub repository,"
            + " such as acme/ledger", "The repository whose workflows may assume the deploy roles");
    static final Pattern NUMERIC_ID = Pattern.compile("^[1-9][0-9]{0,17}$");
    public static final TextKey OWNER_ID = TextKey.required("ownerId", "GitHub's numeric id of the owner (gh api"
            + " repos/OWNER/NAME --jq .owner.id)", "With repositoryId: the roles trust the immutable subject claims"
            + " (repo:OWNER@ID/NAME@ID:...), which GitHub uses for repositories created after 15 July 2026");
    public static final TextKey REPOSITORY_ID = TextKey.required("repositoryId", "GitHub's numeric id of the"
            + " repository (gh api repos/OWNER/NAME --jq .id)", "With ownerId: the immutable subject claims");
    public static final ListKey ENVIRONMENTS = ListKey.of("environments", List.of("dev", "prod"), "stack names"
            + " of lowercase letters and digits (no hyphen: one role's name patterns must not reach another's)", "The GitHub environments, one deploy role each, named like the"
            + " stacks they deploy");
    /**
     * The words of the roles' names ({@code <project>-deploy-<environment>}, {@code <project>-preview-<environment>}):
     * an environment of one of these names would get a deploy role whose {@code <project>-<environment>-*} roles are
     * the other environments' deploy or preview roles, and could rewrite their policies.
     */
    static final List<String> ROLE_WORDS = List.of("deploy", "preview");
    /** The GitHub environment a preview role trusts: the environment's name with this ending. */
    public static final String PREVIEW_ENDING = "-preview";
    /**
     * None by default: a preview role trusts a GitHub environment without reviewers, which GitHub creates on its
     * first use with no branch rule if nobody made it first; name an environment here once its {@code -preview}
     * environment exists, limited to main.
     */
    public static final ListKey PREVIEW_ENVIRONMENTS = ListKey.of("previewEnvironments", List.of(),
            "environments of this stack", "Environments that also get a preview role: read-only, trusted by the"
            + " GitHub environment <environment>" + PREVIEW_ENDING + " (no reviewers, deployments from main only), so"
            + " that the preview is there to read before the environment's reviewers approve its update");
    public static final TextKey OIDC_PROVIDER = TextKey.required("oidcProviderArn", "the ARN of the account's"
            + " token.actions.githubusercontent.com provider", "An OIDC provider the account already has (an"
            + " account holds one per URL); without it, one is created");
    public static final TextKey STATE_BUCKET = TextKey.required("stateBucket", "an S3 bucket name", "The S3"
            + " bucket of a self-managed Pulumi backend (pulumi login s3://...): the roles may read and write it");
    public static final TextKey STACK_PROJECT = TextKey.required("stackProject", "the name in the stack's Pulumi.yaml",
            "The TapStack project the roles deploy (default: this project's name without " + PROJECT_ENDING + ")");

    public static final KeyTable KEYS = KeyTable.of("<project>", "Deploy identity", "The GitHub OIDC provider and one"
            + " deploy role per environment, trusted only by the repository's workflows running in that GitHub"
            + " environment.", REPOSITORY_KEY, OWNER_ID, REPOSITORY_ID, ENVIRONMENTS, PREVIEW_ENVIRONMENTS,
            OIDC_PROVIDER, STATE_BUCKET,
            STACK_PROJECT);

    public static DeployIdentityConfig read(ConfigSource source, String project) {
        var node = ConfigNode.namespace(source, project);
        node.rejectUnknownFields(KEYS.names());
        var repository = REPOSITORY_KEY.read(node);
        if (!REPOSITORY.matcher(repository).matches()) {
            throw node.invalid(REPOSITORY_KEY.name(), "is not owner/name", REPOSITORY_KEY.allowed());
        }
        var owner = numericId(node, OWNER_ID);
        var id = numericId(node, REPOSITORY_ID);
        if (owner.isPresent() != id.isPresent()) {
            throw node.invalid(owner.isPresent() ? OWNER_ID.name() : REPOSITORY_ID.name(), "is set without "
                    + (owner.isPresent() ? REPOSITORY_ID.name() : OWNER_ID.name()), "both ids (immutable subject"
                    + " claims) or neither (owner/name claims)");
        }
        var environments = ENVIRONMENTS.read(node);
        if (environments.isEmpty()) {
            throw node.invalid(ENVIRONMENTS.name(), "is empty", "at least one environment");
        }
        for (var environment : environments) {
            if (!ENVIRONMENT.matcher(environment).matches()) {
                throw node.invalid(ENVIRONMENTS.name(), ConfigNode.show(environment) + " is not a stack name",
                        ENVIRONMENTS.allowed());
            }
            if (ROLE_WORDS.contains(environment)) {
                throw node.invalid(ENVIRONMENTS.name(), ConfigNode.show(environment) + " is a word of the roles' names,"
                        + " so its role's <project>-" + environment + "-* roles would be the other environments' roles",
                        "any other stack name");
            }
        }
        if (environments.stream().distinct().count() != environments.size()) {
            throw node.invalid(ENVIRONMENTS.name(), "names an environment twice", "each environment once");
        }
        var previews = PREVIEW_ENVIRONMENTS.read(node);
        for (var preview : previews) {
            if (!environments.contains(preview)) {
                throw node.invalid(PREVIEW_ENVIRONMENTS.name(), ConfigNode.show(preview) + " is not one of the"
                        + " environments " + environments, PREVIEW_ENVIRONMENTS.allowed());
            }
        }
        if (previews.stream().distinct().count() != previews.size()) {
            throw node.invalid(PREVIEW_ENVIRONMENTS.name(), "names an environment twice", "each environment once");
        }
        var provider = OIDC_PROVIDER.optional(node);
        if (provider.isPresent() && !PROVIDER_ARN.matcher(provider.get()).matches()) {
            throw node.invalid(OIDC_PROVIDER.name(), "is not the ARN of a GitHub Actions OIDC provider",
                    OIDC_PROVIDER.allowed());
        }
        var bucket = STATE_BUCKET.optional(node);
        if (bucket.isPresent() && !BUCKET.matcher(bucket.get()).matches()) {
            throw node.invalid(STATE_BUCKET.name(), "is not an S3 bucket name", STATE_BUCKET.allowed());
        }
        var stackProject = STACK_PROJECT.optional(node).orElseGet(() -> project.endsWith(PROJECT_ENDING)
                ? project.substring(0, project.length() - PROJECT_ENDING.length()) : project);
        return new DeployIdentityConfig(project, stackProject, repository,
                owner.map(o -> new GithubSubjects.RepositoryIds(o, id.get())), List.copyOf(environments),
                List.copyOf(previews), provider, bucket);
    }

    private static Optional<Long> numericId(ConfigNode node, TextKey key) {
        var text = key.optional(node);
        if (text.isPresent() && !NUMERIC_ID.matcher(text.get()).matches()) {
            throw node.invalid(key.name(), "is not a numeric id", key.allowed());
        }
        return text.map(Long::parseLong);
    }
}
