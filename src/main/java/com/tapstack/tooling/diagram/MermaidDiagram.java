package com.tapstack.tooling.diagram;

import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The architecture as a Mermaid flowchart, drawn from the plan graph (what would be created, not the
 * configuration): the VPC with its subnets per AZ and NAT gateways, the load balancer, the services and who may
 * call whom (read from the security group rules), Cloud Map, ECR, the KMS key, the log groups and the EFS file
 * systems with the services that mount them.
 */
public final class MermaidDiagram {

    private final Plan plan;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, String> serviceNodeByGroup = new LinkedHashMap<>();
    /** Service nodes whose tasks run the Service Connect proxy. */
    private final java.util.Set<String> serviceConnectNodes = new java.util.HashSet<>();

    private MermaidDiagram(Plan plan) {
        this.plan = plan;
    }

    public static String render(Plan plan) {
        return new MermaidDiagram(plan).draw();
    }

    private String draw() {
        lines.add("flowchart LR");
        lines.add("  internet((Internet))");
        var vpc = plan.byType("aws:ec2/vpc:Vpc").stream().findFirst();
        var vpcLabel = vpc.map(v -> "VPC " + v.input("cidrBlock")).or(() -> ExistingVpcLabel.of(plan));
        vpcLabel.ifPresent(label -> lines.add("  subgraph vpc[\"" + label + "\"]"));
        drawZones();
        var balancer = plan.byType("aws:lb/loadBalancer:LoadBalancer").stream().findFirst();
        balancer.ifPresent(this::drawBalancer);
        drawServices();
        vpcLabel.ifPresent(v -> lines.add("  end"));
        drawSharedParts();
        lines.addAll(ScheduleNodes.schedules(plan));
        drawTraffic(balancer);
        new QueueEdges(plan, this::serviceNode).draw(lines);
        lines.addAll(PullThroughDrawing.lines(plan));
        return String.join("\n", lines) + "\n";
    }

    /** The zone a subnet is placed in: by name when looked up, by zone id when recorded in the stack file. */
    private static String zoneOf(PlannedResource subnet) {
        var name = subnet.inputString("availabilityZone");
        return name != null ? name : String.valueOf(subnet.inputString("availabilityZoneId"));
    }

    private void drawZones() {
        var byZone = new TreeMap<String, List<PlannedResource>>();
        plan.byType("aws:ec2/subnet:Subnet").forEach(subnet ->
                byZone.computeIfAbsent(zoneOf(subnet), k -> new ArrayList<>()).add(subnet));
        var natBySubnet = new LinkedHashMap<String, PlannedResource>();
        plan.byType("aws:ec2/natGateway:NatGateway").forEach(nat -> natBySubnet.put(nat.inputString("subnetId"), nat));
        byZone.forEach((zone, subnets) -> {
            lines.add("    subgraph " + id("az-" + zone) + "[\"" + zone + "\"]");
            subnets.sort(java.util.Comparator.comparing(s -> String.valueOf(s.inputAt("tags.Tier"))));
            for (var subnet : subnets) {
                var tier = String.valueOf(subnet.inputAt("tags.Tier"));
                lines.add("      " + id(subnet.name()) + "[\"" + tier + " " + subnet.input("cidrBlock") + "\"]");
                var nat = natBySubnet.get(subnet.id().orElse(""));
                if (nat != null) {
                    lines.add("      " + id(nat.name()) + "{{\"NAT gateway\"}}");
                }
            }
            lines.add("    end");
        });
    }

    private void drawBalancer(PlannedResource balancer) {
        var listeners = plan.byType("aws:lb/listener:Listener").stream()
                .map(l -> l.input("protocol") + " :" + l.input("port")).sorted().toList();
        lines.add("    alb[[\"Load balancer " + balancer.input("name") + "<br/>" + String.join(", ", listeners) + "\"]]");
    }

    private void drawServices() {
        var cluster = plan.byType("aws:ecs/cluster:Cluster").stream().findFirst();
        if (cluster.isEmpty()) {
            return;
        }
        var providers = plan.byType("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").stream().findFirst()
                .map(p -> String.join(", ", strings(p.input("capacityProviders")))).orElse("FARGATE");
        lines.add("    subgraph cluster[\"ECS cluster " + cluster.get().input("name") + " (" + providers + ")\"]");
        for (var service : plan.byType("aws:ecs/service:Service")) {
            var node = serviceNode(service);
            var task = plan.find(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition")
                    && String.valueOf(r.output("arn")).equals(service.inputString("taskDefinition")));
            var listens = task.map(t -> t.inputString("containerDefinitions")).orElse("").contains("containerPort");
            var access = service.input("loadBalancers") != null ? "public" : listens ? "internal" : "no inbound";
            var size = task.map(t -> t.input("cpu") + " CPU / " + t.input("memory") + " MiB").orElse("");
            lines.add("      " + node + "[\"" + discoveryName(service).or(() -> ServiceConnectView.alias(service))
                    .orElse(service.inputString("name")) + "<br/>"
                    + access + ", " + size + sidecars(service, task) + "\"]");
            strings(service.inputAt("networkConfiguration.securityGroups")).forEach(group ->
                    serviceNodeByGroup.put(group, node));
            if (ServiceConnectView.enabled(service)) {
                serviceConnectNodes.add(node);
            }
        }
        lines.addAll(ScheduleNodes.tasks(plan, serviceNodeByGroup));
        lines.add("    end");
    }

