package com.tapstack.bootstrap;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.aws.AwsAccount;
import com.tapstack.iam.PolicyDocument;
import com.tapstack.iam.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub Actions' OIDC provider in the account and one deploy role per environment: assumable only with a token
 * GitHub issued to a job of the configured repository running in that GitHub environment (so prod's required
 * reviewers stand between a merge and prod's role), and allowed to manage only that environment's resources
 * ({@link DeployPermissions}).
 */
public final class DeployIdentity extends ComponentResource {

    public static final String TYPE = "tap:bootstrap:DeployIdentity";
    /** GitHub Actions' token issuer; AWS needs no thumbprint for it (IAM trusts its CA library for this host). */
    public static final String ISSUER = "token.actions.githubusercontent.com";
    /** The audience aws-actions/configure-aws-credentials asks GitHub for. */
    public static final String AUDIENCE = "sts.amazonaws.com";
    /**
     * Three hours. aws-actions/configure-aws-credentials exports the session's credentials once and nothing
     * refreshes them (its role-duration-seconds defaults to one hour), so the session must outlast a whole preview
     * and update: a first prod update with Aurora and several services' steady-state waits can pass an hour, and an
     * update cut off by expired credentials leaves pending operations in the state. The workflow asks for these
     * three hours and its job stops before they end.
     */
    static final int MAX_SESSION_SECONDS = 10_800;

    private final Map<String, Output<String>> roleArns = new LinkedHashMap<>();
    private final Map<String, Output<String>> previewRoleArns = new LinkedHashMap<>();
    private final Output<String> providerArn;

    public DeployIdentity(String name, DeployIdentityConfig config, String region, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var account = AwsAccount.lookup(region, this);
        var tags = Map.of("Project", config.stackProject(), "ManagedBy", "pulumi", "Purpose", "deploy-identity");
        this.providerArn = config.oidcProviderArn().map(Output::of).orElseGet(() -> new OpenIdConnectProvider(
                name + "-github", OpenIdConnectProviderArgs.builder()
                        .url("https://" + ISSUER)
                        .clientIdLists(AUDIENCE)
                        .tags(tags)
                        .build(), CustomResourceOptions.builder().parent(this).build()).arn());
        for (var environment : config.environments()) {
            var roleName = config.stackProject() + "-deploy-" + environment;
            var subject = GithubSubjects.environment(config.repository(), config.repositoryIds(), environment);
            var role = new Role(name + "-" + environment, RoleArgs.builder()
                    .name(roleName)
                    .description("Deploys the " + environment + " stack of " + config.stackProject() + " from "
                            + config.repository() + " (GitHub environment " + environment + ")")
                    .assumeRolePolicy(providerArn.applyValue(arn -> trust(arn, subject).toJson()))
                    .maxSessionDuration(MAX_SESSION_SECONDS)
                    .tags(tags)
                    .build(), CustomResourceOptions.builder().parent(this).build());
            var documents = account.applyValue(a -> DeployPermissions.of(a.partition(), a.accountId(), region,
                    config.stackProject(), environment, config.stateBucket()));
            for (var part : DeployPermissions.PARTS) {
                var policy = new Policy(name + "-" + environment + "-" + part, PolicyArgs.builder()
                        .name(roleName + "-" + part)
                        .description("What the " + environment + " deploy role may do: " + part)
                        .policy(documents.applyValue(d -> d.get(part).toJson()))
                        .tags(tags)
                        .build(), CustomResourceOptions.builder().parent(this).build());
                new RolePolicyAttachment(name + "-" + environment + "-" + part, RolePolicyAttachmentArgs.builder()
                        .role(role.name())
                        .policyArn(policy.arn())
                        .build(), CustomResourceOptions.builder().parent(this).build());
            }
            roleArns.put(environment, role.arn());
        }
        for (var environment : config.previewEnvironments()) {
            previewRoleArns.put(environment, previewRole(name, config, environment, region, account, tags));
        }
        registerOutputs(Map.of("oidcProviderArn", providerArn));
    }

    /**
     * A role that can only preview the environment, for a job in GitHub environment {@code <environment>-preview}:
     * that environment has no reviewers, so its preview is there for the deploy environment's reviewers to read
     * before they approve. One hour: a preview makes no AWS changes to wait for.
     */
    private Output<String> previewRole(String name, DeployIdentityConfig config, String environment, String region,
                                       Output<AwsAccount> account, Map<String, String> tags) {
        var roleName = config.stackProject() + "-preview-" + environment;
        var githubEnvironment = environment + DeployIdentityConfig.PREVIEW_ENDING;
        var subject = GithubSubjects.environment(config.repository(), config.repositoryIds(), githubEnvironment);
        var role = new Role(name + "-" + environment + "-preview", RoleArgs.builder()
                .name(roleName)
                .description("Previews the " + environment + " stack of " + config.stackProject() + " from "
                        + config.repository() + " (GitHub environment " + githubEnvironment + "); changes nothing")
                .assumeRolePolicy(providerArn.applyValue(arn -> trust(arn, subject).toJson()))
                .maxSessionDuration(3_600)
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).build());
        var policy = new Policy(name + "-" + environment + "-preview", PolicyArgs.builder()
                .name(roleName + "-lookups")
                .description("What the " + environment + " preview role may do: the program's lookups, reading state")
                .policy(account.applyValue(a -> PreviewPermissions.of(a.partition(), a.accountId(), region,
                        config.stackProject(), environment, config.stateBucket()).toJson()))
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).build());
        new RolePolicyAttachment(name + "-" + environment + "-preview", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(policy.arn())
                .build(), CustomResourceOptions.builder().parent(this).build());
        return role.arn();
    }

    /**
     * Who may assume a deploy role: GitHub's tokens for the sts.amazonaws.com audience whose subject is this
     * repository's job in this environment. Both conditions are exact (StringEquals): a wildcard subject would let
     * any branch, pull request or fork workflow in (AWS IAM user guide, "Configuring a role for GitHub OIDC").
     */
    static PolicyDocument trust(String providerArn, String subject) {
        return PolicyDocument.of(Statement.allow("GithubEnvironment")
                .principal("Federated", providerArn)
                .actions("sts:AssumeRoleWithWebIdentity")
                .condition("StringEquals", ISSUER + ":aud", AUDIENCE)
                .condition("StringEquals", ISSUER + ":sub", subject)
                .build());
    }

    /** The deploy role ARN per environment, for the workflows' AWS_DEPLOY_ROLE_ARN variables. */
    public Map<String, Output<String>> roleArns() {
        return Map.copyOf(roleArns);
    }

    /** The preview role ARN per environment that has one, for the AWS_DEPLOY_ROLE_ARN of its -preview environment. */
    public Map<String, Output<String>> previewRoleArns() {
        return Map.copyOf(previewRoleArns);
    }

    public Output<String> providerArn() {
        return providerArn;
    }
}
