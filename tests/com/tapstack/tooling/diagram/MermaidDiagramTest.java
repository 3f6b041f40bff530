package com.tapstack.tooling.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Stacks;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {

    @Test
    void devShowsTwoZonesOneNatTheLoadBalancerAndWhoMayCallWhom() {
        var diagram = MermaidDiagram.render(Stacks.plan("dev"));

        assertThat(diagram).startsWith("flowchart LR\n")
                .contains("subgraph vpc[\"VPC 10.10.0.0/16\"]")
                .contains("subgraph az_us_east_1a[\"us-east-1a\"]", "subgraph az_us_east_1b[\"us-east-1b\"]")
                .contains("tap_network_public_0[\"public 10.10.0.0/18\"]")
                .contains("tap_network_private_1[\"private 10.10.192.0/18\"]")
                .contains("alb[[\"Load balancer tap-dev-" + Stacks.plan("dev").outputs().get("environmentSuffix")
                        + "-alb<br/>HTTP :80\"]]")
                .contains("svc_tap_web[\"web<br/>public, 256 CPU / 512 MiB\"]")
                .contains("svc_tap_worker[\"worker<br/>no inbound, 256 CPU / 512 MiB\"]")
                .contains("internet -->|\":80\"| alb")
                .contains("alb -->|\":8080\"| svc_tap_web")
                .contains("svc_tap_web -->|\":8080\"| svc_tap_api")
                .contains("cloudmap[(\"Cloud Map dev.tap.local\")]")
                .contains("kms -.->|encrypts| logs");
        assertThat(diagram).doesNotContain("svc_tap_api -->|").doesNotContain("svc_tap_worker -->|");
        assertThat(diagram.lines().filter(line -> line.contains("{{\"NAT gateway\"}}"))).hasSize(1);
    }

    @Test
    void prodHasANatGatewayInEachOfItsThreeZones() {
        var diagram = MermaidDiagram.render(Stacks.plan("prod"));

        assertThat(diagram.lines().filter(line -> line.contains("{{\"NAT gateway\"}}"))).hasSize(3);
        assertThat(diagram.lines().filter(line -> line.trim().startsWith("subgraph az_"))).hasSize(3);
    }
}
