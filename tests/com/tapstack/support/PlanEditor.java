package com.tapstack.support;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Edits a plan the way a faulty program would have produced it, for failures configuration cannot express
 * (the loader refuses them): change an input, a container definition, an option; add or remove resources.
 */
public final class PlanEditor {

    private final Plan plan;
    private final List<PlannedResource> resources;

    private PlanEditor(Plan plan) {
        this.plan = plan;
        this.resources = new ArrayList<>(plan.resources());
    }

    public static PlanEditor of(Plan plan) {
        return new PlanEditor(plan);
    }

    /** Sets an input by dotted path ({@code healthCheck.timeout}); null removes it. */
    public PlanEditor set(String type, String name, String path, Object value) {
        return replace(type, name, r -> copy(r, withPath(r.inputs(), path.split("\\."), 0, value), r.protect(),
                r.ignoreChanges(), r.dependencies()));
    }

    public PlanEditor remove(String type, String name, String path) {
        return set(type, name, path, null);
    }

    /** Edits the parsed container definitions of a task definition. */
    public PlanEditor containers(String name, UnaryOperator<List<Map<String, Object>>> edit) {
        var type = "aws:ecs/taskDefinition:TaskDefinition";
        var gson = new Gson();
        return replace(type, name, r -> {
            List<Map<String, Object>> containers = gson.fromJson(r.inputString("containerDefinitions"),
                    new TypeToken<List<Map<String, Object>>>() { }.getType());
            var edited = edit.apply(containers);
            var inputs = new LinkedHashMap<>(r.inputs());
            inputs.put("containerDefinitions", new GsonBuilder().create().toJson(edited));
            return copy(r, inputs, r.protect(), r.ignoreChanges(), r.dependencies());
        });
    }

    /** Edits the service container (the one named like the service) of a task definition. */
    public PlanEditor container(String taskDefinition, String container, UnaryOperator<Map<String, Object>> edit) {
        return containers(taskDefinition, list -> {
            var result = new ArrayList<Map<String, Object>>();
            for (var c : list) {
                result.add(c.get("name").equals(container) ? edit.apply(new LinkedHashMap<>(c)) : c);
            }
            return result;
        });
    }

    public PlanEditor protect(String type, String name, boolean protect) {
        return replace(type, name, r -> copy(r, r.inputs(), protect, r.ignoreChanges(), r.dependencies()));
    }

    public PlanEditor ignoreChanges(String type, String name, List<String> ignoreChanges) {
        return replace(type, name, r -> copy(r, r.inputs(), r.protect(), ignoreChanges, r.dependencies()));
    }

    public PlanEditor dependencies(String type, String name, List<String> dependencies) {
        return replace(type, name, r -> copy(r, r.inputs(), r.protect(), r.ignoreChanges(), dependencies));
    }

    public PlanEditor removeResource(String type, String name) {
        resources.removeIf(r -> r.type().equals(type) && r.name().equals(name));
        return this;
    }

    /** Adds a resource of {@code type} with these inputs (and an id and ARN output), parented like {@code sibling}. */
    public PlanEditor add(String type, String name, Map<String, Object> inputs, String id, String arn) {
        var parent = resources.stream().filter(r -> r.type().equals("tap:stack:TapStack")).findFirst().orElseThrow();
        resources.add(new PlannedResource("urn:pulumi:" + plan.stack() + "::" + plan.project()
                + "::tap:stack:TapStack$" + type + "::" + name, type, name, true,
                java.util.Optional.of(id), java.util.Optional.of(parent.urn()), List.of(), Map.of(), inputs,
                arn == null ? Map.of() : Map.of("arn", arn), false, false, false, List.of(),
                java.util.Optional.of("6.83.0")));
        return this;
    }

    public Plan build() {
        return new Plan(plan.project(), plan.stack(), plan.account(), resources, plan.outputs());
    }

    private PlanEditor replace(String type, String name, UnaryOperator<PlannedResource> edit) {
        for (int i = 0; i < resources.size(); i++) {
            var resource = resources.get(i);
            if (resource.type().equals(type) && resource.name().equals(name)) {
                resources.set(i, edit.apply(resource));
                return this;
            }
        }
        throw new IllegalArgumentException("no " + type + " named " + name + " in the plan");
    }

    private static PlannedResource copy(PlannedResource r, Map<String, Object> inputs, boolean protect,
                                        List<String> ignoreChanges, List<String> dependencies) {
        return new PlannedResource(r.urn(), r.type(), r.name(), r.custom(), r.id(), r.parent(), dependencies,
                r.propertyDependencies(), inputs, r.outputs(), protect, r.deleteBeforeReplace(), r.retainOnDelete(),
                ignoreChanges, r.providerVersion());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withPath(Map<String, Object> map, String[] path, int index, Object value) {
        var copy = new LinkedHashMap<>(map);
        var key = path[index];
        if (index == path.length - 1) {
            if (value == null) {
                copy.remove(key);
            } else {
                copy.put(key, value);
            }
            return copy;
        }
        var child = copy.get(key);
        if (child instanceof List<?> list && path[index + 1].chars().allMatch(Character::isDigit)) {
            var items = new ArrayList<Object>(list);
            int position = Integer.parseInt(path[index + 1]);
            if (index + 1 == path.length - 1) {
                items.set(position, value);
            } else {
                items.set(position, withPath((Map<String, Object>) items.get(position), path, index + 2, value));
            }
            copy.put(key, items);
            return copy;
        }
        copy.put(key, withPath(child instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), path, index + 1, value));
        return copy;
    }
}
