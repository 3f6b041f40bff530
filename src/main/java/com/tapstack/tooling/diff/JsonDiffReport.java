package com.tapstack.tooling.diff;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diff as JSON: {@code {"changes": [{"urn", "type", "action", "properties": [...], "hazards": [...]}],
 * "summary": {...}}}. Secrets are masked and values known only after the update written as such.
 */
final class JsonDiffReport {

    private JsonDiffReport() {
    }

    static String render(DiffResult result) {
        var root = new LinkedHashMap<String, Object>();
        root.put("stack", result.stack());
        root.put("base", Map.of("file", result.base(), "kind", result.baseKind() == Deployment.Kind.PLAN
                ? "plan" : "stack-export"));
        root.put("head", result.head());
        root.put("changes", result.changes().stream().map(JsonDiffReport::change).toList());
        var summary = new LinkedHashMap<String, Object>();
        result.counts().forEach((action, count) -> summary.put(action.word(), count));
        summary.put("unchanged", result.unchanged());
        summary.put("hazards", result.hazardCount());
        root.put("summary", summary);
        root.put("notes", result.notes());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }

    private static Map<String, Object> change(Change change) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("urn", change.urn());
        entry.put("type", change.type());
        entry.put("name", change.name());
        entry.put("action", change.action().word());
        entry.put("properties", change.properties().stream().map(JsonDiffReport::property).toList());
        entry.put("hazards", change.hazards().stream().map(h -> Map.of("kind", h.kind().code(), "reason", h.reason()))
                .toList());
        entry.put("notes", change.notes());
        return entry;
    }

    private static Map<String, Object> property(PropertyChange property) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("path", property.path().toString());
        entry.put("kind", property.kind().name().toLowerCase(java.util.Locale.ROOT));
        entry.put("before", shown(property.before(), property.secret()));
        entry.put("after", property.after() == PropertyDiffer.AFTER_APPLY ? Values.KNOWN_AFTER_APPLY
                : shown(property.after(), property.secret()));
        entry.put("replaces", property.replaces());
        return entry;
    }

    private static Object shown(Object value, boolean secret) {
        if (value == null) {
            return null;
        }
        return secret ? Values.SECRET_SHOWN : Values.masked(value);
    }

    static List<String> keys() {
        return List.of("stack", "base", "head", "changes", "summary", "notes");
    }
}
