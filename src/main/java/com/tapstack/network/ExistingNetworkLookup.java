package com.tapstack.network;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.inputs.GetRouteTablePlainArgs;
import com.pulumi.aws.ec2.inputs.GetRouteTablesFilter;
import com.pulumi.aws.ec2.inputs.GetRouteTablesPlainArgs;
import com.pulumi.aws.ec2.inputs.GetSubnetPlainArgs;
import com.pulumi.aws.ec2.inputs.GetVpcEndpointPlainArgs;
import com.pulumi.aws.ec2.inputs.GetVpcPlainArgs;
import com.pulumi.aws.ec2.outputs.GetRouteTableResult;
import com.pulumi.aws.ec2.outputs.GetRouteTableRoute;
import com.pulumi.aws.ec2.outputs.GetVpcEndpointResult;
import com.pulumi.deployment.InvokeOptions;
import com.tapstack.config.ConfigException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The lookups of {@link ExistingNetwork} and the checks on their answers, one at a time, each answer awaited before
 * the next (see ExistingNetwork on why blocking is safe here).
 */
final class ExistingNetworkLookup {

    /** Default-route targets that carry a task's traffic out without a public IP. */
    private static final List<String> WAYS_OUT = List.of("NAT gateway", "transit gateway", "network interface",
            "instance");

    private final ExistingVpcConfig config;
    private final ExistingNetwork.Checks checks;
    private final InvokeOptions options;
    private final Map<String, GetRouteTableResult> tables = new HashMap<>();
    private final Map<String, Optional<GetVpcEndpointResult>> endpoints = new HashMap<>();
    private String mainRouteTableId = "";

    ExistingNetworkLookup(ExistingVpcConfig config, ExistingNetwork.Checks checks, InvokeOptions options) {
        this.config = config;
        this.checks = checks;
        this.options = options;
    }

    ExistingNetwork run() {
        var vpcKey = ExistingVpcConfig.VPC.name();
        var vpcAllowed = "the id of an available VPC in " + checks.region() + " with DNS support and DNS host"
                + " names on";
        var vpc = await(Ec2Functions.getVpcPlain(GetVpcPlainArgs.builder().id(config.vpcId()).build(), options))
                .orElseThrow(failure -> error(vpcKey, quote(config.vpcId()) + " was not found in "
                        + checks.region() + " (" + failure + ")", vpcAllowed));
        if (!"available".equals(vpc.state())) {
            throw error(vpcKey, quote(config.vpcId()) + " is " + vpc.state(), vpcAllowed);
        }
        // A Route 53 private hosted zone (Cloud Map's namespace) and private DNS endpoints need both attributes
        // (Route 53 developer guide, "Considerations when working with a private hosted zone").
        if (!Boolean.TRUE.equals(vpc.enableDnsSupport()) || !Boolean.TRUE.equals(vpc.enableDnsHostnames())) {
            throw error(vpcKey, quote(config.vpcId()) + " has DNS " + (Boolean.TRUE.equals(vpc.enableDnsSupport())
                    ? "host names" : "support") + " off, which Cloud Map's private DNS namespace needs",
                    vpcAllowed + " (aws ec2 modify-vpc-attribute --enable-dns-support / --enable-dns-hostnames)");
        }
        // Cloud Map's namespace is a Route 53 private hosted zone, and a zone can be created only with a VPC of
        // the same account (Route 53 developer guide, "Creating a private hosted zone"): a VPC shared through
        // AWS RAM from another account cannot take it.
        var account = await(com.pulumi.aws.AwsFunctions.getCallerIdentityPlain(
                com.pulumi.aws.inputs.GetCallerIdentityPlainArgs.builder().build(), options))
                .orElseThrow(failure -> error(vpcKey, "the deploying account could not be read (" + failure
                        + ")", vpcAllowed)).accountId();
        if (!account.equals(vpc.ownerId())) {
            throw error(vpcKey, quote(config.vpcId()) + " belongs to account " + vpc.ownerId() + ", not to "
                    + account + " that deploys, and Cloud Map's private DNS namespace needs a VPC of its own"
                    + " account", vpcAllowed + ", owned by the deploying account");
        }
        mainRouteTableId = vpc.mainRouteTableId();
        var privateSubnets = subnets(ExistingVpcConfig.PRIVATE_SUBNETS.name(), config.privateSubnetIds());
        var publicSubnets = subnets(ExistingVpcConfig.PUBLIC_SUBNETS.name(), config.publicSubnetIds());
        checkPrivateZones(privateSubnets);
        checkPublicZones(publicSubnets, privateSubnets);
        publicSubnets.forEach(this::checkRoutedToInternet);
        privateSubnets.forEach(this::checkWayOut);
        checkNoConflictingEndpoints();
        return new ExistingNetwork(config.vpcId(), vpc.cidrBlock(), privateSubnets, publicSubnets);
    }

