package com.tapstack.support;

import com.google.gson.JsonParser;
import com.tapstack.offline.Plan;
import com.tapstack.offline.PlannedResource;
import java.util.List;
import java.util.Map;

/** Small helpers to read a plan in tests. */
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
}
