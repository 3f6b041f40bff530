package com.tapstack.tooling.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes that need a person's eyes, each with a one-line reason: a protected resource deleted or replaced,
 * data or identity lost, a replacement that collides on its name or deletes first, an ECS service replaced, a
 * network replacement and what it takes along, a change AWS refuses in place, a type the table does not know.
 */
final class Hazards {

    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String ECS_SERVICE = "aws:ecs/service:Service";

    private final ReplacementTable table;
    private final Map<String, DeployedResource> base;
    private final Map<String, DeployedResource> head;
    private final Map<String, Action> actions;
    private final Map<String, List<String>> dependents = new HashMap<>();

    Hazards(ReplacementTable table, Deployment base, Deployment head, Map<String, Action> actions) {
        this.table = table;
        this.base = base.byUrn();
        this.head = head.byUrn();
        this.actions = actions;
        for (var resource : head.resources()) {
            resource.propertyDependencies().values().stream().flatMap(List::stream).distinct().forEach(dependency ->
                    dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(resource.urn()));
        }
    }

    List<Change> assess(List<Change> changes) {
        return changes.stream().map(change -> change.withHazards(of(change))).toList();
    }

    private List<Hazard> of(Change change) {
        var hazards = new ArrayList<Hazard>();
        var deployed = base.get(change.urn());
        var planned = head.get(change.urn());
        var rules = table.rules(change.type());
        if (change.type().startsWith(Differ.PROVIDER_PREFIX)) {
            if (change.action() == Action.REPLACE) {
                hazards.add(new Hazard(Hazard.Kind.PROVIDER_REPLACE, "the provider is replaced ("
                        + paths(change.replacingProperties()) + "): every resource it manages is replaced with it"));
            }
            return hazards;
        }
        if (rules.isEmpty() && change.action() != Action.CREATE) {
            hazards.add(new Hazard(Hazard.Kind.UNKNOWN_TYPE, change.type() + " is not in the replacement table"
                    + " (src/main/resources/com/tapstack/tooling/diff/" + ReplacementTable.RESOURCE
                    + "): whether this change replaces it cannot be told"));
            return hazards;
        }
        boolean destroys = change.action() == Action.DELETE || change.action() == Action.REPLACE;
        // The engine refuses to delete a resource protected in the state, and to replace one protected before and
        // after; unprotecting and replacing in one update is allowed (pulumi/pulumi step_generator.go).
        boolean refused = change.action() == Action.DELETE ? deployed != null && deployed.protect()
                : change.action() == Action.REPLACE && deployed != null && deployed.protect() && planned != null
                && planned.protect();
        if (refused) {
            hazards.add(new Hazard(Hazard.Kind.PROTECTED, "protected in the base: `pulumi up` refuses to "
                    + change.action().word() + " it (unprotect it deliberately first)"));
        }
        deletionProtection(change, deployed, planned).ifPresent(hazards::add);
        if (rules.isEmpty()) {
            return hazards;
        }
        var type = rules.get();
        if (destroys && type.keeps().isPresent()) {
            var retained = change.action() == Action.DELETE && deployed != null && deployed.retainOnDelete();
            hazards.add(new Hazard(Hazard.Kind.DATA_LOSS, change.action() == Action.DELETE
                    ? (retained ? "deleted from the stack (retainOnDelete keeps it in AWS, unmanaged): "
                            : "deleting it loses ") + type.keeps().get()
                    : "replacing it loses " + type.keeps().get() + " (the new one starts empty)"));
        }
        if (change.action() == Action.REPLACE) {
            if (change.type().equals(SUBNET)) {
                overlappingSubnet(change, deployed, planned).ifPresent(hazards::add);
            } else {
                nameHazard(change, type, deployed, planned).ifPresent(hazards::add);
            }
            if (change.type().equals(ECS_SERVICE)) {
                hazards.add(new Hazard(Hazard.Kind.SERVICE_DOWNTIME, "an ECS service replacement drains and stops"
                        + " every task of the old service: the service is down until the new one is steady"));
            }
            if (change.type().equals(VPC) || change.type().equals(SUBNET)) {
                var followers = replacedDependents(change.urn());
                hazards.add(new Hazard(Hazard.Kind.NETWORK_CASCADE, "replacing the " + (change.type().equals(VPC)
                        ? "VPC" : "subnet") + " replaces what lives in it: " + followers + " more resource"
                        + (followers == 1 ? "" : "s") + " replaced with it"));
            }
        }
        if (change.action() == Action.DELETE && (change.type().equals(VPC) || change.type().equals(SUBNET))) {
            // DeleteSubnet and DeleteVpc fail with DependencyViolation while network interfaces remain; the engine
            // deletes after every create and update, so the services must have moved out by then
            // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSubnet.html).
            hazards.add(new Hazard(Hazard.Kind.NETWORK_CASCADE, "deleting the " + (change.type().equals(VPC) ? "VPC"
                    : "subnet") + " fails while anything still has a network interface in it (tasks, endpoints, load"
                    + " balancer nodes, the database): check that everything placed there moves in this update"));
        }
        if (change.action() == Action.UPDATE && planned != null) {
            for (var failure : type.failsInPlace()) {
                if (failure.unlessInput().isPresent()
                        && Values.sameScalar(planned.inputs().get(failure.unlessInput().get()), failure.unlessEquals())) {
                    continue;
                }
                if (failure.whenReplaced().isPresent() && actions.entrySet().stream().noneMatch(e ->
                        e.getValue() == Action.REPLACE && Urns.type(e.getKey()).equals(failure.whenReplaced().get()))) {
                    continue;
                }
                change.properties().stream().filter(p -> p.path().within(failure.path()) && failure.fails(p))
                        .findFirst().ifPresent(p ->
                        hazards.add(new Hazard(Hazard.Kind.FAILS_IN_PLACE, p.path() + ": " + failure.reason()
                                + " (" + failure.source() + ")")));
            }
        }
        return hazards;
    }