    private List<ExistingNetwork.Subnet> subnets(String key, List<String> ids) {
        var allowed = "subnet ids of " + config.vpcId() + " in " + checks.region();
        var found = new ArrayList<ExistingNetwork.Subnet>();
        for (var id : ids) {
            var subnet = await(Ec2Functions.getSubnetPlain(GetSubnetPlainArgs.builder().id(id).build(), options))
                    .orElseThrow(failure -> error(key, quote(id) + " was not found in " + checks.region() + " ("
                            + failure + ")", allowed));
            if (!config.vpcId().equals(subnet.vpcId())) {
                throw error(key, quote(id) + " is in " + subnet.vpcId() + ", not in " + config.vpcId(), allowed);
            }
            if (key.equals(ExistingVpcConfig.PRIVATE_SUBNETS.name())
                    && NetworkConfig.FARGATE_UNSUPPORTED_ZONE_IDS.contains(subnet.availabilityZoneId())) {
                throw error(key, quote(id) + " is in " + subnet.availabilityZoneId() + ", a zone where Fargate"
                        + " does not run tasks", allowed + " outside " + String.join(", ",
                        new java.util.TreeSet<>(NetworkConfig.FARGATE_UNSUPPORTED_ZONE_IDS)));
            }
            found.add(new ExistingNetwork.Subnet(id, subnet.availabilityZoneId(), subnet.availabilityZone(), routeTableOf(id)));
        }
        return found;
    }

    /**
     * The subnet's route table: the one explicitly associated with it, else the VPC's main route table, which
     * routes every subnet without an association (VPC user guide, "Configure route tables": "Subnets that
     * aren't explicitly associated with any route table are implicitly associated with the main route
     * table"). The plural lookup answers an empty list when nothing matches (terraform-provider-aws
     * internal/service/ec2/vpc_route_tables_data_source.go), where the singular one would fail.
     */
    private String routeTableOf(String subnetId) {
        var explicit = await(Ec2Functions.getRouteTablesPlain(GetRouteTablesPlainArgs.builder()
                .vpcId(config.vpcId())
                .filters(GetRouteTablesFilter.builder().name("association.subnet-id").values(subnetId).build())
                .build(), options)).orElseThrow(failure -> error(ExistingVpcConfig.VPC.name(), "the route"
                + " tables of " + config.vpcId() + " could not be read (" + failure + ")", "a VPC whose route"
                + " tables the deploying identity may describe"));
        return explicit.ids().isEmpty() ? mainRouteTableId : explicit.ids().get(0);
    }

    private GetRouteTableResult table(String id) {
        return tables.computeIfAbsent(id, key -> await(Ec2Functions.getRouteTablePlain(
                GetRouteTablePlainArgs.builder().routeTableId(key).build(), options))
                .orElseThrow(failure -> error(ExistingVpcConfig.VPC.name(), "route table " + key + " of "
                        + config.vpcId() + " could not be read (" + failure + ")", "a VPC whose route tables"
                        + " the deploying identity may describe")));
    }

    private Optional<GetRouteTableRoute> defaultRoute(ExistingNetwork.Subnet subnet) {
        return table(subnet.routeTableId()).routes().stream()
                .filter(route -> Network.ANYWHERE.equals(route.cidrBlock())).findFirst();
    }

