package com.tapstack.service;

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
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.naming.NameLimit;
import com.tapstack.network.Network;
import com.tapstack.stack.StackScope;
import java.util.LinkedHashMap;
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
    public static final int HTTP = 80;
    public static final int HTTPS = 443;
    public static final int DNS = 53;

    private final Optional<SecurityGroup> loadBalancer;
    private final Map<String, SecurityGroup> services = new LinkedHashMap<>();
    private final Optional<SecurityGroup> database;
    private final Optional<SecurityGroup> endpoints;

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

        loadBalancer.ifPresent(alb -> {
            ingressFromInternet(name + "-alb-http", alb, HTTP, "HTTP from the internet", scope, child);
            if (https) {
                ingressFromInternet(name + "-alb-https", alb, HTTPS, "HTTPS from the internet", scope, child);
            }
        });
        for (var service : platform.services().values()) {
            var group = services.get(service.name());
            if (service.isPublic()) {
                var alb = loadBalancer.orElseThrow();
                int port = service.port().orElseThrow();
                ingress(name + "-" + service.name() + "-from-alb", group, alb, port,
                        "Port " + port + " from the load balancer", scope, child);
                egress(name + "-alb-to-" + service.name(), alb, group, port,
                        "To service " + service.name() + " on port " + port, scope, child);
            }
            for (var calleeName : service.calls()) {
                var callee = platform.services().get(calleeName);
                int port = callee.port().orElseThrow();
                ingress(name + "-" + calleeName + "-from-" + service.name(), services.get(calleeName), group, port,
                        "Port " + port + " from service " + service.name(), scope, child);
                egress(name + "-" + service.name() + "-to-" + calleeName, group, services.get(calleeName), port,
                        "To service " + calleeName + " on port " + port, scope, child);
            }
            if (service.database() && this.database.isPresent()) {
                int port = databasePort.orElseThrow();
                ingress(name + "-database-from-" + service.name(), this.database.get(), group, port,
                        "Port " + port + " from service " + service.name(), scope, child);
                egress(name + "-" + service.name() + "-to-database", group, this.database.get(), port,
                        "To the database on port " + port, scope, child);
            }
            this.endpoints.ifPresent(e -> ingress(name + "-endpoints-from-" + service.name(), e, group, HTTPS,
                    "HTTPS from service " + service.name(), scope, child));
            egressToCidr(name + "-" + service.name() + "-https", group, "tcp", HTTPS, Output.of(Network.ANYWHERE),
                    "HTTPS to AWS APIs (ECR, CloudWatch Logs, Secrets Manager, SSM) and image registries", scope, child);
            egressToCidr(name + "-" + service.name() + "-dns-udp", group, "udp", DNS, vpcCidr,
                    "DNS to resolvers in the VPC", scope, child);
            egressToCidr(name + "-" + service.name() + "-dns-tcp", group, "tcp", DNS, vpcCidr,
                    "DNS over TCP to resolvers in the VPC", scope, child);
        }
        var outputs = new LinkedHashMap<String, Output<?>>();
        services.forEach((service, group) -> outputs.put(service, group.id()));
        loadBalancer.ifPresent(alb -> outputs.put("alb", alb.id()));
        database.ifPresent(db -> outputs.put("database", db.id()));
        this.endpoints.ifPresent(e -> outputs.put("endpoints", e.id()));
        registerOutputs(Map.copyOf(outputs));
    }

    public Optional<Output<String>> loadBalancerGroupId() {
        return loadBalancer.map(SecurityGroup::id);
    }

    public Optional<Output<String>> databaseGroupId() {
        return database.map(SecurityGroup::id);
    }

    public Optional<Output<String>> endpointsGroupId() {
        return endpoints.map(SecurityGroup::id);
    }

    public Output<String> groupIdOf(ServiceConfig service) {
        return services.get(service.name()).id();
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

    private static void ingressFromInternet(String logicalName, SecurityGroup group, int port, String description,
                                            StackScope scope, CustomResourceOptions options) {
        new SecurityGroupIngressRule(logicalName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .cidrIpv4(Network.ANYWHERE)
                .description(description)
                .tags(scope.tags())
                .build(), options);
    }

    private static void ingress(String logicalName, SecurityGroup group, SecurityGroup source, int port,
                                String description, StackScope scope, CustomResourceOptions options) {
        new SecurityGroupIngressRule(logicalName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(group.id())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .referencedSecurityGroupId(source.id())
                .description(description)
                .tags(scope.tags())
                .build(), options);
    }

    private static void egress(String logicalName, SecurityGroup group, SecurityGroup destination, int port,
                               String description, StackScope scope, CustomResourceOptions options) {
        new SecurityGroupEgressRule(logicalName, SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(group.id())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .referencedSecurityGroupId(destination.id())
                .description(description)
                .tags(scope.tags())
                .build(), options);
    }

    private static void egressToCidr(String logicalName, SecurityGroup group, String protocol, int port,
                                     Output<String> cidr, String description, StackScope scope,
                                     CustomResourceOptions options) {
        new SecurityGroupEgressRule(logicalName, SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(group.id())
                .ipProtocol(protocol).fromPort(port).toPort(port)
                .cidrIpv4(cidr)
                .description(description)
                .tags(scope.tags())
                .build(), options);
    }
}
