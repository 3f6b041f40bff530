package com.tapstack.tooling.diff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of one side of a diff: a deployed stack ({@code pulumi stack export}) or a plan ({@code ./tap plan
 * --json}, or the working tree planned now), by URN in the file's order (dependencies first).
 */
record Deployment(String origin, Kind kind, String project, String stack, List<DeployedResource> resources) {

    /** What wrote the file: the offline planner or the Pulumi CLI (whose inputs are what was deployed). */
    enum Kind { PLAN, STACK_EXPORT }

    Deployment {
        resources = List.copyOf(resources);
    }

    Map<String, DeployedResource> byUrn() {
        var byUrn = new LinkedHashMap<String, DeployedResource>();
        resources.forEach(r -> byUrn.put(r.urn(), r));
        return byUrn;
    }

    Optional<DeployedResource> resource(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }
}
