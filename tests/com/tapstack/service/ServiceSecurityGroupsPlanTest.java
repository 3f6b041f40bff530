package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every rule of every security group, written as "group: direction protocol port peer". */
class ServiceSecurityGroupsPlanTest {

    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    private static Set<String> rules(Plan plan) {
        var groupNames = plan.byType("aws:ec2/securityGroup:SecurityGroup").stream()
                .collect(Collectors.toMap(g -> g.id().orElseThrow(), g -> g.name().replace(Reference.P + "security-groups-", "")));
        return plan.resources().stream()
                .filter(r -> r.type().equals(INGRESS) || r.type().equals(EGRESS))
                .map(r -> describe(r, groupNames))
                .collect(Collectors.toSet());
    }

    private static String describe(PlannedResource rule, Map<String, String> groupNames) {
        var peer = rule.input("referencedSecurityGroupId") != null
                ? "sg " + groupNames.get(rule.inputString("referencedSecurityGroupId"))
                : rule.inputString("cidrIpv4");
        var direction = rule.type().equals(INGRESS) ? "in" : "out";
        return groupNames.get(rule.inputString("securityGroupId")) + ": " + direction + " "
                + rule.input("ipProtocol") + " " + rule.input("fromPort") + "-" + rule.input("toPort") + " " + peer;
    }

    @Test
    void onlyTheTrafficEachPartNeedsIsAllowed() {
        assertThat(rules(Reference.plan("dev"))).containsExactlyInAnyOrder(
                "alb: in tcp 80-80 0.0.0.0/0",
                "alb: out tcp 8080-8080 sg web",
                "web: in tcp 8080-8080 sg alb",
                "web: out tcp 8080-8080 sg api",
                "api: in tcp 8080-8080 sg web",
                "web: out tcp 443-443 0.0.0.0/0",
                "web: out udp 53-53 10.10.0.0/16",
                "web: out tcp 53-53 10.10.0.0/16",
                "api: out tcp 443-443 0.0.0.0/0",
                "api: out udp 53-53 10.10.0.0/16",
                "api: out tcp 53-53 10.10.0.0/16",
                "worker: out tcp 443-443 0.0.0.0/0",
                "worker: out udp 53-53 10.10.0.0/16",
                "worker: out tcp 53-53 10.10.0.0/16");
    }

    @Test
    void aCertificateOpensHttpsOnTheLoadBalancer() {
        var plan = Reference.plan("dev", Reference.values("dev").set(Reference.NS + "https", Map.of("certificateArn",
                "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")).toMap());

        assertThat(rules(plan)).contains("alb: in tcp 443-443 0.0.0.0/0", "alb: in tcp 80-80 0.0.0.0/0");
    }

    @Test
    void noServiceGroupIsOpenToTheInternetAndEveryRuleIsDescribed() {
        var plan = Reference.plan("prod");

        assertThat(plan.byType(INGRESS)).filteredOn(r -> "0.0.0.0/0".equals(r.input("cidrIpv4")))
                .allSatisfy(r -> assertThat(r.name()).startsWith(Reference.P + "security-groups-alb-"));
        assertThat(plan.resources()).filteredOn(r -> r.type().equals(INGRESS) || r.type().equals(EGRESS))
                .allSatisfy(r -> assertThat(r.inputString("description")).isNotBlank());
        assertThat(plan.byType("aws:ec2/securityGroup:SecurityGroup")).allSatisfy(group -> {
            assertThat(group.input("ingress")).isNull();
            assertThat(group.input("egress")).isNull();
            assertThat(group.input("vpcId")).isEqualTo(plan.outputs().get("vpcId"));
            assertThat(group.inputString("name")).startsWith(Reference.P + "prod-core-");
        });
    }

    @Test
    void withoutPublicServicesThereIsNoLoadBalancerGroup() {
        var plan = Reference.plan("dev", Reference.values("dev").setIn(Reference.NS + "services", "web.public", false).toMap());

        assertThat(plan.byType("aws:ec2/securityGroup:SecurityGroup")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder(Reference.P + "security-groups-web", Reference.P + "security-groups-api",
                        Reference.P + "security-groups-worker");
        assertThat(plan.byType("aws:lb/loadBalancer:LoadBalancer")).isEmpty();
        assertThat(plan.outputs()).doesNotContainKeys("albDnsName", "applicationUrl");
        assertThat(rules(plan)).doesNotContain("web: in tcp 8080-8080 sg alb").contains("api: in tcp 8080-8080 sg web");
        assertThat(List.copyOf(rules(plan))).noneMatch(rule -> rule.startsWith("alb"));
    }
}
