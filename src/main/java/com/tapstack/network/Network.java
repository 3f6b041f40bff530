package com.tapstack.network;

import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.config.NetworkConfig;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.stack.StackScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The VPC: one public and one private subnet in each AZ, an internet gateway for the public subnets, NAT
 * gateways per the strategy, and route tables so that private subnets reach the internet only through NAT.
 * Public subnets do not hand out public IPs: only the ALB and NAT gateways live there.
 */
public final class Network extends ComponentResource {

    public static final String TYPE = "tap:network:Network";
    public static final String ANYWHERE = "0.0.0.0/0";

    private final Output<String> vpcId;
    private final Output<String> vpcCidr;
    private final List<Output<String>> publicSubnetIds = new ArrayList<>();
    private final List<Output<String>> privateSubnetIds = new ArrayList<>();
    private final List<Output<String>> privateRouteTableIds = new ArrayList<>();

    public Network(String name, NetworkConfig config, StackScope scope, EncryptedLogGroups logGroups,
                   ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var stack = scope.config();
        var zones = AvailabilityZones.lookup(this, config.azCount(), stack.region(), stack.configFile());

        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(config.vpcCidr().toString())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(scope.tagsNamed("vpc"))
                .build(), child);
        this.vpcId = vpc.id();
        this.vpcCidr = vpc.cidrBlock();

        var internetGateway = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpcId)
                .tags(scope.tagsNamed("igw"))
                .build(), child);
        var publicRoutes = routeTable(name + "-public", "public", scope, child);
        new Route(name + "-public-internet", RouteArgs.builder()
                .routeTableId(publicRoutes.id())
                .destinationCidrBlock(ANYWHERE)
                .gatewayId(internetGateway.id())
                .build(), child);

        var publicSubnets = new ArrayList<Subnet>();
        for (int az = 0; az < config.azCount(); az++) {
            var subnet = subnet(name + "-public-" + az, "public-" + zoneLabel(az),
                    config.publicSubnetCidr(az).toString(), zone(zones, az), "public", scope, child);
            associate(name + "-public-" + az, publicRoutes, subnet, child);
            publicSubnets.add(subnet);
            publicSubnetIds.add(subnet.id());
        }

        var natGateways = new ArrayList<NatGateway>();
        for (int i = 0; i < config.natGatewayCount(); i++) {
            var label = "nat-" + zoneLabel(i);
            var address = new Eip(name + "-nat-" + i, EipArgs.builder()
                    .domain("vpc")
                    .tags(scope.tagsNamed(label))
                    .build(), child);
            natGateways.add(new NatGateway(name + "-nat-" + i, NatGatewayArgs.builder()
                    .allocationId(address.id())
                    .subnetId(publicSubnets.get(i).id())
                    .connectivityType("public")
                    .tags(scope.tagsNamed(label))
                    .build(),
                    // AWS needs the internet gateway attached before a public NAT gateway can work.
                    CustomResourceOptions.builder().parent(this).dependsOn(internetGateway).build()));
        }

        for (int az = 0; az < config.azCount(); az++) {
            var label = "private-" + zoneLabel(az);
            var subnet = subnet(name + "-private-" + az, label, config.privateSubnetCidr(az).toString(),
                    zone(zones, az), "private", scope, child);
            var routes = routeTable(name + "-private-" + az, label, scope, child);
            privateRouteTableIds.add(routes.id());
            associate(name + "-private-" + az, routes, subnet, child);
            if (!natGateways.isEmpty()) {
                new Route(name + "-private-" + az + "-nat", RouteArgs.builder()
                        .routeTableId(routes.id())
                        .destinationCidrBlock(ANYWHERE)
                        .natGatewayId(natGateways.get(config.natStrategy().gatewayFor(az)).id())
                        .build(), child);
            }
            privateSubnetIds.add(subnet.id());
        }

        new VpcFlowLogs(name + "-flow-logs", vpcId, scope, logGroups,
                ComponentResourceOptions.builder().parent(this).build());

        registerOutputs(Map.of(
                "vpcId", vpcId,
                "publicSubnetIds", publicSubnetIds(),
                "privateSubnetIds", privateSubnetIds()));
    }

    private static String zoneLabel(int az) {
        return "az" + (az + 1);
    }

    private static Output<String> zone(Output<List<String>> zones, int az) {
        return zones.applyValue(names -> names.get(az));
    }

    private Subnet subnet(String logicalName, String part, String cidr, Output<String> zone, String tier,
                          StackScope scope, CustomResourceOptions options) {
        return new Subnet(logicalName, SubnetArgs.builder()
                .vpcId(vpcId)
                .cidrBlock(cidr)
                .availabilityZone(zone)
                .mapPublicIpOnLaunch(false)
                .tags(scope.tagsNamed(part, Map.of("Tier", tier)))
                .build(), options);
    }

    private RouteTable routeTable(String logicalName, String part, StackScope scope, CustomResourceOptions options) {
        return new RouteTable(logicalName, RouteTableArgs.builder()
                .vpcId(vpcId)
                .tags(scope.tagsNamed(part + "-routes"))
                .build(), options);
    }

    private static void associate(String logicalName, RouteTable routes, Subnet subnet, CustomResourceOptions options) {
        new RouteTableAssociation(logicalName, RouteTableAssociationArgs.builder()
                .routeTableId(routes.id())
                .subnetId(subnet.id())
                .build(), options);
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<String> vpcCidr() {
        return vpcCidr;
    }

    public Output<List<String>> publicSubnetIds() {
        return Output.all(publicSubnetIds);
    }

    /** The route tables of the private subnets (a gateway endpoint attaches to them). */
    public Output<List<String>> privateRouteTableIds() {
        return Output.all(privateRouteTableIds);
    }

    public Output<List<String>> privateSubnetIds() {
        return Output.all(privateSubnetIds);
    }
}
