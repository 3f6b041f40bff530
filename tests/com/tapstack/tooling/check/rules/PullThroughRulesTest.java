package com.tapstack.tooling.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanEditor;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.check.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TAP602, TAP204 and TAP205 on the shop without NAT: a ghcr.io image fails without the cache, passes TAP602 through
 * it (the image is then in the region's ECR), and the cache's own risks are reported.
 */
class PullThroughRulesTest {

    private static final String P = Fixtures.project().name() + "-";
    private static final String IMAGE = "ghcr.io/shop/mailer@sha256:" + "7".repeat(64);
    private static final String CACHED = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-qa-t1-ghcr/shop/mailer"
            + "@sha256:" + "7".repeat(64);

    private static StackValues withoutNat() {
        return Fixtures.values(Fixtures.SMALL).set(Fixtures.key("natStrategy"), "none")
                .set(Fixtures.key("endpoints"), Map.of("interfaces", List.of("ecr.api", "ecr.dkr", "logs",
                        "ssmmessages", "kms")))
                .setIn(Fixtures.key("services"), "mailer.image", IMAGE);
    }

    private static StackValues cachedWithoutNat() {
        return withoutNat().set(Fixtures.key("pullThroughCache"), Map.of("githubCredential",
                "ecr-pullthroughcache/ghcr"));
    }

    @Test
    void aPublicImageWithoutNatAndWithoutTheCacheIsTap602sAndNotTheCachesRules() {
        var plan = Fixtures.plan(Fixtures.SMALL, withoutNat());
        assertThat(Checks.findings(plan, false, "TAP602")).extracting(f -> f.resource().name())
                .containsExactly(P + "mailer");
        assertThat(Checks.findings(plan, false, "TAP204")).isEmpty();
        assertThat(Checks.findings(plan, false, "TAP205")).isEmpty();
    }

    @Test
    void aScheduledTasksFirstPullThroughTheCacheIsFlaggedOnItsSchedule() {
        var plan = Fixtures.plan(Fixtures.SMALL, cachedWithoutNat().setIn(Fixtures.key("services"), "mailer.schedule",
                Map.of("expression", "cron(0 3 * * ? *)")).removeIn(Fixtures.key("services"), "mailer.maxCount"));

        assertThat(Checks.findings(plan, false, "TAP204")).extracting(f -> f.resource().name())
                .containsExactly(P + "mailer-schedule");
        assertThat(Checks.findings(plan, false, "TAP205")).isEmpty();
    }

    @Test
    void throughTheCacheTheImageHasAPrivatePathAndItsFirstPullIsFlagged() {
        var plan = Fixtures.plan(Fixtures.SMALL, cachedWithoutNat());
        assertThat(Checks.findings(plan, false, "TAP602")).isEmpty();
        assertThat(Checks.findings(plan, false, "TAP205")).isEmpty();
        assertThat(Checks.findings(plan, false, "TAP204")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.resource().name()).isEqualTo(P + "mailer");
            assertThat(f.message()).matches("image " + java.util.regex.Pattern.quote(CACHED) + " comes through pull"
                    + " through cache rule shop-qa-t1-ghcr \\(ghcr.io\\), and subnet subnet-\\w+ has no route to a NAT"
                    + " gateway; pull it once through the cache from outside the VPC before the first deployment"
                    + " \\(docker pull " + java.util.regex.Pattern.quote(CACHED) + ", e.g. in CI\\), then suppress"
                    + " this finding, or use shop:natStrategy single or perAz");
        });
    }

    @Test
    void withNatTheFirstPullHasItsRoute() {
        var values = cachedWithoutNat().set(Fixtures.key("natStrategy"), "single");
        assertThat(Checks.findings(Fixtures.plan(Fixtures.SMALL, values), false, "TAP204")).isEmpty();
    }

    @Test
    void anExecutionRoleThatMayOnlyPullCannotImportTheCachedImage() {
        var plan = Fixtures.plan(Fixtures.SMALL, cachedWithoutNat());
        var pullOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + "\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"],\"Resource\":\"arn:aws:ecr:us-east-1:"
                + "123456789012:repository/shop-qa-t1-ghcr/shop/mailer\"},{\"Effect\":\"Allow\",\"Action\":"
                + "\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}]}";
        var edited = PlanEditor.of(plan).set("aws:iam/rolePolicy:RolePolicy", P + "mailer-execution-policy", "policy",
                pullOnly).build();
        assertThat(Checks.findings(edited, false, "TAP205")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).isEqualTo("execution role shop-qa-t1-mailer-execution cannot import " + CACHED
                    + " through the cache; allow ecr:BatchImportUpstreamImage and ecr:CreateRepository on"
                    + " arn:aws:ecr:us-east-1:123456789012:repository/shop-qa-t1-ghcr/shop/mailer");
        });
        // The plan as the stack makes it is clean.
        assertThat(Checks.findings(plan, false, "TAP205")).isEmpty();
    }

    @Test
    void theCachedPlanHasNoCriticalOrHighFindingAndItsPoliciesNameRealActions() {
        var plan = Fixtures.plan(Fixtures.SMALL, cachedWithoutNat().set(Fixtures.key("natStrategy"), "single"));
        assertThat(Checks.findings(plan, false)).filteredOn(f -> f.severity() == Severity.CRITICAL
                || f.severity() == Severity.HIGH).extracting(f -> f.rule().id() + " " + f.message()).isEmpty();
    }
}
