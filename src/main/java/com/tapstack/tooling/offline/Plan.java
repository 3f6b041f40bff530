package com.tapstack.tooling.offline;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The resource graph one offline run produced: every resource with the inputs that would be sent to AWS, in
 * dependency order (parents and dependencies first, ties by URN), and the stack outputs.
 */
public record Plan(String project, String stack, SimulatedAccount account, List<PlannedResource> resources,
                   Map<String, Object> outputs) {

    public static final String STACK_TYPE = "pulumi:pulumi:Stack";

    public Plan {
        resources = List.copyOf(resources);
        outputs = PlanValues.unmodifiable(outputs);
    }

    public List<PlannedResource> byType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The one resource of {@code type} with logical name {@code name}. */
    public PlannedResource named(String type, String name) {
        return find(r -> r.type().equals(type) && r.name().equals(name))
                .orElseThrow(() -> new NoSuchElementException("no " + type + " named " + name + " in the plan"));
    }

    public Optional<PlannedResource> find(Predicate<PlannedResource> predicate) {
        return resources.stream().filter(predicate).findFirst();
    }

    public Optional<PlannedResource> byUrn(String urn) {
        return find(r -> r.urn().equals(urn));
    }

    /** Resources that AWS (or another provider) would create: not components and not the stack itself. */
    public List<PlannedResource> customResources() {
        return resources.stream().filter(PlannedResource::custom).toList();
    }

    /** Number of custom resources per type token, sorted by type. */
    public Map<String, Integer> countsByType() {
        var counts = new TreeMap<String, Integer>();
        customResources().forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        return counts;
    }

    public List<PlannedResource> childrenOf(String urn) {
        return resources.stream().filter(r -> r.parent().map(urn::equals).orElse(false)).toList();
    }
}
