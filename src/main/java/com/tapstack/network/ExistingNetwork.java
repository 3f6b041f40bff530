package com.tapstack.network;

import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;
import com.tapstack.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The user's VPC and subnets ({@link ExistingVpcConfig}), looked up in the account and checked before the stack
 * registers anything, so that a misfit ends in one line naming the key and the id instead of a half-made stack.
 *
 * <p>The lookups block: the program waits for each answer before it goes on. That is safe in the Pulumi Java SDK
 * 1.36: the program runs inside {@code ContextAwareCompletableFuture.supplyAsync} on the ForkJoin common pool
 * ({@code DeploymentImpl.DefaultRunner.runAsync}, read in the pinned jar), a plain invoke waits only for its own
 * arguments and the engine's answer ({@code DeploymentImpl.Invoke}: no wait on the parent's registration), and
 * {@code CompletableFuture.join} on a pool thread blocks through {@code ForkJoinPool.managedBlock}, which adds a
 * spare worker, so the engine's reply still finds a thread (App also keeps the pool at 4 threads, see
 * pulumi/pulumi-java#2270). An invoke with known arguments runs during {@code pulumi preview} too, so a misfit
 * stops the preview. Only the TapStack component (no cloud resource) is registered before the lookups
 * ({@link ExistingNetworkLookup}). Exercised under the SDK's mock engine only; not run against the real engine here.
 *
 * @param privateSubnets in the configured order
 * @param publicSubnets  in the configured order
 */
public record ExistingNetwork(String vpcId, String vpcCidr, List<Subnet> privateSubnets, List<Subnet> publicSubnets) {

    /** A subnet as looked up, with the route table that routes it (its own, or the VPC's main table). */
    public record Subnet(String id, String zoneId, String zoneName, String routeTableId) {
    }

    /**
     * What the checks need beyond the ids.
     *
     * @param twoZonesRequired protected environment or a database (an RDS subnet group spans two AZs)
     * @param createdInterfaces the interface endpoints this stack creates in the VPC (tap:endpoints), with which
     *                          it also creates the S3 gateway endpoint; empty without the module
     */
    public record Checks(String region, String configFile, String namespace, boolean twoZonesRequired,
                         TaskNeeds needs, Optional<List<String>> createdInterfaces) {
    }

    public ExistingNetwork {
        privateSubnets = List.copyOf(privateSubnets);
        publicSubnets = List.copyOf(publicSubnets);
    }

    public List<String> privateSubnetIds() {
        return privateSubnets.stream().map(Subnet::id).toList();
    }

    public List<String> publicSubnetIds() {
        return publicSubnets.stream().map(Subnet::id).toList();
    }

    /** The zone ids of the private subnets, each once, in order: the AZs the tasks run in. */
    public List<String> zoneIds() {
        return List.copyOf(new LinkedHashSet<>(privateSubnets.stream().map(Subnet::zoneId).toList()));
    }

    /** The private subnets' route tables, each once (a gateway endpoint takes each table once). */
    public List<String> privateRouteTableIds() {
        return List.copyOf(new LinkedHashSet<>(privateSubnets.stream().map(Subnet::routeTableId).toList()));
    }

    /** One private subnet per AZ, the first listed: an interface endpoint takes at most one subnet per AZ. */
    public List<String> endpointSubnetIds() {
        var byZone = new LinkedHashMap<String, String>();
        privateSubnets.forEach(subnet -> byZone.putIfAbsent(subnet.zoneId(), subnet.id()));
        return List.copyOf(byZone.values());
    }

    /** Looks the VPC and its subnets up and checks them; a misfit is a {@link ConfigException}. */
    public static ExistingNetwork lookUp(ExistingVpcConfig config, Checks checks, Resource parent) {
        return new ExistingNetworkLookup(config, checks, InvokeOptions.builder().parent(parent).build()).run();
    }
}
