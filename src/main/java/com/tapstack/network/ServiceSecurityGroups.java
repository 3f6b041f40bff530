package com.tapstack.network;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.naming.NameLimit;
import com.tapstack.scope.StackScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The security groups of the load balancer and of each service, and every rule between them, in one place so
 * groups can refer to each other. Rules are separate resources (one per rule, each with a description), never
 * inline blocks, and the provider removes AWS's default allow-all egress, so nothing flows that is not here:
 * <ul>
 *   <li>load balancer: HTTP (and HTTPS with a certificate) from the internet; out only to public services' ports;</li>
 *   <li>public service: its port from the load balancer only;</li>
 *   <li>called service: its port from each service that declares it in {@code calls}, and nothing else;</li>
 *   <li>every service: out to HTTPS (ECR, CloudWatch Logs, Secrets Manager, SSM, registries), to DNS in the
 *       VPC, and to the ports of the services it calls.</li>
 * </ul>
 */
public final class ServiceSecurityGroups extends ComponentResource {

    public static final String TYPE = "tap:network:ServiceSecurityGroups";
    /**
     * "Inbound or outbound rules per security group: 60" (Amazon VPC quotas, default; enforced separately for
     * IPv4 and IPv6). A group that needs more rules is split: the load balancer and the interface endpoints take
     * up to {@value #MAX_GROUPS} groups each ("Security groups per network interface: 5", the default).
     */
    public static final int RULES_PER_GROUP = 60;
    public static final int MAX_GROUPS = 5;
    public static final int HTTP = 80;
    public static final int HTTPS = 443;
    public static final int DNS = 53;

    private final Optional<SecurityGroup> loadBalancer;
    /** The load balancer's groups: the first takes the internet, each takes the egress of up to 60 services. */
    private final List<SecurityGroup> loadBalancerGroups = new ArrayList<>();
    private final Map<String, SecurityGroup> services = new LinkedHashMap<>();
    private final Optional<SecurityGroup> database;
    private final Optional<SecurityGroup> endpoints;
    private final List<SecurityGroup> endpointGroups = new ArrayList<>();
    private final Rules rules;

    /**
     * @param https        the load balancer also serves 443
     * @param databasePort the database's port, when the stack has one: its group admits the services that use it
     * @param withEndpoints the stack has interface endpoints: their group admits 443 from every service
     */
    public ServiceSecurityGroups(String name, PlatformConfig platform, Output<String> vpcId, Output<String> vpcCidr,
                                 boolean https, Optional<Integer> databasePort, boolean withEndpoints, StackScope scope,
                                 ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.loadBalancer = platform.hasPublicServices()
                ? Optional.of(group(name + "-alb", "alb", "Load balancer: HTTP(S) from the internet to public services",
                vpcId, scope, child))
                : Optional.empty();
        for (var service : platform.services().values()) {
            services.put(service.name(), group(name + "-" + service.name(), service.name(),
                    "Service " + service.name() + ": only the traffic its callers and the load balancer need",
                    vpcId, scope, child));
        }
        this.database = databasePort.map(port -> group(name + "-database", "database",
                "Database: its port from the services that use it, nothing else", vpcId, scope, child));
        this.endpoints = withEndpoints ? Optional.of(group(name + "-endpoints", "endpoints",
                "VPC interface endpoints: HTTPS from the services", vpcId, scope, child)) : Optional.empty();
        loadBalancer.ifPresent(loadBalancerGroups::add);
        endpoints.ifPresent(endpointGroups::add);

        this.rules = new Rules(name, scope, child, new LinkedHashMap<>());
        var rules = this.rules;
        loadBalancer.ifPresent(alb -> {
            rules.ingress(name + "-alb-http", alb, Peer.cidr(Output.of(Network.ANYWHERE)), "tcp", HTTP,
                    "HTTP from the internet");
            if (https) {
                rules.ingress(name + "-alb-https", alb, Peer.cidr(Output.of(Network.ANYWHERE)), "tcp", HTTPS,
                        "HTTPS from the internet");
            }
        });
        int publicServices = 0;
        int servicesSeen = 0;
        for (var service : platform.services().values()) {
            var group = services.get(service.name());
            var self = new Endpoint(service.name(), group, "service " + service.name());
            if (service.isPublic()) {
                var alb = chunk(loadBalancerGroups, publicServices++, name + "-alb", "alb",
                        "Load balancer: egress to more public services", vpcId, scope, child);
                rules.connect(new Endpoint("alb", alb, "the load balancer"), self, service.port().orElseThrow());
            }
            for (var calleeName : service.calls()) {
                rules.connect(self, new Endpoint(calleeName, services.get(calleeName), "service " + calleeName),
                        platform.services().get(calleeName).port().orElseThrow());
            }
            if (service.database() && this.database.isPresent()) {
                rules.connect(self, new Endpoint("database", this.database.get(), "the database"),
                        databasePort.orElseThrow());
            }
            var label = service.name();
            if (this.endpoints.isPresent()) {
                var endpointGroup = chunk(endpointGroups, servicesSeen, name + "-endpoints", "endpoints",
                        "VPC interface endpoints: HTTPS from more services", vpcId, scope, child);
                rules.add(label, rules.ingress(name + "-endpoints-from-" + label, endpointGroup, Peer.group(group),
                        "tcp", HTTPS, "HTTPS from service " + label));
            }
            servicesSeen++;
            rules.add(label, rules.egress(name + "-" + label + "-https", group, Peer.cidr(Output.of(Network.ANYWHERE)),
                    "tcp", HTTPS, "HTTPS to AWS APIs (ECR, CloudWatch Logs, Secrets Manager, SSM) and image registries"));
            rules.add(label, rules.egress(name + "-" + label + "-dns-udp", group, Peer.cidr(vpcCidr), "udp", DNS,
                    "DNS to resolvers in the VPC"));
            rules.add(label, rules.egress(name + "-" + label + "-dns-tcp", group, Peer.cidr(vpcCidr), "tcp", DNS,
                    "DNS over TCP to resolvers in the VPC"));
        }
        var outputs = new LinkedHashMap<String, Output<?>>();
        services.forEach((service, group) -> outputs.put(service, group.id()));
        for (int i = 0; i < loadBalancerGroups.size(); i++) {
            outputs.put(i == 0 ? "alb" : "alb-" + (i + 1), loadBalancerGroups.get(i).id());
        }
        database.ifPresent(db -> outputs.put("database", db.id()));
        for (int i = 0; i < endpointGroups.size(); i++) {
            outputs.put(i == 0 ? "endpoints" : "endpoints-" + (i + 1), endpointGroups.get(i).id());
        }
        registerOutputs(Map.copyOf(outputs));
    }

