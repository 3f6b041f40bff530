package com.tapstack.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.naming.NameLimit;
import com.tapstack.naming.Naming;
import com.tapstack.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A target group's name changes with every input that replaces it, so the replacement Pulumi creates first never
 * collides with the group it replaces, and the listener and the service follow the new group in the same update.
 */
class TargetGroupNamesTest {

    private static final String GROUP = "aws:lb/targetGroup:TargetGroup";
    private static final String P = Fixtures.project().name() + "-";

    @Test
    void aPortChangeGivesTheTargetGroupANewNameAndTheListenerAndServiceFollowIt() {
        var before = Fixtures.plan(Fixtures.SMALL);
        var after = Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL)
                .setIn(Fixtures.key("services"), "storefront.port", 3001));
        var oldGroup = before.named(GROUP, P + "alb-storefront");
        var newGroup = after.named(GROUP, P + "alb-storefront");

        assertThat(newGroup.input("port")).isEqualTo(3001L);
        assertThat((String) oldGroup.input("name")).matches("shop-qa-t1-storefront-[0-9a-f]{6}");
        assertThat((String) newGroup.input("name")).matches("shop-qa-t1-storefront-[0-9a-f]{6}")
                .isNotEqualTo(oldGroup.input("name"));
        assertThat(after.named("aws:lb/listener:Listener", P + "alb-http").inputAt("defaultActions.0.targetGroupArn"))
                .isEqualTo(newGroup.output("arn"));
        assertThat(after.named("aws:ecs/service:Service", P + "storefront").inputAt("loadBalancers.0.targetGroupArn"))
                .isEqualTo(newGroup.output("arn"));
    }

    @Test
    void inputsThatUpdateInPlaceKeepTheName() {
        var before = Fixtures.plan(Fixtures.SMALL).named(GROUP, P + "alb-storefront");
        var after = Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL)
                .setIn(Fixtures.key("services"), "storefront.healthCheck", java.util.Map.of("path", "/healthz"))
                .setIn(Fixtures.key("services"), "storefront.deregistrationDelay", 5))
                .named(GROUP, P + "alb-storefront");

        assertThat(after.inputAt("healthCheck.path")).isEqualTo("/healthz");
        assertThat(after.input("name")).isEqualTo(before.input("name"));
    }

    @Test
    void theNameIsAHashOfPortProtocolTargetTypeAndVpcAndFitsTheLimitForTheLongestNames() {
        var naming = new Naming("shop", "live", "eu1");
        var name = LoadBalancer.targetGroupName(naming, "storefront", 3000, "HTTP", "ip", "vpc-1");

        assertThat(name).isEqualTo("shop-live-eu1-storefront-" + Naming.hash("3000|HTTP|ip|vpc-1"));
        assertThat(LoadBalancer.targetGroupName(naming, "storefront", 3000, "HTTP", "ip", "vpc-2")).isNotEqualTo(name);
        assertThat(LoadBalancer.targetGroupName(naming, "storefront", 3000, "HTTPS", "ip", "vpc-1")).isNotEqualTo(name);
        // The longest suffix the loader allows for this project and environment leaves the shortest room.
        var longest = new Naming("shop", "staging", "x".repeat(Naming.maxSuffixLength("shop", "staging")));
        var a = LoadBalancer.targetGroupName(longest, "a-twenty-char-name-x", 80, "HTTP", "ip", "vpc-1");
        var b = LoadBalancer.targetGroupName(longest, "a-twenty-char-name-x", 81, "HTTP", "ip", "vpc-1");
        assertThat(a).hasSizeLessThanOrEqualTo(NameLimit.TARGET_GROUP.maxLength()).isNotEqualTo(b);
        assertThat(b).hasSizeLessThanOrEqualTo(NameLimit.TARGET_GROUP.maxLength());
    }
}
