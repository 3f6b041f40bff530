package com.tapstack.tooling.offline;

import com.tapstack.network.ExistingVpcConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's answers to the lookups of an existing VPC: a valid network for the ids the stack file names.
 * The VPC is 10.0.0.0/16 with DNS support and host names on; public subnet j is 10.0.(4j).0/22 and private subnet
 * i 10.0.(128+4i).0/22, each in the i-th (j-th) zone of the region's catalogue, round robin; public subnets share
 * one route table with a default route to an internet gateway, each private subnet has its own with a default
 * route to the NAT gateway of its zone; the main route table (and any table it did not answer for a subnet) has only
 * the local route; the VPC has no endpoints
 * (the lookup fails as terraform-provider-aws does when nothing matches). Ids nobody configured are answered as
 * private subnets of the configured VPC. Tests edit the answers with AwsAnswers to make a misfit.
 */
final class ExistingVpcAnswers {

    static final String VPC_CIDR = "10.0.0.0/16";
    static final String ENDPOINT_LOOKUP = "aws:ec2/getVpcEndpoint:getVpcEndpoint";

    private final SimulatedAccount account;
    private final FakeIds ids;
    private final ExistingVpcConfig config;
    /** Route tables answered for subnets nobody configured, to their subnet. */
    private final Map<String, String> unconfiguredTables = new java.util.concurrent.ConcurrentHashMap<>();

    ExistingVpcAnswers(SimulatedAccount account, FakeIds ids) {
        this.account = account;
        this.ids = ids;
        this.config = account.existingVpc().orElseGet(() -> new ExistingVpcConfig(ids.ec2("vpc", "existing"),
                List.of(), List.of()));
    }

    Optional<Map<String, Object>> answer(String token, Map<String, Object> args) {
        return Optional.ofNullable(switch (token) {
            case "aws:ec2/getVpc:getVpc" -> vpc(String.valueOf(args.get("id")));
            case "aws:ec2/getSubnet:getSubnet" -> subnet(String.valueOf(args.get("id")));
            case "aws:ec2/getRouteTables:getRouteTables" -> routeTables(args);
            case "aws:ec2/getRouteTable:getRouteTable" -> routeTable(String.valueOf(args.get("routeTableId")));
            default -> null;
        });
    }

    private Map<String, Object> vpc(String id) {
        var answer = new HashMap<String, Object>();
        answer.put("id", id);
        answer.put("arn", account.arn("ec2", "vpc/" + id));
        answer.put("cidrBlock", VPC_CIDR);
        answer.put("cidrBlockAssociations", List.of(Map.of("associationId", ids.ec2("vpc-cidr-assoc", id),
                "cidrBlock", VPC_CIDR, "state", "associated")));
        answer.put("default", false);
        answer.put("dhcpOptionsId", ids.ec2("dopt", id));
        answer.put("enableDnsHostnames", true);
        answer.put("enableDnsSupport", true);
        answer.put("enableNetworkAddressUsageMetrics", false);
        answer.put("instanceTenancy", "default");
        answer.put("ipv6AssociationId", "");
        answer.put("ipv6CidrBlock", "");
        answer.put("mainRouteTableId", mainRouteTable());
        answer.put("ownerId", account.accountId());
        answer.put("state", "available");
        answer.put("tags", Map.of("Name", "shared"));
        return answer;
    }

    private Map<String, Object> subnet(String id) {
        boolean isPublic = config.publicSubnetIds().contains(id);
        int index = isPublic ? config.publicSubnetIds().indexOf(id) : privateIndex(id);
        var zones = RegionCatalog.region(account.region()).zones();
        var zone = zones.get(index % zones.size());
        var answer = new HashMap<String, Object>();
        answer.put("id", id);
        answer.put("arn", account.arn("ec2", "subnet/" + id));
        answer.put("vpcId", config.vpcId());
        answer.put("availabilityZone", zone.name());
        answer.put("availabilityZoneId", zone.id());
        answer.put("cidrBlock", "10.0." + ((isPublic ? 0 : 128) + 4 * (index % 32)) + ".0/22");
        answer.put("availableIpAddressCount", 1019);
        answer.put("assignIpv6AddressOnCreation", false);
        answer.put("customerOwnedIpv4Pool", "");
        answer.put("defaultForAz", false);
        answer.put("enableDns64", false);
        answer.put("enableLniAtDeviceIndex", 0);
        answer.put("enableResourceNameDnsARecordOnLaunch", false);
        answer.put("enableResourceNameDnsAaaaRecordOnLaunch", false);
        answer.put("ipv6CidrBlock", "");
        answer.put("ipv6CidrBlockAssociationId", "");
        answer.put("ipv6Native", false);
        answer.put("mapCustomerOwnedIpOnLaunch", false);
        answer.put("mapPublicIpOnLaunch", false);
        answer.put("outpostArn", "");
        answer.put("ownerId", account.accountId());
        answer.put("privateDnsHostnameTypeOnLaunch", "ip-name");
        answer.put("state", "available");
        answer.put("tags", Map.of("Name", (isPublic ? "public-" : "private-") + zone.name()));
        return answer;
    }

