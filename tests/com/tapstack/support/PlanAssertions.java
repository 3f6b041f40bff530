package com.tapstack.support;

import com.google.gson.JsonParser;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;

/**
 * Small helpers to read a plan in tests: JSON inputs, resources by id, tags, partial JSON matching and IAM
 * evaluation. Part of the test kit (docs/testing.md, "Testing your fork"), with {@link Reference}, {@link StackValues},
 * {@link PlanEditor} and {@link Checks}.
 */
public final class PlanAssertions {

    private PlanAssertions() {
    }

    /** A JSON input (policy documents) parsed into plain maps and lists, for structural comparison. */
    public static Object json(PlannedResource resource, String input) {
        return toPlain(JsonParser.parseString(resource.inputString(input)));
    }

    /** JSON text (a literal in a test, or a rendered document), parsed the same way. */
    public static Object json(String text) {
        return toPlain(JsonParser.parseString(text));
    }

    private static Object toPlain(com.google.gson.JsonElement element) {
        return new com.google.gson.Gson().fromJson(element, Object.class);
    }

    /** The resource whose URN is the {@code ref}'s value, e.g. a route's route table by its id. */
    public static PlannedResource byId(Plan plan, String type, Object id) {
        return plan.byType(type).stream().filter(r -> r.id().orElse("").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " with id " + id));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> tags(PlannedResource resource) {
        var tags = resource.input("tags");
        return tags == null ? Map.of() : (Map<String, String>) tags;
    }

    @SuppressWarnings("unchecked")
    public static List<String> stringList(Object value) {
        return (List<String>) value;
    }

    /**
     * Whether a JSON input (a policy, container definitions) contains {@code partialJson}: every key of an expected
     * object is in the actual one with a matching value, every element of an expected list matches some element
     * of the actual list, and other values are equal. Write only what the test is about.
     */
    public static boolean containsJson(PlannedResource resource, String input, String partialJson) {
        return contains(json(resource, input), json(partialJson));
    }

    private static boolean contains(Object actual, Object expected) {
        if (expected instanceof Map<?, ?> wanted) {
            return actual instanceof Map<?, ?> map && wanted.entrySet().stream()
                    .allMatch(e -> map.containsKey(e.getKey()) && contains(map.get(e.getKey()), e.getValue()));
        }
        if (expected instanceof List<?> wanted) {
            return actual instanceof List<?> list
                    && wanted.stream().allMatch(w -> list.stream().anyMatch(a -> contains(a, w)));
        }
        return java.util.Objects.equals(actual, expected);
    }

    /**
     * Whether IAM would let the role named {@code roleName} do {@code action} on {@code resourceArn}, from every
     * policy the plan gives it (inline, role policies, customer managed); the same evaluation ./tap check uses.
     */
    public static boolean roleAllows(Plan plan, String roleName, String action, String resourceArn) {
        var statements = new com.tapstack.tooling.check.CheckContext(plan, false).statementsOfRole(roleName);
        return com.tapstack.tooling.check.PolicyEvaluator.allows(statements, action, resourceArn);
    }
}
