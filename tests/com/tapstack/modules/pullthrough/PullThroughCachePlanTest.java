package com.tapstack.modules.pullthrough;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.tapstack.support.BrokenConfig;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images without NAT (issue 15, item 7): the ECR pull through cache rules for the registries the shop's images come
 * from, their repository creation templates and role, the images rewritten to the cache, the execution role allowed
 * exactly the cached repositories, the loader's lines.
 */
class PullThroughCachePlanTest {

    static final String S = Fixtures.key("services");
    static final String CACHE = Fixtures.key("pullThroughCache");
    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);
    static final String C = "c".repeat(64);
    static final String ACCOUNT = "123456789012";
    static final String REGISTRY = ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/";
    static final String GHCR_SECRET = "arn:aws:secretsmanager:us-east-1:" + ACCOUNT
            + ":secret:ecr-pullthroughcache/ghcr-AbCdEf";

    /** storefront from ghcr.io (with a tag beside the digest), mailer Docker Hub's official nginx, orders Quay's. */
    static StackValues cached(StackValues values) {
        return values.setIn(S, "storefront.image", "ghcr.io/acme/storefront:1.4@sha256:" + A)
                .setIn(S, "mailer.image", "nginx@sha256:" + B)
                .set(CACHE, Map.of("githubCredential", GHCR_SECRET,
                        "dockerHubCredential", "ecr-pullthroughcache/docker-hub"));
    }

    static Plan plan(UnaryOperator<StackValues> edit) {
        return Fixtures.plan(Fixtures.SMALL, edit.apply(Fixtures.values(Fixtures.SMALL)));
    }

    static Map<String, Object> container(Plan plan, String service) {
        var definition = plan.byType("aws:ecs/taskDefinition:TaskDefinition").stream()
                .filter(t -> t.name().endsWith(service + "-task-definition")).findFirst().orElseThrow();
        List<Map<String, Object>> containers = new Gson().fromJson(definition.inputString("containerDefinitions"),
                new TypeToken<List<Map<String, Object>>>() { }.getType());
        return containers.stream().filter(c -> c.get("name").equals(service)).findFirst().orElseThrow();
    }

    static List<Map<String, Object>> statements(PlannedResource policy) {
        Map<String, Object> document = new Gson().fromJson(policy.inputString("policy"),
                new TypeToken<Map<String, Object>>() { }.getType());
        @SuppressWarnings("unchecked")
        var statements = (List<Map<String, Object>>) document.get("Statement");
        return statements;
    }

    static PlannedResource named(Plan plan, String type, String suffix) {
        return plan.byType(type).stream().filter(r -> r.name().endsWith(suffix)).findFirst().orElseThrow();
    }

    @Test
    void withoutTheBlockNothingIsCachedAndImagesStayAsWritten() {
        var plan = plan(v -> v.setIn(S, "mailer.image", "nginx@sha256:" + B));
        assertThat(plan.byType("aws:ecr/pullThroughCacheRule:PullThroughCacheRule")).isEmpty();
        assertThat(plan.byType("aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate")).isEmpty();
        assertThat(container(plan, "mailer").get("image")).isEqualTo("nginx@sha256:" + B);
    }

    @Test
    void oneRulePerRegistryTheImagesComeFromWithItsCredential() {
        var plan = plan(PullThroughCachePlanTest::cached);
        var rules = plan.byType("aws:ecr/pullThroughCacheRule:PullThroughCacheRule");
        assertThat(rules).extracting(r -> r.input("ecrRepositoryPrefix"), r -> r.input("upstreamRegistryUrl"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("shop-qa-t1-docker", "registry-1.docker.io"),
                        org.assertj.core.groups.Tuple.tuple("shop-qa-t1-ghcr", "ghcr.io"));
        assertThat(named(plan, "aws:ecr/pullThroughCacheRule:PullThroughCacheRule", "-ghcr").inputs())
                .containsOnlyKeys("ecrRepositoryPrefix", "upstreamRegistryUrl", "credentialArn")
                .containsEntry("credentialArn", GHCR_SECRET);
        // A name is looked up: the rule gets the ARN with the suffix Secrets Manager appended.
        assertThat(named(plan, "aws:ecr/pullThroughCacheRule:PullThroughCacheRule", "-docker")
                .inputString("credentialArn")).matches("arn:aws:secretsmanager:us-east-1:" + ACCOUNT
                + ":secret:ecr-pullthroughcache/docker-hub-[A-Za-z0-9]{6}");
    }

    @Test
    void quayAndEcrPublicNeedNoCredential() {
        var plan = plan(v -> v.setIn(S, "storefront.image", "quay.io/acme/storefront@sha256:" + A)
                .setIn(S, "mailer.image", "public.ecr.aws/nginx/nginx@sha256:" + B).set(CACHE, Map.of()));
        assertThat(plan.byType("aws:ecr/pullThroughCacheRule:PullThroughCacheRule"))
                .extracting(PlannedResource::inputs).containsExactlyInAnyOrder(
                        Map.of("ecrRepositoryPrefix", "shop-qa-t1-quay", "upstreamRegistryUrl", "quay.io"),
                        Map.of("ecrRepositoryPrefix", "shop-qa-t1-ecr-pub", "upstreamRegistryUrl",
                                "public.ecr.aws"));
        assertThat(container(plan, "storefront").get("image"))
                .isEqualTo(REGISTRY + "shop-qa-t1-quay/acme/storefront@sha256:" + A);
        assertThat(container(plan, "mailer").get("image"))
                .isEqualTo(REGISTRY + "shop-qa-t1-ecr-pub/nginx/nginx@sha256:" + B);
    }

    @Test
    void imagesAreRewrittenToTheCachedRepositoryWithTheirDigest() {
        var plan = plan(PullThroughCachePlanTest::cached);
        assertThat(container(plan, "storefront").get("image"))
                .isEqualTo(REGISTRY + "shop-qa-t1-ghcr/acme/storefront@sha256:" + A);
        assertThat(container(plan, "mailer").get("image"))
                .isEqualTo(REGISTRY + "shop-qa-t1-docker/library/nginx@sha256:" + B);
        // An image already in ECR is not touched.
        assertThat(String.valueOf(container(plan, "orders").get("image"))).startsWith(REGISTRY + "shop-qa-t1-orders@");
    }

    @Test
    void eachTemplateEncryptsWithTheStackKeyKeepsTagsImmutableAndExpiresByCount() {
        var plan = plan(PullThroughCachePlanTest::cached);
        var keyArn = plan.byType("aws:kms/key:Key").get(0).output("arn");
        var role = named(plan, "aws:iam/role:Role", "-template-role");
        var templates = plan.byType("aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate");
        assertThat(templates).extracting(t -> t.input("prefix"))
                .containsExactlyInAnyOrder("shop-qa-t1-ghcr", "shop-qa-t1-docker");
        var ghcr = named(plan, "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate", "-ghcr-template");
        assertThat(ghcr.input("appliedFors")).isEqualTo(List.of("PULL_THROUGH_CACHE"));
        assertThat(ghcr.input("encryptionConfigurations")).isEqualTo(List.of(Map.of("encryptionType", "KMS",
                "kmsKey", keyArn)));
        assertThat(ghcr.input("imageTagMutability")).isEqualTo("IMMUTABLE");
        assertThat(ghcr.input("customRoleArn")).isEqualTo(role.output("arn"));
        assertThat(ghcr.input("description")).isEqualTo("Repositories cached from ghcr.io");
        assertThat(ghcr.input("lifecyclePolicy")).isEqualTo("{\"rules\":[{\"rulePriority\":1,\"description\":"
                + "\"Keep the newest 100 cached images\",\"selection\":{\"tagStatus\":\"any\",\"countType\":"
                + "\"imageCountMoreThan\",\"countNumber\":100},\"action\":{\"type\":\"expire\"}}]}");
        @SuppressWarnings("unchecked")
        var tags = (Map<String, Object>) ghcr.input("resourceTags");
        assertThat(tags).containsEntry("Project", "shop").containsEntry("Environment", "qa");
    }

    @Test
    void theCacheKeepsTheConfiguredNumberOfImages() {
        var plan = plan(v -> cached(v).setIn(CACHE, "keepImages", 250));
        assertThat(plan.byType("aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate"))
                .allSatisfy(t -> assertThat(t.inputString("lifecyclePolicy")).contains("\"countNumber\":250"));
    }

    @Test
    void theTemplatesRoleMayCreateOnlyTheCachedRepositoriesAndUseOnlyTheStackKey() {
        var plan = plan(PullThroughCachePlanTest::cached);
        var keyArn = plan.byType("aws:kms/key:Key").get(0).output("arn");
        var role = named(plan, "aws:iam/role:Role", "-template-role");
        assertThat(role.inputString("assumeRolePolicy")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Sid\":\"TrustService\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecr.amazonaws.com\"},"
                + "\"Action\":[\"sts:AssumeRole\"]}]}");
        assertThat(statements(named(plan, "aws:iam/rolePolicy:RolePolicy", "-template-policy"))).containsExactly(
                Map.of("Sid", "CreateCachedRepositories", "Effect", "Allow",
                        "Action", List.of("ecr:CreateRepository", "ecr:TagResource"),
                        "Resource", List.of("arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/shop-qa-t1-docker/*",
                                "arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/shop-qa-t1-ghcr/*")),
                Map.of("Sid", "EncryptWithStackKey", "Effect", "Allow",
                        "Action", List.of("kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey"),
                        "Resource", List.of(keyArn)));
    }

    @Test
    void theExecutionRolePullsAndImportsExactlyItsCachedRepository() {
        var plan = plan(PullThroughCachePlanTest::cached);
        var repository = "arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/shop-qa-t1-ghcr/acme/storefront";
        assertThat(statements(named(plan, "aws:iam/rolePolicy:RolePolicy", "storefront-execution-policy")))
                .filteredOn(s -> String.valueOf(s.get("Action")).contains("ecr:"))
                .containsExactly(
                        Map.of("Sid", "PullImage", "Effect", "Allow", "Action", List.of(
                                "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                                "Resource", List.of(repository)),
                        Map.of("Sid", "ImportCachedImage", "Effect", "Allow", "Action", List.of(
                                "ecr:BatchImportUpstreamImage", "ecr:CreateRepository"), "Resource", List.of(repository)),
                        Map.of("Sid", "EcrLogin", "Effect", "Allow", "Action", List.of("ecr:GetAuthorizationToken"),
                                "Resource", List.of("*")));
        // A service whose image is in ECR already imports nothing.
        assertThat(statements(named(plan, "aws:iam/rolePolicy:RolePolicy", "orders-execution-policy")))
                .extracting(s -> s.get("Sid")).doesNotContain("ImportCachedImage");
    }

    @Test
    void aSidecarImageComesThroughTheCacheLikeTheServicesAndItsRoleImportsIt() {
        var collector = "public.ecr.aws/aws-observability/aws-otel-collector:v0.49.0@sha256:" + C;
        var plan = plan(v -> cached(v).setIn(S, "storefront.sidecars", Map.of("collector", Map.of("kind", "otel",
                "image", collector, "cpu", 64, "memory", 128))));
        var definition = named(plan, "aws:ecs/taskDefinition:TaskDefinition", "storefront-task-definition");
        List<Map<String, Object>> containers = new Gson().fromJson(definition.inputString("containerDefinitions"),
                new TypeToken<List<Map<String, Object>>>() { }.getType());
        var sidecarRepository = "shop-qa-t1-ecr-pub/aws-observability/aws-otel-collector";

        assertThat(containers).filteredOn(c -> c.get("name").equals("collector")).singleElement()
                .satisfies(c -> assertThat(c.get("image")).isEqualTo(REGISTRY + sidecarRepository + "@sha256:" + C));
        assertThat(plan.byType("aws:ecr/pullThroughCacheRule:PullThroughCacheRule"))
                .extracting(rule -> rule.input("upstreamRegistryUrl")).contains("public.ecr.aws");
        var service = "arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/shop-qa-t1-ghcr/acme/storefront";
        var sidecar = "arn:aws:ecr:us-east-1:" + ACCOUNT + ":repository/" + sidecarRepository;
        assertThat(statements(named(plan, "aws:iam/rolePolicy:RolePolicy", "storefront-execution-policy")))
                .filteredOn(st -> List.of("PullImage", "ImportCachedImage").contains(st.get("Sid")))
                .extracting(st -> st.get("Resource")).containsExactly(List.of(service, sidecar), List.of(service, sidecar));
    }

    @Test
    void aCachedServiceStartsOnlyOnceItsRuleAndTemplateExist() {
        var plan = plan(PullThroughCachePlanTest::cached);
        var service = named(plan, "aws:ecs/service:Service", "storefront");
        var rule = named(plan, "aws:ecr/pullThroughCacheRule:PullThroughCacheRule", "-ghcr");
        var template = named(plan, "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate", "-ghcr-template");
        assertThat(service.dependencies()).contains(rule.urn(), template.urn());
        assertThat(named(plan, "aws:ecs/service:Service", "orders").dependencies()).doesNotContain(rule.urn());
    }

    @Test
    void theLongestSuffixTheLoaderAllowsStillFitsAwssThirtyCharacters() {
        var longest = "s".repeat(com.tapstack.naming.Naming.maxSuffixLength("shop", "qa"));
        var plan = plan(v -> cached(v).set(Fixtures.key("environmentSuffix"), longest));
        assertThat(plan.byType("aws:ecr/pullThroughCacheRule:PullThroughCacheRule"))
                .extracting(r -> r.inputString("ecrRepositoryPrefix"))
                .containsExactlyInAnyOrder("shop-qa-" + longest + "-docker", "shop-qa-" + longest + "-ghcr")
                .allSatisfy(prefix -> assertThat(prefix).hasSizeLessThanOrEqualTo(30));
    }

    static final String ALLOWED = "the ARN or the name of a Secrets Manager secret named ecr-pullthroughcache/<name>"
            + " in the stack's account and region, holding {\"username\": ..., \"accessToken\": ...} under the default"
            + " aws/secretsmanager key";

    static Stream<Arguments> refused() {
        var file = "Pulumi." + Fixtures.SMALL + ".yaml: " + CACHE;
        return Stream.of(
                BrokenConfig.broken("ghcr.io without its credential", v -> v.setIn(S, "storefront.image",
                        "ghcr.io/acme/storefront@sha256:" + A).set(CACHE, Map.of()),
                        file + ".githubCredential: is missing, and " + S + ".storefront.image comes from GitHub"
                                + " Container Registry, which ECR's pull through cache reaches only with a credential;"
                                + " allowed: " + ALLOWED),
                BrokenConfig.broken("Docker Hub without its credential", v -> v.setIn(S, "mailer.image",
                        "docker.io/library/nginx@sha256:" + B).set(CACHE, Map.of()),
                        file + ".dockerHubCredential: is missing, and " + S + ".mailer.image comes from Docker Hub,"
                                + " which ECR's pull through cache reaches only with a credential; allowed: "
                                + ALLOWED),
                BrokenConfig.broken("a secret of another region", v -> cached(v).set(CACHE, Map.of("githubCredential",
                        "arn:aws:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:ecr-pullthroughcache/ghcr-AbCdEf")),
                        file + ".githubCredential: \"arn:aws:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:"
                                + "ecr-pullthroughcache/ghcr-AbCdEf\" is a secret in eu-west-1, and ECR reads the"
                                + " credential only in the rule's region us-east-1; allowed: "
                                + ALLOWED),
                BrokenConfig.broken("a secret name without ECR's prefix", v -> cached(v).set(CACHE,
                        Map.of("githubCredential", "ghcr-token")),
                        file + ".githubCredential: \"ghcr-token\" is not a secret name starting with"
                                + " ecr-pullthroughcache/ (ECR refuses others); allowed: "
                                + ALLOWED),
                BrokenConfig.broken("an ARN of another secret", v -> cached(v).set(CACHE, Map.of("dockerHubCredential",
                        "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:dockerhub-AbCdEf")),
                        file + ".dockerHubCredential: \"arn:aws:secretsmanager:us-east-1:" + ACCOUNT
                                + ":secret:dockerhub-AbCdEf\" is not the ARN of a secret named"
                                + " ecr-pullthroughcache/<name>; allowed: " + ALLOWED),
                BrokenConfig.broken("a cache with nothing to cache", v -> v.set(CACHE, Map.of()),
                        file + ": caches nothing: no service's image comes from Docker Hub, ghcr.io, Quay or the"
                                + " ECR Public Gallery; allowed: no pullThroughCache block, or a service image from"
                                + " one of them"),
                BrokenConfig.broken("too few images kept for a multi-architecture image", v -> cached(v)
                        .setIn(CACHE, "keepImages", 10), file + ".keepImages: 10 is out of range; allowed: 20 to 10000"),
                BrokenConfig.broken("an unknown key", v -> cached(v).setIn(CACHE, "quayCredential", "x"),
                        file + ".quayCredential: is not a known key; allowed: " + CACHE + ".dockerHubCredential, "
                                + CACHE + ".githubCredential, " + CACHE + ".keepImages"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badValuesAreOneLine(String what, UnaryOperator<StackValues> edit, String message) {
        BrokenConfig.assertFixtureRefused(Fixtures.SMALL, edit, message);
    }
}