    private void checkPrivateZones(List<ExistingNetwork.Subnet> subnets) {
        var zones = new LinkedHashSet<>(subnets.stream().map(ExistingNetwork.Subnet::zoneId).toList());
        if (checks.twoZonesRequired() && zones.size() < 2) {
            throw error(ExistingVpcConfig.PRIVATE_SUBNETS.name(), String.join(", ", ids(subnets)) + " "
                    + (subnets.size() == 1 ? "is" : "are all") + " in one availability zone (" + zones.iterator()
                    .next() + "), and a protected environment or a database needs two", "private subnets of "
                    + config.vpcId() + " in at least two availability zones");
        }
    }

    /**
     * One public subnet per AZ (an ALB takes one subnet per zone, ELBv2 API CreateLoadBalancer "Subnets"), and
     * one in every zone a task runs in: "If you register targets in an Availability Zone but do not enable the
     * Availability Zone, these registered targets do not receive traffic" (ELB user guide, How Elastic Load
     * Balancing works, Availability Zones and load balancer nodes).
     */
    private void checkPublicZones(List<ExistingNetwork.Subnet> publicSubnets, List<ExistingNetwork.Subnet> privateSubnets) {
        if (publicSubnets.isEmpty()) {
            return;
        }
        var key = ExistingVpcConfig.PUBLIC_SUBNETS.name();
        var allowed = "public subnets of " + config.vpcId() + ", one per availability zone, in every zone of "
                + ExistingVpcConfig.PRIVATE_SUBNETS.name();
        var byZone = new LinkedHashMap<String, String>();
        for (var subnet : publicSubnets) {
            var other = byZone.putIfAbsent(subnet.zoneId(), subnet.id());
            if (other != null) {
                throw error(key, quote(other) + " and " + quote(subnet.id()) + " are both in " + subnet.zoneId()
                        + ", and a load balancer takes one subnet per availability zone", allowed);
            }
        }
        if (byZone.size() < ExistingVpcConfig.MIN_LOAD_BALANCER_SUBNETS) {
            throw error(key, "spans one availability zone, and a load balancer needs two", allowed);
        }
        for (var subnet : privateSubnets) {
            if (!byZone.containsKey(subnet.zoneId())) {
                throw error(key, "has no subnet in " + subnet.zoneId() + ", where private subnet "
                        + quote(subnet.id()) + " runs tasks the load balancer would not reach", allowed);
            }
        }
    }

    private void checkRoutedToInternet(ExistingNetwork.Subnet subnet) {
        var route = defaultRoute(subnet);
        if (route.isEmpty() || !String.valueOf(route.get().gatewayId()).startsWith("igw-")) {
            throw error(ExistingVpcConfig.PUBLIC_SUBNETS.name(), quote(subnet.id()) + " has no default route to"
                    + " an internet gateway (route table " + subnet.routeTableId() + " sends 0.0.0.0/0 "
                    + route.map(ExistingNetworkLookup::target).orElse("nowhere") + "), so the load balancer is unreachable",
                    "subnets whose route table sends 0.0.0.0/0 to an internet gateway");
        }
    }

    /** A default route through NAT (or a transit gateway, a firewall's interface), or every endpoint needed. */
    private void checkWayOut(ExistingNetwork.Subnet subnet) {
        var route = defaultRoute(subnet);
        if (route.isPresent() && WAYS_OUT.stream().anyMatch(way -> target(route.get()).startsWith("to " + way + " "))) {
            return;
        }
        var key = ExistingVpcConfig.PRIVATE_SUBNETS.name();
        var noWayOut = quote(subnet.id()) + " has no route out (route table " + subnet.routeTableId()
                + " sends 0.0.0.0/0 " + route.map(ExistingNetworkLookup::target).orElse("nowhere") + ", not to a NAT gateway,"
                + " transit gateway or network interface)";
        var allowed = "private subnets routed through a NAT gateway, or with VPC endpoints for what the tasks"
                + " use (" + checks.namespace() + ":endpoints)";
        var needs = checks.needs();
        if (!needs.outsideEcr().isEmpty()) {
            throw error(key, noWayOut + ", and image " + needs.outsideEcr().iterator().next() + " is in a"
                    + " registry no VPC endpoint reaches", allowed + "; or push the image to ECR");
        }
        var present = new ArrayList<>(checks.createdInterfaces().orElse(List.of()));
        for (var name : needs.missing(present)) {
            if (endpoint(name).isPresent()) {
                present.add(name);
            }
        }
        var missing = needs.missing(present);
        if (!missing.isEmpty()) {
            throw error(key, noWayOut + ", and " + config.vpcId() + " has no interface endpoint for "
                    + String.join(", ", missing.stream().map(name -> name + " (" + needs.interfaces().get(name)
                    + ")").toList()), allowed);
        }
        if (needs.s3Gateway() && checks.createdInterfaces().isEmpty() && endpoint("s3")
                .map(gateway -> !gateway.routeTableIds().contains(subnet.routeTableId())).orElse(true)) {
            throw error(key, noWayOut + ", and no S3 gateway endpoint is on route table " + subnet.routeTableId()
                    + " (ECR keeps image layers in S3)", allowed);
        }
    }

