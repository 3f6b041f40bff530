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
import com.pulumi.resources.Resource;
import com.tapstack.logs.EncryptedLogGroups;
import com.tapstack.scope.StackScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The VPC: one public and one private subnet in each AZ, an internet gateway for the public subnets, NAT
 * gateways per the strategy, and route tables so that private subnets reach the internet only through NAT.
 * Public subnets do not hand out public IPs: only the ALB and NAT gateways live there. With an existing VPC
 * ({@link ExistingNetwork}, looked up and checked before anything is registered) it creates nothing and hands on
 * the user's ids.
 */
public final class Network extends ComponentResource {

    public static final String TYPE = "tap:network:Network";
    public static final String ANYWHERE = "0.0.0.0/0";

    private final Output<String> vpcId;
    private final Output<String> vpcCidr;
    private final List<Output<String>> publicSubnetIds = new ArrayList<>();
    private final List<Output<String>> privateSubnetIds = new ArrayList<>();
    private final List<Output<String>> privateRouteTableIds = new ArrayList<>();
    private final List<Output<String>> privateZoneIds = new ArrayList<>();
    private final Output<List<String>> availabilityZoneIds;
    /** What a task in a private subnet needs before it can reach anything: associations and NAT routes. */
    private final List<Resource> privateEgress = new ArrayList<>();
    private final List<Output<String>> endpointSubnetIds = new ArrayList<>();

    public Network(String name, NetworkConfig config, StackScope scope, EncryptedLogGroups logGroups,
                   ComponentResourceOptions options) {
        this(name, config, scope, logGroups, java.util.Optional.empty(), options);
    }

    /** @param existing the user's VPC, already looked up and checked: nothing is created then */
    public Network(String name, NetworkConfig config, StackScope scope, EncryptedLogGroups logGroups,
                   java.util.Optional<ExistingNetwork> existing, ComponentResourceOptions options) {
        super(TYPE, name, options);
        if (existing.isPresent()) {
            var found = existing.get();
            this.vpcId = Output.of(found.vpcId());
            this.vpcCidr = Output.of(found.vpcCidr());
            found.publicSubnetIds().forEach(id -> publicSubnetIds.add(Output.of(id)));
            found.privateSubnetIds().forEach(id -> privateSubnetIds.add(Output.of(id)));
            found.privateRouteTableIds().forEach(id -> privateRouteTableIds.add(Output.of(id)));
            found.endpointSubnetIds().forEach(id -> endpointSubnetIds.add(Output.of(id)));
            this.availabilityZoneIds = Output.of(found.zoneIds());
            // No flow log: the VPC is its owner's, who decides how its traffic is logged (a second flow log on it
            // would double the cost of what may already be logged).
            registerOutputs(Map.of(
                    "availabilityZoneIds", availabilityZoneIds,
                    "vpcId", vpcId,
                    "publicSubnetIds", publicSubnetIds(),
                    "privateSubnetIds", privateSubnetIds()));
            return;
        }
        var child = CustomResourceOptions.builder().parent(this).build();
        var zones = AvailabilityZones.choose(this, config, scope.region(), scope.configFile(), scope.project());

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
                    config.publicSubnetCidr(az).toString(), zones, az, "public", scope, child);
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
                    zones, az, "private", scope, child);
            var routes = routeTable(name + "-private-" + az, label, scope, child);
            privateRouteTableIds.add(routes.id());
            privateEgress.add(associate(name + "-private-" + az, routes, subnet, child));
            if (!natGateways.isEmpty()) {
                privateEgress.add(new Route(name + "-private-" + az + "-nat", RouteArgs.builder()
                        .routeTableId(routes.id())
                        .destinationCidrBlock(ANYWHERE)
                        .natGatewayId(natGateways.get(config.natStrategy().gatewayFor(az)).id())
                        .build(), child));
            }
            privateSubnetIds.add(subnet.id());
            endpointSubnetIds.add(subnet.id());
            privateZoneIds.add(subnet.availabilityZoneId());
        }

        this.availabilityZoneIds = AvailabilityZones.verify(Output.all(privateZoneIds), config, scope.configFile(),
                scope.project());

        new VpcFlowLogs(name + "-flow-logs", vpcId, scope, logGroups,
                ComponentResourceOptions.builder().parent(this).build());

        registerOutputs(Map.of(
                "availabilityZoneIds", availabilityZoneIds,
                "vpcId", vpcId,
                "publicSubnetIds", publicSubnetIds(),
                "privateSubnetIds", privateSubnetIds()));
    }

    private static String zoneLabel(int az) {
        return "az" + (az + 1);
    }

    /**
     * A subnet in the {@code az}-th zone, placed by zone id when the zones are recorded and by name when looked up.
     * A stack that records its zones later sees no change: both attributes are Optional, Computed and ForceNew in
     * terraform-provider-aws v5 (vpc_subnet.go), the recorded id equals the id in state and the name, no longer
     * set, keeps its state value. Verify with pulumi preview --diff before the first up after recording.
     */
    private Subnet subnet(String logicalName, String part, String cidr, AvailabilityZones zones, int az, String tier,
                          StackScope scope, CustomResourceOptions options) {
        var args = SubnetArgs.builder();
        if (zones.byId()) {
            args.availabilityZoneId(zones.zone(az));
        } else {
            args.availabilityZone(zones.zone(az));
        }
        return new Subnet(logicalName, args
                .vpcId(vpcId)
                .cidrBlock(cidr)
                .mapPublicIpOnLaunch(false)
                .tags(scope.tagsNamed(part, Map.of("Tier", tier)))
                .build(), CustomResourceOptions.merge(options, CustomResourceOptions.builder()
                        // A subnet's zone is chosen once: a later lookup answer must not move it, and a replacement
                        // with the same CIDR would fail on the taken range anyway (see AvailabilityZones.verify).
                        .ignoreChanges("availabilityZone", "availabilityZoneId").build()));
    }

    private RouteTable routeTable(String logicalName, String part, StackScope scope, CustomResourceOptions options) {
        return new RouteTable(logicalName, RouteTableArgs.builder()
                .vpcId(vpcId)
                .tags(scope.tagsNamed(part + "-routes"))
                .build(), options);
    }

    private static RouteTableAssociation associate(String logicalName, RouteTable routes, Subnet subnet,
                                                   CustomResourceOptions options) {
        return new RouteTableAssociation(logicalName, RouteTableAssociationArgs.builder()
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

    /** The zone id of each AZ, in order: what {@code tap:availabilityZones} records. */
    public Output<List<String>> availabilityZoneIds() {
        return availabilityZoneIds;
    }

    /** The route tables of the private subnets (a gateway endpoint attaches to them). */
    public Output<List<String>> privateRouteTableIds() {
        return Output.all(privateRouteTableIds);
    }

    public Output<List<String>> privateSubnetIds() {
        return Output.all(privateSubnetIds);
    }

    /** One private subnet per AZ: what an interface endpoint takes (at most one subnet per AZ). */
    public Output<List<String>> endpointSubnetIds() {
        return Output.all(endpointSubnetIds);
    }

    /**
     * The same, one entry per AZ, for a resource per AZ (an EFS mount target: EFS allows one per AZ and file
     * system): their number is known when the stack is built, for a created VPC and for an existing one alike.
     */
    public List<Output<String>> subnetPerAz() {
        return List.copyOf(endpointSubnetIds);
    }

    /**
     * The private subnets' route table associations and default routes to NAT: a task started before them has
     * no way out (image pull, logs, secrets), and the first deployment of a service has nothing to roll back to.
     */
    public List<Resource> privateEgress() {
        return List.copyOf(privateEgress);
    }
}