    public Optional<Output<String>> loadBalancerGroupId() {
        return loadBalancer.map(SecurityGroup::id);
    }

    /** Every group of the load balancer (one per 60 public services). */
    public Output<List<String>> loadBalancerGroupIds() {
        return Output.all(loadBalancerGroups.stream().map(SecurityGroup::id).toList());
    }

    /** Every group of the interface endpoints (one per 60 services). */
    public Output<List<String>> endpointGroupIds() {
        return Output.all(endpointGroups.stream().map(SecurityGroup::id).toList());
    }

    /**
     * The group of {@code groups} that takes the {@code index}-th rule, creating {@code <part>-2}, {@code -3}...
     * as the first ones fill up (the loader refuses more than {@value #MAX_GROUPS} groups' worth).
     */
    private static SecurityGroup chunk(List<SecurityGroup> groups, int index, String logicalName, String part,
                                       String description, Output<String> vpcId, StackScope scope,
                                       CustomResourceOptions options) {
        int wanted = index / RULES_PER_GROUP;
        while (groups.size() <= wanted) {
            int number = groups.size() + 1;
            groups.add(group(logicalName + "-" + number, part + "-" + number, description, vpcId, scope, options));
        }
        return groups.get(wanted);
    }

    public Optional<Output<String>> databaseGroupId() {
        return database.map(SecurityGroup::id);
    }


    public Output<String> groupIdOf(ServiceConfig service) {
        return services.get(service.name()).id();
    }

    /**
     * Every rule a task of {@code service} relies on: its egress (HTTPS, DNS, its callees, the database), the
     * ingress that admits it elsewhere, and the ingress on its own group. ECS must not start a task before them:
     * a task whose first image pull or log write is dropped fails, and a first deployment cannot roll back.
     */
    public List<Resource> rulesOf(ServiceConfig service) {
        return List.copyOf(rules.byLabel().getOrDefault(service.name(), List.of()));
    }

    private static SecurityGroup group(String logicalName, String part, String description, Output<String> vpcId,
                                       StackScope scope, CustomResourceOptions options) {
        return new SecurityGroup(logicalName, SecurityGroupArgs.builder()
                .name(scope.name(part, NameLimit.SECURITY_GROUP))
                .description(description)
                .vpcId(vpcId)
                .revokeRulesOnDelete(true)
                .tags(scope.tagsNamed(part))
                .build(), options);
    }

    /** One end of a connection: a label for logical names, its group, and how rule descriptions name it. */
    private record Endpoint(String label, SecurityGroup group, String description) {
    }

    /** The other side of a rule: a CIDR block or a security group. */
    private record Peer(Output<String> cidr, Output<String> groupId) {
        static Peer cidr(Output<String> cidr) {
            return new Peer(cidr, null);
        }

        static Peer group(SecurityGroup group) {
            return new Peer(null, group.id());
        }
    }

    /** Creates the rules, each a separate described resource. */
    private record Rules(String name, StackScope scope, CustomResourceOptions options,
                         Map<String, List<Resource>> byLabel) {

        /** TCP {@code port} from one group to another: egress on the sender, ingress on the receiver. */
        void connect(Endpoint from, Endpoint to, int port) {
            var ingress = ingress(name + "-" + to.label() + "-from-" + from.label(), to.group(),
                    Peer.group(from.group()), "tcp", port, "Port " + port + " from " + from.description());
            var egress = egress(name + "-" + from.label() + "-to-" + to.label(), from.group(),
                    Peer.group(to.group()), "tcp", port, "To " + to.description() + " on port " + port);
            for (var label : List.of(from.label(), to.label())) {
                add(label, ingress);
                add(label, egress);
            }
        }

        /** Records that a rule is one the tasks behind {@code label} rely on. */
        void add(String label, Resource rule) {
            byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(rule);
        }

        SecurityGroupIngressRule ingress(String logicalName, SecurityGroup group, Peer source, String protocol,
                                         int port, String description) {
            return new SecurityGroupIngressRule(logicalName, SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(group.id())
                    .ipProtocol(protocol).fromPort(port).toPort(port)
                    .cidrIpv4(source.cidr())
                    .referencedSecurityGroupId(source.groupId())
                    .description(description)
                    .tags(scope.commonTags())
                    .build(), options);
        }

        SecurityGroupEgressRule egress(String logicalName, SecurityGroup group, Peer destination, String protocol,
                                       int port, String description) {
            return new SecurityGroupEgressRule(logicalName, SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId(group.id())
                    .ipProtocol(protocol).fromPort(port).toPort(port)
                    .cidrIpv4(destination.cidr())
                    .referencedSecurityGroupId(destination.groupId())
                    .description(description)
                    .tags(scope.commonTags())
                    .build(), options);
        }
    }
}
