package com.tapstack.tooling.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource as the engine would register it: what {@code pulumi stack export} records per resource.
 * Inputs are the values sent to the provider (camelCase, as in the Pulumi schema); outputs are what the
 * simulated provider returned. Values are plain Java: String, Boolean, Long, Double, List, Map,
 * {@link PlanValues.Secret} or {@link PlanValues#UNKNOWN}.
 */
public record PlannedResource(
        String urn,
        String type,
        String name,
        boolean custom,
        Optional<String> id,
        Optional<String> parent,
        List<String> dependencies,
        Map<String, List<String>> propertyDependencies,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        boolean protect,
        boolean deleteBeforeReplace,
        boolean retainOnDelete,
        List<String> ignoreChanges,
        Optional<String> providerVersion) {

    public PlannedResource {
        dependencies = List.copyOf(dependencies);
        propertyDependencies = Map.copyOf(propertyDependencies);
        inputs = PlanValues.unmodifiable(inputs);
        outputs = PlanValues.unmodifiable(outputs);
        ignoreChanges = List.copyOf(ignoreChanges);
    }

    /** An input by top-level name, or null. */
    public Object input(String key) {
        return inputs.get(key);
    }

    /** An input as text, or null. */
    public String inputString(String key) {
        var value = inputs.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** An input addressed by a dotted path through maps and lists: {@code healthCheck.interval}, {@code tags.Owner}. */
    public Object inputAt(String path) {
        return PlanValues.at(inputs, path);
    }

    /** An output by name, or null. */
    public Object output(String key) {
        return outputs.get(key);
    }

    /** The package of the type token: {@code aws}, {@code random}, {@code tap}, {@code pulumi}. */
    public String packageName() {
        return type.substring(0, type.indexOf(':'));
    }
}