    /**
     * An interface endpoint the stack creates (private DNS on) next to one the VPC has for the same service with
     * private DNS: AWS refuses the second ("private-dns-enabled cannot be set because there is already a
     * conflicting DNS domain", hashicorp/terraform-provider-aws#17535). The tasks use the VPC's one instead.
     */
    private void checkNoConflictingEndpoints() {
        for (var name : checks.createdInterfaces().orElse(List.of())) {
            var existing = endpoint(name).filter(e -> Boolean.TRUE.equals(e.privateDnsEnabled()));
            if (existing.isPresent()) {
                throw new ConfigException(checks.configFile(), checks.namespace() + ":endpoints.interfaces",
                        quote(name) + ": " + config.vpcId() + " already has an interface endpoint for it with"
                                + " private DNS (" + existing.get().id() + "), and AWS refuses a second one",
                        "the interfaces " + config.vpcId() + " does not have yet; its own serve the tasks");
            }
        }
    }

    /** The VPC's available endpoint for {@code service}; the singular lookup fails when there is none. */
    private Optional<GetVpcEndpointResult> endpoint(String service) {
        return endpoints.computeIfAbsent(service, name -> await(Ec2Functions.getVpcEndpointPlain(
                GetVpcEndpointPlainArgs.builder()
                        .vpcId(config.vpcId())
                        .serviceName("com.amazonaws." + checks.region() + "." + name)
                        .state("available")
                        .build(), options)).value());
    }

    private static String target(GetRouteTableRoute route) {
        var targets = new LinkedHashMap<String, String>();
        targets.put("NAT gateway", route.natGatewayId());
        targets.put("transit gateway", route.transitGatewayId());
        targets.put("network interface", route.networkInterfaceId());
        targets.put("instance", route.instanceId());
        targets.put("internet gateway", route.gatewayId() != null && route.gatewayId().startsWith("igw-")
                ? route.gatewayId() : "");
        targets.put("gateway", route.gatewayId());
        targets.put("peering connection", route.vpcPeeringConnectionId());
        return targets.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + " " + e.getValue()).findFirst().map(text -> "to " + text)
                .orElse("nowhere");
    }

    private ConfigException error(String field, String problem, String allowed) {
        return new ConfigException(checks.configFile(), checks.namespace() + ":" + ExistingVpcConfig.BLOCK.name()
                + "." + field, problem, allowed);
    }

    private static List<String> ids(List<ExistingNetwork.Subnet> subnets) {
        return subnets.stream().map(ExistingNetwork.Subnet::id).map(ExistingNetworkLookup::quote).toList();
    }

    private static String quote(String id) {
        return "\"" + id + "\"";
    }

    /** A lookup's answer, or why it failed (the provider's first line). */
    private record Answer<T>(T result, String failure) {
        Optional<T> value() {
            return Optional.ofNullable(result);
        }

        T orElseThrow(java.util.function.Function<String, ConfigException> error) {
            if (result == null) {
                throw error.apply(failure);
            }
            return result;
        }
    }

    private static <T> Answer<T> await(CompletableFuture<T> lookup) {
        try {
            return new Answer<>(lookup.join(), "");
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            var message = String.valueOf(cause.getMessage());
            return new Answer<>(null, "the lookup said: " + message.lines().findFirst().orElse(message).strip());
        }
    }
}
