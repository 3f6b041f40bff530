package com.tapstack.network;

import com.tapstack.config.ConfigKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A VPC the user already has ({@code <project>:existingVpc}): the stack deploys into its subnets instead of
 * creating a network. The ids are checked for shape here; that they exist, lie in the VPC, span enough zones and
 * have a way out is checked against the account when the stack runs ({@link ExistingNetwork}).
 *
 * @param publicSubnetIds empty when no service is public (nothing is placed in a public subnet then)
 */
public record ExistingVpcConfig(String vpcId, List<String> privateSubnetIds, List<String> publicSubnetIds) {

    /**
     * EC2 ids: the prefix, then 8 hex characters (ids made before 2018) or 17 (the longer ids AWS has handed out
     * since; EC2 user guide, "Resource IDs").
     */
    static final Pattern VPC_ID = Pattern.compile("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$");
    static final Pattern SUBNET_ID = Pattern.compile("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$");
    /** An awsvpc service takes at most 16 subnets (ECS API, AwsVpcConfiguration). */
    public static final int MAX_SERVICE_SUBNETS = 16;
    /** An Application Load Balancer needs subnets in at least two AZs (ELBv2 API, CreateLoadBalancer Subnets). */
    public static final int MIN_LOAD_BALANCER_SUBNETS = 2;

    public static final TextKey VPC = TextKey.required("vpcId", "a VPC id such as vpc-0a1b2c3d4e5f67890", "The VPC"
            + " to deploy into; it must have DNS support and DNS host names on (Cloud Map's private zone and private"
            + " DNS endpoints need both)");
    public static final ListKey PRIVATE_SUBNETS = ListKey.derived("privateSubnetIds", "required", "1 to "
            + MAX_SERVICE_SUBNETS + " distinct subnet ids of the VPC, such as subnet-0a1b2c3d4e5f67890", "Where the"
            + " tasks (and the database) run: each needs a default route to a NAT gateway, transit gateway or network"
            + " interface, or the VPC endpoints the tasks use; two AZs at least when protect is true or the database"
            + " is on");
    public static final ListKey PUBLIC_SUBNETS = ListKey.derived("publicSubnetIds", "none; required when a"
            + " service is public", "at least " + MIN_LOAD_BALANCER_SUBNETS + " distinct subnet ids of the VPC in"
            + " distinct AZs", "Where the load balancer lives: each needs a default route to an internet gateway,"
            + " one subnet per AZ");
    public static final KeyTable KEYS = KeyTable.of("<project>:existingVpc", "An existing VPC", "Deploys into a VPC"
            + " and subnets you already have instead of creating a network: no VPC, subnet, gateway, route or flow"
            + " log is created (the VPC's owner keeps those). The ids are looked up at every run and the stack"
            + " stops, before it registers anything, on a subnet outside the VPC, too few AZs or a private subnet"
            + " with no way out. The keys that size a new VPC (vpcCidr, azCount, natStrategy, availabilityZones) are"
            + " refused next to it, unless set to their defaults (which cannot be told from unset).", VPC,
            PRIVATE_SUBNETS, PUBLIC_SUBNETS);
    public static final Structured BLOCK = Structured.table("existingVpc", "off (the stack creates its VPC)",
            "Deploy into an existing VPC and its subnets", KEYS);
    /** The keys that size a VPC this stack creates: meaningless, and so refused, next to an existing one. */
    static final List<ConfigKey> SIZING_KEYS = List.of(NetworkConfig.VPC_CIDR, NetworkConfig.AZ_COUNT,
            NetworkConfig.NAT_STRATEGY, NetworkConfig.AVAILABILITY_ZONES);

    public ExistingVpcConfig {
        privateSubnetIds = List.copyOf(privateSubnetIds);
        publicSubnetIds = List.copyOf(publicSubnetIds);
    }

