package com.tapstack.tooling.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {

    /** Node ids are the logical names with - as _. */
    private static final String ID = Reference.P.replace('-', '_');

    @Test
    void devShowsTwoZonesOneNatTheLoadBalancerAndWhoMayCallWhom() {
        var diagram = MermaidDiagram.render(Reference.plan("dev"));

        assertThat(diagram).startsWith("flowchart LR\n")
                .contains("subgraph vpc[\"VPC 10.10.0.0/16\"]")
                .contains("subgraph az_us_east_1a[\"us-east-1a\"]", "subgraph az_us_east_1b[\"us-east-1b\"]")
                .contains(ID + "network_public_0[\"public 10.10.0.0/18\"]")
                .contains(ID + "network_private_1[\"private 10.10.192.0/18\"]")
                .contains("alb[[\"Load balancer " + Reference.P + "dev-" + Reference.plan("dev").outputs().get("environmentSuffix")
                        + "-alb<br/>HTTP :80\"]]")
                .contains("svc_" + ID + "web[\"web<br/>public, 256 CPU / 512 MiB\"]")
                .contains("svc_" + ID + "worker[\"worker<br/>no inbound, 256 CPU / 512 MiB\"]")
                .contains("internet -->|\":80\"| alb")
                .contains("alb -->|\":8080\"| svc_" + ID + "web")
                .contains("svc_" + ID + "web -->|\":8080\"| svc_" + ID + "api")
                .contains("cloudmap[(\"Cloud Map dev." + Reference.NAME + ".local\")]")
                .contains("kms -.->|encrypts| logs");
        assertThat(diagram).doesNotContain("svc_" + ID + "api -->|").doesNotContain("svc_" + ID + "worker -->|");
        assertThat(diagram.lines().filter(line -> line.contains("{{\"NAT gateway\"}}"))).hasSize(1);
    }

    @Test
    void prodHasANatGatewayInEachOfItsThreeZones() {
        var diagram = MermaidDiagram.render(Reference.plan("prod"));

        assertThat(diagram.lines().filter(line -> line.contains("{{\"NAT gateway\"}}"))).hasSize(3);
        assertThat(diagram.lines().filter(line -> line.trim().startsWith("subgraph az_"))).hasSize(3);
    }

    @Test
    void aServicesSidecarsAreListedInItsNodeWithTheirKind() {
        var values = com.tapstack.support.Fixtures.values(com.tapstack.support.Fixtures.SMALL).setIn(
                com.tapstack.support.Fixtures.key("services"), "storefront.sidecars", java.util.Map.of(
                        "log-router", java.util.Map.of("kind", "firelens", "image",
                                com.tapstack.service.SidecarsPlanTest.FLUENT_BIT),
                        "collector", java.util.Map.of("kind", "otel", "image", com.tapstack.service.SidecarsPlanTest.ADOT),
                        "proxy", java.util.Map.of("image", com.tapstack.service.SidecarsPlanTest.ENVOY)));
        var diagram = MermaidDiagram.render(com.tapstack.support.Fixtures.plan(com.tapstack.support.Fixtures.SMALL,
                values));

        assertThat(diagram).contains("[\"storefront<br/>public, 256 CPU / 512 MiB<br/>sidecars: collector (otel),"
                + " log-router (firelens), proxy\"]");
        // The init container for writable paths is no sidecar, and a service without any lists none.
        assertThat(diagram).contains("[\"orders<br/>internal, 512 CPU / 1024 MiB\"]").doesNotContain("prepare-writable");
    }
}
