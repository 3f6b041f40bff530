package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.StackValues;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security groups hold 60 rules each way: the load balancer's and the endpoints' rules are split over more groups
 * (at the limit one group, one past it two), and what cannot be split is refused with one line.
 */
class SecurityGroupQuotasTest {

    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String GROUP = "aws:ec2/securityGroup:SecurityGroup";
    private static final String IMAGE = "111122223333.dkr.ecr.us-east-1.amazonaws.com/mailer@sha256:" + "3".repeat(64);

    /** {@code count} services s1..sN, the first {@code publicCount} of them public (s1 takes the default action). */
    private static StackValues services(int count, int publicCount) {
        var services = new LinkedHashMap<String, Object>();
        for (int i = 1; i <= count; i++) {
            var service = new LinkedHashMap<String, Object>(Map.of("image", IMAGE, "user", "1000", "maxCount", 1));
            if (i <= publicCount) {
                service.put("public", true);
                service.put("port", 8080);
                if (i > 1) {
                    service.put("pathPatterns", List.of("/s" + i + "/*"));
                }
            }
            services.put("s" + i, service);
        }
        return Fixtures.values(Fixtures.SMALL).set(Fixtures.key("services"), services);
    }

    /**
     * Sixty-one public services with the interface endpoints on: one past the limit for the load balancer's group
     * and for the endpoints' group (every service reaches the endpoints). One plan of a thousand resources serves
     * both tests.
     */
    private static StackValues sixtyOneWithEndpoints() {
        return services(61, 61).set(Fixtures.key("endpoints"), Map.of());
    }

    private static List<PlannedResource> groupsNamed(Plan plan, String part) {
        return plan.byType(GROUP).stream().filter(g -> g.name().matches(".*-security-groups-" + part + "(-\\d+)?"))
                .toList();
    }

    private static long rulesOn(Plan plan, String type, PlannedResource group) {
        return plan.byType(type).stream().filter(r -> group.id().orElseThrow().equals(r.input("securityGroupId")))
                .count();
    }

    @Test
    void sixtyPublicServicesFitTheLoadBalancersGroupAndSixtyOneSplitIt() {
        var atLimit = Fixtures.plan(Fixtures.SMALL, services(60, 60));
        assertThat(groupsNamed(atLimit, "alb")).hasSize(1);

        var past = Fixtures.plan(Fixtures.SMALL, sixtyOneWithEndpoints());
        var groups = groupsNamed(past, "alb");
        assertThat(groups).extracting(PlannedResource::name).containsExactly("shop-security-groups-alb",
                "shop-security-groups-alb-2");
        assertThat(groups).extracting(g -> rulesOn(past, EGRESS, g)).containsExactly(60L, 1L);
        assertThat(past.byType("aws:lb/loadBalancer:LoadBalancer").get(0).input("securityGroups"))
                .isEqualTo(groups.stream().map(g -> g.id().orElseThrow()).toList());
        assertThat(Checks.findings(past, false)).isEmpty();
    }

    @Test
    void theEndpointsSplitTheirInboundRulesTheSameWay() {
        var plan = Fixtures.plan(Fixtures.SMALL, sixtyOneWithEndpoints());
        var groups = groupsNamed(plan, "endpoints");

        assertThat(groups).extracting(g -> rulesOn(plan, INGRESS, g)).containsExactly(60L, 1L);
        assertThat(plan.byType("aws:ec2/vpcEndpoint:VpcEndpoint")).filteredOn(e -> "Interface".equals(
                e.input("vpcEndpointType"))).allSatisfy(e -> assertThat(e.input("securityGroupIds"))
                .isEqualTo(groups.stream().map(g -> g.id().orElseThrow()).toList()));
    }

    @Test
    void moreThanAHundredPublicServicesAreRefusedForTheLoadBalancersTargetGroupQuota() {
        Fixtures.load(Fixtures.SMALL, services(100, 100).toMap());

        assertThatThrownBy(() -> Fixtures.load(Fixtures.SMALL, services(101, 101).toMap()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.small.yaml: shop:services: has 101 public services, each with a target group, and"
                        + " an Application Load Balancer takes at most 100 (not adjustable); allowed: at most 100"
                        + " public services");
    }

    private static StackValues calling(int callers, String callee) {
        var values = services(callers + 1, 0);
        values.setIn(Fixtures.key("services"), callee + ".port", 9000);
        for (int i = 1; i <= callers + 1; i++) {
            if (!("s" + i).equals(callee)) {
                values.setIn(Fixtures.key("services"), "s" + i + ".calls", List.of(callee));
            }
        }
        return values;
    }

    @Test
    void aServiceCalledBySixtyServicesFitsAndBySixtyOneIsRefused() {
        Fixtures.load(Fixtures.SMALL, calling(60, "s1").toMap());

        assertThatThrownBy(() -> Fixtures.load(Fixtures.SMALL, calling(61, "s1").toMap()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.small.yaml: shop:services.s1: is called by 61 services, one inbound rule each, more"
                        + " than the 60 its security group takes; allowed: at most 60 callers");
    }

    @Test
    void aServiceThatCallsFiftySevenFitsAndFiftyEightIsRefused() {
        var values = services(59, 0);
        for (int i = 2; i <= 59; i++) {
            values.setIn(Fixtures.key("services"), "s" + i + ".port", 9000);
        }
        values.setIn(Fixtures.key("services"), "s1.calls", java.util.stream.IntStream.rangeClosed(2, 58)
                .mapToObj(i -> "s" + i).toList());
        Fixtures.load(Fixtures.SMALL, values.toMap());

        values.setIn(Fixtures.key("services"), "s1.calls", java.util.stream.IntStream.rangeClosed(2, 59)
                .mapToObj(i -> "s" + i).toList());
        assertThatThrownBy(() -> Fixtures.load(Fixtures.SMALL, values.toMap()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.small.yaml: shop:services.s1.calls: makes 61 outbound rules (HTTPS, DNS twice and"
                        + " one per service called), more than the 60 its security group takes; allowed: at most 57"
                        + " services called");
    }
}