    /** The block, or empty when the stack creates its VPC; refuses the keys that size a new VPC next to it. */
    public static Optional<ExistingVpcConfig> read(ConfigNode tap) {
        return BLOCK.optional(tap).map(node -> {
            for (var sizing : SIZING_KEYS) {
                if (setOtherThanDefault(tap, sizing)) {
                    throw tap.error(sizing.name(), "sizes a VPC this stack creates, but " + tap.key(BLOCK.name())
                            + " deploys into an existing one", "remove " + tap.key(sizing.name()) + " or "
                            + tap.key(BLOCK.name()));
                }
            }
            var vpc = VPC.optional(node).orElseThrow(() -> node.missing(VPC.name(), VPC.allowed()));
            if (!VPC_ID.matcher(vpc).matches()) {
                throw node.invalid(VPC.name(), "is not a VPC id", VPC.allowed());
            }
            var privateIds = subnets(node, PRIVATE_SUBNETS);
            if (privateIds.isEmpty()) {
                throw node.has(PRIVATE_SUBNETS.name())
                        ? node.error(PRIVATE_SUBNETS.name(), "is empty", PRIVATE_SUBNETS.allowed())
                        : node.missing(PRIVATE_SUBNETS.name(), PRIVATE_SUBNETS.allowed());
            }
            if (privateIds.size() > MAX_SERVICE_SUBNETS) {
                throw node.error(PRIVATE_SUBNETS.name(), "lists " + privateIds.size() + " subnets, more than the "
                        + MAX_SERVICE_SUBNETS + " an ECS service takes", PRIVATE_SUBNETS.allowed());
            }
            var publicIds = subnets(node, PUBLIC_SUBNETS);
            for (var id : publicIds) {
                if (privateIds.contains(id)) {
                    throw node.error(PUBLIC_SUBNETS.name(), ConfigNode.show(id) + " is listed in "
                            + node.key(PRIVATE_SUBNETS.name()) + " too, and a subnet is either private or public",
                            PUBLIC_SUBNETS.allowed());
                }
            }
            return new ExistingVpcConfig(vpc, privateIds, publicIds);
        });
    }

    /**
     * Public subnets where the load balancer needs them: required (two at least) when a service is public, and
     * refused when none is, since nothing would be placed there and the lookup would check them for nothing.
     */
    public static void checkPublicSubnets(ConfigNode tap, Optional<ExistingVpcConfig> existing,
                                          boolean publicServices) {
        existing.ifPresent(vpc -> {
            var node = tap.object(BLOCK.name(), BLOCK.allowed());
            int count = vpc.publicSubnetIds().size();
            if (publicServices && count < MIN_LOAD_BALANCER_SUBNETS) {
                throw count == 0 ? node.missing(PUBLIC_SUBNETS.name(), PUBLIC_SUBNETS.allowed() + " (a service is"
                        + " public, and its load balancer lives there)")
                        : node.error(PUBLIC_SUBNETS.name(), "lists 1 subnet, and the load balancer a public service"
                        + " needs takes subnets in two AZs", PUBLIC_SUBNETS.allowed());
            }
            if (!publicServices && count > 0) {
                throw node.error(PUBLIC_SUBNETS.name(), "is set, but no service is public, so nothing would be placed"
                        + " there", "no publicSubnetIds while no service sets public: true");
            }
        });
    }

    /**
     * Whether the stack sets the key to something other than its default. The Pulumi CLI hands the program
     * Pulumi.yaml's defaults as values, so under the engine a default cannot be told from a value the stack file
     * sets: a key set to its very default is let through (and unused).
     */
    private static boolean setOtherThanDefault(ConfigNode tap, ConfigKey key) {
        return tap.raw(key.name()).map(value -> !key.defaultText().map(String.valueOf(value)::equals).orElse(false)
                && !(value instanceof List<?> list && list.isEmpty())).orElse(false);
    }

    private static List<String> subnets(ConfigNode node, ListKey key) {
        var ids = key.read(node);
        for (var id : ids) {
            if (!SUBNET_ID.matcher(id).matches()) {
                throw node.error(key.name(), ConfigNode.show(id) + " is not a subnet id", key.allowed());
            }
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            var twice = ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).findFirst().orElseThrow();
            throw node.error(key.name(), "lists " + ConfigNode.show(twice) + " twice", key.allowed());
        }
        return List.copyOf(ids);
    }
}