    /** The inputs by which AWS itself refuses deletion, and the one that keeps a final copy. */
    static final List<String> DELETION_PROTECTION = List.of("deletionProtection", "enableDeletionProtection");

    /**
     * AWS's own deletion protection (a load balancer's, a database's): a delete or replacement fails while it is on;
     * an update that turns it off, or skips the final snapshot, is what makes a later delete lose the data.
     */
    private static java.util.Optional<Hazard> deletionProtection(Change change, DeployedResource deployed,
                                                               DeployedResource planned) {
        if (deployed == null) {
            return java.util.Optional.empty();
        }
        var on = DELETION_PROTECTION.stream().filter(k -> Boolean.TRUE.equals(deployed.inputs().get(k))).findFirst();
        if (on.isPresent() && (change.action() == Action.DELETE || change.action() == Action.REPLACE)) {
            return java.util.Optional.of(new Hazard(Hazard.Kind.PROTECTED, on.get() + " is on in AWS: the "
                    + change.action().word() + " fails until an update turns it off"));
        }
        if (change.action() == Action.UPDATE && planned != null) {
            var off = on.filter(k -> !Boolean.TRUE.equals(planned.inputs().get(k)));
            boolean skipsSnapshot = Boolean.FALSE.equals(deployed.inputs().get("skipFinalSnapshot"))
                    && Boolean.TRUE.equals(planned.inputs().get("skipFinalSnapshot"));
            if (off.isPresent() || skipsSnapshot) {
                return java.util.Optional.of(new Hazard(Hazard.Kind.DATA_LOSS, (off.isPresent() ? "turns " + off.get()
                        + " off" : "") + (off.isPresent() && skipsSnapshot ? " and " : "") + (skipsSnapshot
                        ? "skips the final snapshot" : "") + ": a later delete (pulumi destroy) loses the data"));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A replacement keeps its physical name: the engine creates the new resource before it deletes the old one,
     * and AWS refuses a second one of that name. With deleteBeforeReplace there is no collision, but a gap.
     */
    private java.util.Optional<Hazard> nameHazard(Change change, ReplacementTable.TypeRules type,
                                                  DeployedResource deployed, DeployedResource planned) {
        if (type.physicalName().isEmpty() || !type.nameUnique() || deployed == null || planned == null) {
            return java.util.Optional.empty();
        }
        // A new region puts the new one where the old name is free, except for names AWS keeps account-wide.
        if (!change.notes().isEmpty() && change.notes().get(0).equals(Differ.PROVIDER_REPLACED) && !type.global()) {
            return java.util.Optional.empty();
        }
        var key = type.physicalName().get();
        boolean nameChanges = change.properties().stream().anyMatch(p -> p.path().topLevel().equals(key));
        // Unique only within a parent (a security group's name in its VPC, a subnet's CIDR in its VPC): a new parent
        // means no collision.
        boolean scopeChanges = type.uniqueWithin().map(scope -> change.properties().stream()
                .anyMatch(p -> p.path().topLevel().equals(scope))).orElse(false);
        if (nameChanges || scopeChanges || !planned.inputs().containsKey(key)) {
            return java.util.Optional.empty();
        }
        var name = Values.show(planned.inputs().get(key));
        // The Java SDK always sends deleteBeforeReplace as defined (pulumi-java DeploymentImpl:
        // setDeleteBeforeReplaceDefined(true)), and the engine takes a defined option over the provider's wish
        // (pulumi/pulumi pkg/resource/deploy/step_generator.go), so the bridge's automatic delete-before-replace for
        // explicitly named resources never applies to this program: the resource option alone decides.
        if (planned.deleteBeforeReplace()) {
            return java.util.Optional.of(new Hazard(Hazard.Kind.DELETE_FIRST, "replaced under the same " + key + " "
                    + name + " with deleteBeforeReplace: the old one is deleted first and absent until the new one"
                    + " exists"));
        }
        return java.util.Optional.of(new Hazard(Hazard.Kind.NAME_COLLISION, "replaced under the same " + key + " "
                + name + ": the engine creates the new one before deleting the old, and AWS "
                + (type.sameName() == ReplacementTable.SameName.REFUSED ? "refuses a second one with the same " + key
                : "writes the new one over the live one, which the old one's delete then removes")));
    }

    /**
     * A subnet replaced inside the same VPC: its new CIDR must not overlap any subnet still there when it is created,
     * and with create-before-delete every old subnet still is (CreateSubnet fails with InvalidSubnet.Conflict,
     * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html). Re-sizing subnets in place, as a
     * new azCount does, therefore fails at the first of them.
     */
    private java.util.Optional<Hazard> overlappingSubnet(Change change, DeployedResource deployed,
                                                         DeployedResource planned) {
        if (deployed == null || planned == null || change.properties().stream()
                .anyMatch(p -> p.path().topLevel().equals("vpcId"))) {
            return java.util.Optional.empty();
        }
        if (!(planned.inputs().get("cidrBlock") instanceof String cidr)) {
            return java.util.Optional.empty();
        }
        return base.values().stream()
                .filter(r -> r.type().equals(SUBNET) && java.util.Objects.equals(r.inputs().get("vpcId"),
                        deployed.inputs().get("vpcId")) && r.inputs().get("cidrBlock") instanceof String)
                .filter(r -> Cidrs.overlap(cidr, (String) r.inputs().get("cidrBlock")))
                .findFirst()
                .map(r -> new Hazard(Hazard.Kind.NAME_COLLISION, "the new CIDR " + cidr + " overlaps "
                        + r.inputs().get("cidrBlock") + " of " + r.name() + ", which still exists when the"
                        + " replacement is created: AWS refuses it (InvalidSubnet.Conflict)"));
    }

    /** How many resources that depend on {@code urn}, directly or through others, this update replaces. */
    private int replacedDependents(String urn) {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<String>(dependents.getOrDefault(urn, List.of()));
        int replaced = 0;
        while (!queue.isEmpty()) {
            var next = queue.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (actions.get(next) == Action.REPLACE) {
                replaced++;
            }
            queue.addAll(dependents.getOrDefault(next, List.of()));
        }
        return replaced;
    }

    private static String paths(List<PropertyChange> properties) {
        return String.join(", ", properties.stream().map(p -> p.path().toString()).distinct().toList());
    }

    static Set<Hazard.Kind> kinds(Change change) {
        var kinds = new HashSet<Hazard.Kind>();
        change.hazards().forEach(h -> kinds.add(h.kind()));
        return kinds;
    }
}
