package com.tapstack.tooling.check.rules;

import static com.tapstack.support.Checks.dev;
import static com.tapstack.support.Checks.editDev;
import static com.tapstack.support.Checks.editProd;
import static com.tapstack.support.Checks.prod;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Reference;
import com.tapstack.tooling.check.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkHygieneLifecycleRulesTest {

    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    @Test
    void tap601AServiceOpenToTheInternet() {
        var findings = dev(editDev().set(INGRESS, Reference.P + "security-groups-api-from-web", "cidrIpv4", "0.0.0.0/0")
                .remove(INGRESS, Reference.P + "security-groups-api-from-web", "referencedSecurityGroupId"), "TAP601");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.message()).endsWith("accepts port 8080 from anywhere; admit only the load balancer's or the"
                    + " calling services' security groups");
        });
    }

    @Test
    void tap601TheLoadBalancerOnAnotherPort() {
        assertThat(dev(editDev().set(INGRESS, Reference.P + "security-groups-alb-http", "fromPort", 22L)
                .set(INGRESS, Reference.P + "security-groups-alb-http", "toPort", 22L), "TAP601")).hasSize(1);
    }

    @Test
    void tap602PrivateSubnetsWithoutNatOrEndpoints() {
        var plan = Reference.plan("dev", Reference.values("dev").set(Reference.NS + "natStrategy", "none").toMap());

        assertThat(Checks.findings(plan, false, "TAP602")).hasSize(6)
                .allSatisfy(f -> assertThat(f.message()).contains("has no route to a NAT gateway"));
    }

    @Test
    void tap603NoHttpsEgress() {
        assertThat(dev(editDev().removeResource(EGRESS, Reference.P + "security-groups-worker-https"), "TAP603"))
                .singleElement().satisfies(f -> assertThat(f.resource().name()).isEqualTo(Reference.P + "worker"));
    }

    @Test
    void tap604EgressOnEveryPortToAnywhere() {
        assertThat(dev(editDev().set(EGRESS, Reference.P + "security-groups-worker-https", "ipProtocol", "-1"), "TAP604"))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void tap701ANameTooLong() {
        assertThat(dev(editDev().set("aws:lb/targetGroup:TargetGroup", Reference.P + "alb-web", "name",
                Reference.P + "dev-averyveryverylongsuffix-web"), "TAP701")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("name " + Reference.P + "dev-averyveryverylongsuffix-web is 35"
                        + " characters; AWS allows 32 (shorten " + Reference.NS + "environmentSuffix or the service name)"));
    }

    @Test
    void tap702MissingTags() {
        assertThat(dev(editDev().set("aws:ecs/cluster:Cluster", Reference.P + "cluster", "tags", Map.of("Name", "x")),
                "TAP702")).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("is missing tags"
                + " Environment, EnvironmentSuffix, Project, ManagedBy, CostCenter, Owner; tag it with the stack's"
                + " common tags"));
    }

    @Test
    void tap703ANameWithoutTheSuffix() {
        assertThat(dev(editDev().set("aws:ecs/cluster:Cluster", Reference.P + "cluster", "name", "ecs-cluster"), "TAP703"))
                .hasSize(1);
    }

    @Test
    void tap801AnUnprotectedRepositoryInProd() {
        assertThat(prod(editProd().protect("aws:ecr/repository:Repository", Reference.P + "registry-api", false), "TAP801"))
                .singleElement().satisfies(f -> assertThat(f.resource().name()).isEqualTo(Reference.P + "registry-api"));
        assertThat(dev(editDev().protect("aws:ecr/repository:Repository", Reference.P + "registry-api", false), "TAP801"))
                .isEmpty();
    }

    @Test
    void tap802ResourcesThatBlockDestroyInDev() {
        var findings = dev(editDev()
                .set("aws:lb/loadBalancer:LoadBalancer", Reference.P + "alb", "enableDeletionProtection", true)
                .set("aws:ecr/repository:Repository", Reference.P + "registry-web", "forceDelete", false)
                .protect("aws:kms/key:Key", Reference.P + "key", true), "TAP802");

        assertThat(findings).extracting(f -> f.resource().name())
                .containsExactlyInAnyOrder(Reference.P + "alb", Reference.P + "registry-web", Reference.P + "key");
        assertThat(prod(editProd(), "TAP802")).isEmpty();
    }
}
