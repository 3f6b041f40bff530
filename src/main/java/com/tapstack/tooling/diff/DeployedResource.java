package com.tapstack.tooling.diff;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource of a deployment file, as {@code pulumi stack export} (deployment version 3) and {@code ./tap plan
 * --json} record it. Values are JSON trees: String, Boolean, Long, Double, List, Map and null; secrets and
 * unknowns keep their wire markers (see {@link Values}).
 */
record DeployedResource(
        String urn,
        String type,
        boolean custom,
        Optional<String> id,
        Optional<String> parent,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        boolean protect,
        boolean deleteBeforeReplace,
        boolean retainOnDelete,
        List<String> ignoreChanges,
        Map<String, List<String>> propertyDependencies,
        Optional<String> provider) {

    DeployedResource {
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
        ignoreChanges = List.copyOf(ignoreChanges);
        propertyDependencies = Map.copyOf(propertyDependencies);
    }

    /** The logical name: what follows the last {@code ::} of the URN. */
    String name() {
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    /** The URNs an input depends on (its value is, or is made from, their outputs). */
    List<String> dependenciesOf(String input) {
        return propertyDependencies.getOrDefault(input, List.of());
    }
}