    /** The tables explicitly associated with the subnet of the {@code association.subnet-id} filter. */
    private Map<String, Object> routeTables(Map<String, Object> args) {
        var subnet = "";
        if (args.get("filters") instanceof List<?> filters) {
            for (var filter : filters) {
                if (filter instanceof Map<?, ?> map && "association.subnet-id".equals(map.get("name"))
                        && map.get("values") instanceof List<?> values && !values.isEmpty()) {
                    subnet = String.valueOf(values.get(0));
                }
            }
        }
        return Map.of("id", account.region(), "ids", subnet.isEmpty() ? List.of() : List.of(tableOf(subnet)),
                "tags", Map.of());
    }

    private Map<String, Object> routeTable(String id) {
        var routes = new java.util.ArrayList<Map<String, Object>>();
        var associations = new java.util.ArrayList<Map<String, Object>>();
        if (id.equals(publicTable())) {
            routes.add(route("gatewayId", ids.ec2("igw", config.vpcId())));
            config.publicSubnetIds().forEach(subnet -> associations.add(association(id, subnet)));
        } else {
            // Any other table is a private subnet's, or else the main one, which has only the local route.
            privateSubnetOf(id).ifPresent(subnet -> {
                var zones = RegionCatalog.region(account.region()).zones();
                routes.add(route("natGatewayId", ids.ec2("nat", zones.get(privateIndex(subnet) % zones.size())
                        .id())));
                associations.add(association(id, subnet));
            });
        }
        var answer = new HashMap<String, Object>();
        answer.put("id", id);
        answer.put("routeTableId", id);
        answer.put("arn", account.arn("ec2", "route-table/" + id));
        answer.put("vpcId", config.vpcId());
        answer.put("ownerId", account.accountId());
        answer.put("gatewayId", "");
        answer.put("subnetId", "");
        answer.put("routes", routes);
        answer.put("associations", associations);
        answer.put("tags", Map.of());
        return answer;
    }

    /**
     * The singular endpoint lookup fails when nothing matches, as terraform-provider-aws's singular data sources
     * do ("no matching ... found", tfresource.SingularDataSourceFindError; the exact words were not checked).
     */
    static RuntimeException noEndpoint() {
        return new IllegalStateException("no matching EC2 VPC Endpoint found");
    }

    /** A default route to {@code target}; AWS's data source answers every other field empty. */
    private static Map<String, Object> route(String targetField, String target) {
        var route = new HashMap<String, Object>();
        for (var field : List.of("carrierGatewayId", "coreNetworkArn", "destinationPrefixListId",
                "egressOnlyGatewayId", "gatewayId", "instanceId", "ipv6CidrBlock", "localGatewayId", "natGatewayId",
                "networkInterfaceId", "transitGatewayId", "vpcEndpointId", "vpcPeeringConnectionId")) {
            route.put(field, "");
        }
        route.put("cidrBlock", "0.0.0.0/0");
        route.put(targetField, target);
        return route;
    }

    private Map<String, Object> association(String table, String subnet) {
        return Map.of("routeTableAssociationId", ids.ec2("rtbassoc", table + subnet), "routeTableId", table,
                "subnetId", subnet, "gatewayId", "", "main", false);
    }

    private String tableOf(String subnet) {
        if (config.publicSubnetIds().contains(subnet)) {
            return publicTable();
        }
        var table = ids.ec2("rtb", "private/" + subnet);
        if (!config.privateSubnetIds().contains(subnet)) {
            unconfiguredTables.put(table, subnet);
        }
        return table;
    }

    private String publicTable() {
        return ids.ec2("rtb", "public/" + config.vpcId());
    }

    private String mainRouteTable() {
        return ids.ec2("rtb", "main/" + config.vpcId());
    }

    /** The private subnet whose own table this is; ids nobody configured are answered by their own table too. */
    private Optional<String> privateSubnetOf(String table) {
        return config.privateSubnetIds().stream().filter(subnet -> tableOf(subnet).equals(table)).findFirst()
                .or(() -> Optional.ofNullable(unconfiguredTables.get(table)));
    }

    /** A configured private subnet's position; an id nobody configured gets a stable one past them. */
    private int privateIndex(String id) {
        int index = config.privateSubnetIds().indexOf(id);
        return index >= 0 ? index : config.privateSubnetIds().size() + ids.number("subnet/" + id, 8);
    }
}
