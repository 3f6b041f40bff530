package com.tapstack.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanEditor;
import com.tapstack.tooling.check.Finding;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.diagram.MermaidDiagram;
import com.tapstack.tooling.offline.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Service Connect rules (TAP131 to TAP134), one firing case each on the shop fixture planned with Service
 * Connect, quiet on the plan as the stack makes it; and the diagram's Service Connect labels.
 */
class ServiceConnectRulesAndDiagramTest {

    static final String SERVICE = "aws:ecs/service:Service";
    static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";

    static Plan plan() {
        return Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL).set(Fixtures.key("discovery"),
                "serviceConnect"));
    }

    static List<Finding> findings(PlanEditor edited, String rule) {
        return Checks.findings(edited.build(), false, rule);
    }

    @Test
    void theStacksOwnServiceConnectPlanPassesEveryRule() {
        assertThat(Checks.findings(plan(), false)).isEmpty();
    }

    @Test
    void tap131AnEndpointWhosePortMappingHasNoName() {
        var findings = findings(PlanEditor.of(plan()).container("shop-orders-task-definition", "orders", c -> {
            c.put("portMappings", List.of(Map.of("containerPort", 9000, "protocol", "tcp")));
            return c;
        }), "TAP131");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.resource().name()).isEqualTo("shop-orders");
            assertThat(f.message()).isEqualTo("serves Service Connect port orders, but its task's port mappings are"
                    + " named nothing; name the container's port mapping orders");
        });
    }

    @Test
    void tap132TwoEndpointsWithOneDiscoveryNameAndOneAlias() {
        var findings = findings(PlanEditor.of(plan()).set(SERVICE, "shop-storefront",
                "serviceConnectConfiguration.services", List.of(Map.of("portName", "storefront", "discoveryName",
                        "orders", "clientAlias", List.of(Map.of("dnsName", "orders.qa.shop.local", "port", 9000))))),
                "TAP132");

        assertThat(findings).extracting(Finding::message).containsExactly(
                "uses discovery name orders, which service shop-qa-t1-orders uses too; give it another"
                        + " (shop:services.<name>.serviceConnect.discoveryName)",
                "offers orders.qa.shop.local:9000, which service shop-qa-t1-orders offers too; give it another dnsName"
                        + " or port (shop:services.<name>.serviceConnect)");
        assertThat(findings).allSatisfy(f -> assertThat(f.resource().name()).isEqualTo("shop-storefront"));
    }

    @Test
    void tap132AnExplicitAliasOnAnotherServicesDefaultAliasIsCaughtFromTheStackFile() {
        // The loader compares explicit aliases only (the default needs the deployment's namespace name); the plan
        // holds every alias as sent, so the check sees the clash ECS would refuse at deployment.
        var plan = Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL).set(Fixtures.key("discovery"),
                "serviceConnect").setIn(Fixtures.key("services"), "storefront.serviceConnect",
                Map.of("dnsName", "orders.qa.shop.local", "port", 9000)));

        assertThat(Checks.findings(plan, false, "TAP132")).extracting(Finding::message).containsExactly(
                "offers orders.qa.shop.local:9000, which service shop-qa-t1-orders offers too; give it another dnsName"
                        + " or port (shop:services.<name>.serviceConnect)");
    }

    @Test
    void tap133ACallerAddressingANameNoEndpointOffers() {
        var findings = findings(PlanEditor.of(plan()).container("shop-storefront-task-definition", "storefront", c -> {
            c.put("environment", List.of(Map.of("name", "ORDERS_URL", "value", "http://order.qa.shop.local:9000"),
                    Map.of("name", "OK_URL", "value", "http://orders.qa.shop.local:9000/v1")));
            return c;
        }), "TAP133");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).isEqualTo("sets ORDERS_URL to order.qa.shop.local, which no Service Connect"
                    + " endpoint offers, so it does not resolve; use a client alias: orders.qa.shop.local,"
                    + " storefront.qa.shop.local");
        });
    }

    @Test
    void tap134AProxyWithoutALogConfiguration() {
        var findings = findings(PlanEditor.of(plan()).remove(SERVICE, "shop-mailer",
                "serviceConnectConfiguration.logConfiguration"), "TAP134");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.resource().name()).isEqualTo("shop-mailer");
            assertThat(f.message()).isEqualTo("sends its Service Connect proxy's logs nowhere; log them with awslogs"
                    + " to a group of the stack");
        });
    }

    @Test
    void theRulesStayQuietWithCloudMap() {
        var findings = Checks.findings(Fixtures.plan(Fixtures.SMALL), false);

        assertThat(findings).extracting(f -> f.rule().id()).doesNotContain("TAP131", "TAP132", "TAP133", "TAP134");
    }

    @Test
    void theDiagramLabelsServiceConnectEdgesAndNamesEndpointsByTheirAlias() {
        var diagram = MermaidDiagram.render(plan());

        assertThat(diagram).contains("  svc_shop_storefront -->|\":9000 Service Connect\"| svc_shop_orders\n")
                .contains("      svc_shop_orders[\"orders.qa.shop.local<br/>internal, 512 CPU / 1024 MiB\"]\n")
                .contains("      svc_shop_mailer[\"shop-qa-t1-mailer<br/>no inbound, 256 CPU / 512 MiB\"]\n")
                .contains("  cloudmap[(\"Cloud Map qa.shop.local<br/>Service Connect\")]\n")
                .contains("  svc_shop_mailer -.->|Service Connect| cloudmap\n");
        var cloudMap = MermaidDiagram.render(Fixtures.plan(Fixtures.SMALL));
        assertThat(cloudMap).contains("  svc_shop_storefront -->|\":9000\"| svc_shop_orders\n")
                .contains("  svc_shop_mailer -.-> cloudmap\n").doesNotContain("Service Connect");
    }
}
