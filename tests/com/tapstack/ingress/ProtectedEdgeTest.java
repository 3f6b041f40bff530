package com.tapstack.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.tooling.check.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A protected environment is told when its public services are served over plain HTTP or without a web ACL. */
class ProtectedEdgeTest {

    private static final String P = Fixtures.project().name() + "-";

    @Test
    void aProtectedEnvironmentWithoutHttpsAndWafGetsTwoMediumFindingsOnItsLoadBalancer() {
        var findings = Checks.findings(Fixtures.plan(Fixtures.FULL), true);

        assertThat(findings).extracting(f -> f.rule().id(), f -> f.severity(), f -> f.resource().name(), f -> f.message())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("TAP506", Severity.MEDIUM, P + "alb", "serves the public"
                                + " services over plain HTTP in a protected environment; add shop:https (a certificate)"
                                + " so HTTP redirects to HTTPS"),
                        org.assertj.core.groups.Tuple.tuple("TAP507", Severity.MEDIUM, P + "alb", "has no web ACL in a"
                                + " protected environment; add shop:waf"));
    }

    @Test
    void withHttpsAndAWebAclTheProtectedEnvironmentIsQuiet() {
        var plan = Fixtures.plan(Fixtures.FULL, Fixtures.values(Fixtures.FULL)
                .set(Fixtures.key("https"), Map.of("certificateArn",
                        "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"))
                .set(Fixtures.key("waf"), Map.of()));

        assertThat(Checks.findings(plan, true)).isEmpty();
    }

    @Test
    void anUnprotectedEnvironmentMayServePlainHttp() {
        assertThat(Checks.findings(Fixtures.plan(Fixtures.SMALL), false)).isEmpty();
    }
}
