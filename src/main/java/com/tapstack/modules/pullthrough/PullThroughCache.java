package com.tapstack.modules.pullthrough;

import com.pulumi.aws.ecr.PullThroughCacheRule;
import com.pulumi.aws.ecr.PullThroughCacheRuleArgs;
import com.pulumi.aws.ecr.RepositoryCreationTemplate;
import com.pulumi.aws.ecr.RepositoryCreationTemplateArgs;
import com.pulumi.aws.ecr.inputs.RepositoryCreationTemplateEncryptionConfigurationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetSecretArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.config.service.ImageSpec;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.config.service.PublicRegistry;
import com.tapstack.config.service.UpstreamImage;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ECR pull through cache for the public registries the services' images come from: per registry a pull
 * through cache rule under this deployment's prefix and a repository creation template for that prefix (applied
 * to pull through cache only), so the repositories ECR creates at the first pull are encrypted with the stack
 * key, keep immutable tags (images run by digest; ECR then cannot move a cached tag, which nothing here pulls),
 * are tagged and keep the newest {@code keepImages} images. KMS and tags in a template need a role ECR assumes
 * (repository-creation-templates-create.html); it may create repositories only under these prefixes.
 *
 * <p>Not set here: scan on push. A template has no scanning setting, and the registry's scanning configuration is
 * account-wide (PutRegistryScanningConfiguration), not a stack's to own.
 */
public final class PullThroughCache extends ComponentResource {

    public static final String TYPE = "tap:pullthrough:PullThroughCache";

    private final Set<PublicRegistry> registries;
    private final List<Resource> readiness = new ArrayList<>();

    public PullThroughCache(String name, PullThroughCacheConfig config, PlatformConfig platform,
                            Output<String> kmsKeyArn, StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.registries = registriesOf(platform);
        var ordered = List.copyOf(registries);

        var role = new Role(name + "-template-role", RoleArgs.builder()
                .name(scope.name("pull-through-templates", NameLimit.IAM_ROLE))
                .description("ECR creates this stack's pull through cache repositories with it: KMS and tags")
                .assumeRolePolicy(scope.account().applyValue(a -> CachePolicies.templateTrust(a).toJson()))
                .tags(scope.commonTags())
                .build(), child);
        var prefixes = scope.naming().applyValue(n -> ordered.stream().map(r -> r.cachePrefix(n)).toList());
        var policy = new RolePolicy(name + "-template-policy", RolePolicyArgs.builder()
                .name("create-cached-repositories")
                .role(role.id())
                .policy(Output.tuple(scope.account(), prefixes, kmsKeyArn).applyValue(t ->
                        CachePolicies.templatePolicy(t.t1, t.t2, t.t3).toJson()))
                .build(), child);
        readiness.add(policy);

        for (var registry : ordered) {
            var prefix = scope.naming().applyValue(registry::cachePrefix);
            var rule = PullThroughCacheRuleArgs.builder()
                    .ecrRepositoryPrefix(prefix)
                    .upstreamRegistryUrl(registry.upstreamUrl());
            config.credentialFor(registry).ifPresent(credential -> rule.credentialArn(secretArn(credential)));
            readiness.add(new PullThroughCacheRule(name + "-" + registry.key(), rule.build(), child));
            readiness.add(new RepositoryCreationTemplate(name + "-" + registry.key() + "-template",
                    RepositoryCreationTemplateArgs.builder()
                            .prefix(prefix)
                            .appliedFors("PULL_THROUGH_CACHE")
                            .description("Repositories cached from " + registry.upstreamUrl())
                            .customRoleArn(role.arn())
                            .encryptionConfigurations(RepositoryCreationTemplateEncryptionConfigurationArgs.builder()
                                    .encryptionType("KMS").kmsKey(kmsKeyArn).build())
                            .imageTagMutability("IMMUTABLE")
                            .lifecyclePolicy(CachePolicies.lifecycle(config.keepImages()))
                            .resourceTags(scope.commonTags())
                            .build(),
                    CustomResourceOptions.builder().parent(this).dependsOn(policy).build()));
        }
        registerOutputs(Map.of());
    }

    /** The registries the services' and sidecars' images come from that a rule can cache, in declaration order. */
    public static Set<PublicRegistry> registriesOf(PlatformConfig platform) {
        var used = EnumSet.noneOf(PublicRegistry.class);
        for (var service : platform.services().values()) {
            service.imageReferences().values().forEach(reference ->
                    UpstreamImage.of(reference).ifPresent(image -> used.add(image.registry())));
        }
        return used;
    }

    public Set<PublicRegistry> registries() {
        return registries;
    }

    /** The rules, templates and the templates' role policy: a task's first pull through the cache needs them. */
    public List<Resource> readiness() {
        return List.copyOf(readiness);
    }

    /** A credential given by name is looked up, so the rule gets the full ARN (with the suffix AWS appended). */
    private Output<String> secretArn(String credential) {
        if (credential.startsWith("arn:")) {
            return Output.of(credential);
        }
        return SecretsmanagerFunctions.getSecret(GetSecretArgs.builder().name(credential).build(),
                InvokeOptions.builder().parent(this).build()).applyValue(secret -> secret.arn());
    }
}