    private void drawSharedParts() {
        plan.byType("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").forEach(namespace ->
                lines.add("  cloudmap[(\"Cloud Map " + namespace.input("name")
                        + (serviceConnectNodes.isEmpty() ? "" : "<br/>Service Connect") + "\")]"));
        var repositories = plan.byType("aws:ecr/repository:Repository").stream().map(r -> r.inputString("name")).toList();
        if (!repositories.isEmpty()) {
            lines.add("  ecr[(\"ECR " + String.join("<br/>", repositories) + "\")]");
        }
        plan.byType("aws:kms/key:Key").forEach(key -> lines.add("  kms{{\"KMS key, rotated\"}}"));
        var groups = plan.byType("aws:cloudwatch/logGroup:LogGroup");
        if (!groups.isEmpty()) {
            var retention = groups.stream().map(g -> String.valueOf(g.input("retentionInDays"))).distinct().toList();
            lines.add("  logs[(\"" + groups.size() + " log groups<br/>" + String.join("/", retention) + " days\")]");
        }
        lines.addAll(StorageDrawing.nodes(plan));
    }

    private void drawTraffic(Optional<PlannedResource> balancer) {
        balancer.ifPresent(b -> {
            var ports = plan.byType("aws:lb/listener:Listener").stream().map(l -> ":" + l.input("port")).sorted().toList();
            lines.add("  internet -->|\"" + String.join(" ", ports) + "\"| alb");
            for (var service : plan.byType("aws:ecs/service:Service")) {
                for (var binding : maps(service.input("loadBalancers"))) {
                    lines.add("  alb -->|\":" + binding.get("containerPort") + "\"| " + serviceNode(service));
                }
            }
        });
        for (var rule : plan.byType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
            var callee = serviceNodeByGroup.get(rule.inputString("securityGroupId"));
            var caller = serviceNodeByGroup.get(rule.inputString("referencedSecurityGroupId"));
            if (callee != null && caller != null) {
                // Through the caller's Service Connect proxy when both run one, to the same port.
                var via = serviceConnectNodes.contains(callee) && serviceConnectNodes.contains(caller)
                        ? " Service Connect" : "";
                lines.add("  " + caller + " -->|\":" + rule.input("fromPort") + via + "\"| " + callee);
            }
        }
        plan.byType("aws:ec2/natGateway:NatGateway").forEach(nat -> lines.add("  " + id(nat.name()) + " --> internet"));
        if (!plan.byType("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").isEmpty()) {
            plan.byType("aws:ecs/service:Service").forEach(s -> lines.add("  " + serviceNode(s)
                    + (serviceConnectNodes.contains(serviceNode(s)) ? " -.->|Service Connect| cloudmap" : " -.-> cloudmap")));
        }
        if (!plan.byType("aws:kms/key:Key").isEmpty() && !plan.byType("aws:cloudwatch/logGroup:LogGroup").isEmpty()) {
            lines.add("  kms -.->|encrypts| logs");
        }
        if (!plan.byType("aws:ecr/repository:Repository").isEmpty()) {
            lines.add("  kms -.->|encrypts| ecr");
        }
        lines.addAll(StorageDrawing.edges(plan, this::serviceNode));
    }

    /**
     * The task's containers besides the service's own (named like its Cloud Map service) and the init container
     * for writable paths, with the ready-made kind each is: "<br/>sidecars: log-router (firelens), ...".
     */
    private String sidecars(PlannedResource service, Optional<PlannedResource> task) {
        var json = task.map(t -> t.inputString("containerDefinitions")).orElse("[]");
        var names = new ArrayList<String>();
        // ContainerDefinitions writes the init container (when there is one), the service's container, then the
        // sidecars: what follows the service's container is a sidecar (its Cloud Map name is gone with Service Connect).
        var serviceContainerSeen = false;
        for (var container : maps(new com.google.gson.Gson().fromJson(json, List.class))) {
            var name = String.valueOf(container.get("name"));
            if (name.equals(com.tapstack.config.service.Sidecar.INIT_CONTAINER)) {
                continue;
            }
            if (!serviceContainerSeen) {
                serviceContainerSeen = true;
                continue;
            }
            var otel = maps(container.get("environment")).stream().anyMatch(variable ->
                    com.tapstack.config.service.Sidecar.COLLECTOR_CONFIG_VARIABLE.equals(variable.get("name")));
            names.add(name + (container.get("firelensConfiguration") != null ? " (firelens)" : otel ? " (otel)" : ""));
        }
        return names.isEmpty() ? "" : "<br/>sidecars: " + String.join(", ", names);
    }

    private Optional<String> discoveryName(PlannedResource service) {
        var registry = service.inputAt("serviceRegistries.registryArn");
        return plan.find(r -> r.type().equals("aws:servicediscovery/service:Service")
                && String.valueOf(r.output("arn")).equals(String.valueOf(registry))).map(r -> r.inputString("name"));
    }

    String serviceNode(PlannedResource service) {
        return id("svc-" + service.name());
    }

    /** A Mermaid node id: letters, digits and underscores. */
    static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? list.stream().filter(Map.class::isInstance)
                .map(m -> (Map<String, Object>) m).toList() : List.of();
    }
}
