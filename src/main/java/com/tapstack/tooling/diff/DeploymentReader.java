package com.tapstack.tooling.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Gson;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.tapstack.config.ConfigException;
import com.tapstack.text.OneLine;
import com.tapstack.tooling.offline.EngineUrn;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a deployment file: the output of {@code pulumi stack export} or of {@code ./tap plan --json}, both
 * {@code {"version": 3, "deployment": {"manifest": ..., "resources": [...]}}}. A file that is not one ends in a
 * {@link ConfigException} naming the file and what is wrong, never a half-read diff.
 */
final class DeploymentReader {

    /** Larger than any stack export we expect (a 500-resource stack exports to a few MB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    static final String ALLOWED = "the JSON written by `./tap plan <stack> --json` or by `pulumi stack export`"
            + " (deployment version 3)";
    /** What the offline planner writes as the manifest's version; the Pulumi CLI writes its own version there. */
    static final String PLAN_MANIFEST_VERSION = "tap offline plan";
    /** Deeper than any input a provider takes; deeper values are refused before anything walks them. */
    static final int MAX_DEPTH = 64;

    private DeploymentReader() {
    }

    static Deployment read(Path file) {
        var origin = file.toString();
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(origin, "file", "does not exist or is not a file", ALLOWED);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(origin, "file", Files.size(file) + " bytes is larger than any deployment"
                        + " export", "at most " + MAX_BYTES + " bytes");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(origin, "file", "is not UTF-8 text", ALLOWED);
        } catch (IOException e) {
            throw new ConfigException(origin, "file", "cannot be read (" + e.getClass().getSimpleName() + ")",
                    ALLOWED);
        }
        return parse(origin, text);
    }

    static Deployment parse(String origin, String text) {
        if (text.isBlank()) {
            throw new ConfigException(origin, "file", "is empty", ALLOWED);
        }
        JsonElement root;
        try {
            // Strict RFC 8259 JSON, one value and nothing after it (JsonParser would read leniently).
            var reader = new JsonReader(new StringReader(text));
            reader.setLenient(false);
            root = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new JsonParseException("more text after the JSON value");
            }
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            var message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            throw new ConfigException(origin, "file", message.contains("NaN and infinities")
                    ? "holds a number too large for a deployment (" + OneLine.shorten(message) + ")"
                    : "is not JSON (" + OneLine.shorten(message) + ")", ALLOWED);
        } catch (StackOverflowError e) {
            throw new ConfigException(origin, "file", "is nested too deeply to be a deployment", ALLOWED);
        }
        return fromJson(origin, root);
    }

    static Deployment fromJson(String origin, JsonElement root) {
        if (!root.isJsonObject()) {
            throw new ConfigException(origin, "file", "is JSON but not an object", ALLOWED);
        }
        var top = root.getAsJsonObject();
        if (!top.has("deployment") && top.has("resources")) {
            throw new ConfigException(origin, "file", "has `resources` at the top: this looks like a bare"
                    + " deployment or checkpoint, not an export", ALLOWED);
        }
        var version = top.get("version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()) {
            throw new ConfigException(origin, "version", "is missing: not a deployment export", ALLOWED);
        }
        if (version.getAsInt() != 3) {
            throw new ConfigException(origin, "version", "is " + OneLine.shorten(version.toString())
                    + ", a deployment format this tool does not read", "3");
        }
        var deployment = object(origin, top, "deployment");
        var manifest = deployment.has("manifest") && deployment.get("manifest").isJsonObject()
                ? deployment.getAsJsonObject("manifest") : new JsonObject();
        var kind = manifest.has("version") && manifest.get("version").isJsonPrimitive()
                && PLAN_MANIFEST_VERSION.equals(manifest.get("version").getAsString())
                ? Deployment.Kind.PLAN : Deployment.Kind.STACK_EXPORT;
        var resources = new ArrayList<DeployedResource>();
        if (deployment.has("resources") && !deployment.get("resources").isJsonNull()) {
            if (!deployment.get("resources").isJsonArray()) {
                throw new ConfigException(origin, "deployment.resources", "is not a list", ALLOWED);
            }
            var seen = new HashSet<String>();
            JsonArray list = deployment.getAsJsonArray("resources");
            for (int i = 0; i < list.size(); i++) {
                var key = "deployment.resources[" + i + "]";
                if (!list.get(i).isJsonObject()) {
                    throw new ConfigException(origin, key, "is not an object", ALLOWED);
                }
                var entry = list.get(i).getAsJsonObject();
                // A resource marked `delete` is the old half of a replacement an earlier update did not finish;
                // the next `pulumi up` deletes it whatever the program says, so it is no part of the comparison.
                if (bool(entry, "delete")) {
                    continue;
                }
                var resource = resource(origin, key, entry);
                if (!seen.add(resource.urn())) {
                    throw new ConfigException(origin, key + ".urn", "repeats " + OneLine.shorten(resource.urn()),
                            "each URN once");
                }
                resources.add(resource);
            }
        }
        var stackUrn = resources.stream().filter(r -> r.type().equals("pulumi:pulumi:Stack")).findFirst();
        if (stackUrn.isEmpty() && !resources.isEmpty()) {
            throw new ConfigException(origin, "deployment.resources", "has no pulumi:pulumi:Stack resource", ALLOWED);
        }
        var parts = stackUrn.map(r -> Urns.parse(origin, r.urn())).orElse(null);
        for (int i = 0; i < resources.size(); i++) {
            var own = Urns.parse(origin, resources.get(i).urn());
            if (!own.equals(parts)) {
                throw new ConfigException(origin, "deployment.resources[" + i + "].urn", "belongs to stack '"
                        + own.stack() + "' of project '" + own.project() + "', not to this file's stack '"
                        + parts.stack() + "' of project '" + parts.project() + "'", "the resources of one stack");
            }
        }
        return new Deployment(origin, kind, parts == null ? null : parts.project(),
                parts == null ? null : parts.stack(), resources);
    }

    private static DeployedResource resource(String origin, String key, JsonObject entry) {
        var urn = EngineUrn.withoutRootStackType(string(origin, entry, key, "urn"));
        Urns.parse(origin + " (" + key + ")", urn);
        var type = string(origin, entry, key, "type");
        if (!Urns.type(urn).equals(type)) {
            throw new ConfigException(origin, key + ".type", OneLine.shorten(type) + " is not the type in its URN",
                    "the type the URN names");
        }
        var propertyDependencies = new TreeMap<String, List<String>>();
        if (entry.has("propertyDependencies") && entry.get("propertyDependencies").isJsonObject()) {
            for (var dependency : entry.getAsJsonObject("propertyDependencies").entrySet()) {
                propertyDependencies.put(dependency.getKey(), strings(dependency.getValue()).stream()
                        .map(EngineUrn::withoutRootStackType).toList());
            }
        }
        for (var field : new String[] {"custom", "protect", "deleteBeforeReplace", "retainOnDelete", "delete"}) {
            var value = entry.get(field);
            if (value != null && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())) {
                throw new ConfigException(origin, key + "." + field, "is " + OneLine.shorten(value.toString())
                        + ", not true or false", "true or false");
            }
        }
        for (var field : new String[] {"id", "parent", "provider"}) {
            var value = entry.get(field);
            if (value != null && !value.isJsonNull() && !(value.isJsonPrimitive()
                    && value.getAsJsonPrimitive().isString())) {
                throw new ConfigException(origin, key + "." + field, "is not text", ALLOWED);
            }
        }
        return new DeployedResource(urn, type, bool(entry, "custom"), optionalString(entry, "id"),
                optionalString(entry, "parent").map(EngineUrn::withoutRootStackType), map(origin, entry, key, "inputs"),
                map(origin, entry, key, "outputs"),
                bool(entry, "protect"), bool(entry, "deleteBeforeReplace"), bool(entry, "retainOnDelete"),
                entry.has("ignoreChanges") ? strings(entry.get("ignoreChanges")) : List.of(), propertyDependencies,
                optionalString(entry, "provider").map(EngineUrn::withoutRootStackType));
    }

    private static JsonObject object(String origin, JsonObject parent, String key) {
        if (!parent.has(key) || !parent.get(key).isJsonObject()) {
            throw new ConfigException(origin, key, "is missing or not an object: not a deployment export", ALLOWED);
        }
        return parent.getAsJsonObject(key);
    }

    private static String string(String origin, JsonObject entry, String key, String field) {
        var value = entry.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new ConfigException(origin, key + "." + field, "is missing or not text", ALLOWED);
        }
        return value.getAsString();
    }

    private static Optional<String> optionalString(JsonObject entry, String field) {
        var value = entry.get(field);
        return value != null && value.isJsonPrimitive() && !value.getAsString().isEmpty()
                ? Optional.of(value.getAsString()) : Optional.empty();
    }

    private static boolean bool(JsonObject entry, String field) {
        var value = entry.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                && value.getAsBoolean();
    }

    private static List<String> strings(JsonElement element) {
        var out = new ArrayList<String>();
        if (element != null && element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> {
                if (e.isJsonPrimitive()) {
                    out.add(e.getAsString());
                }
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String origin, JsonObject entry, String key, String field) {
        var value = entry.get(field);
        if (value == null || value.isJsonNull()) {
            return Map.of();
        }
        if (!value.isJsonObject()) {
            throw new ConfigException(origin, key + "." + field, "is not an object", ALLOWED);
        }
        try {
            return (Map<String, Object>) plain(value, 0);
        } catch (TooDeep e) {
            throw new ConfigException(origin, key + "." + field, "is nested deeper than " + MAX_DEPTH + " levels",
                    "the inputs and outputs a provider records");
        }
    }

    /** A value nested deeper than {@link #MAX_DEPTH}. */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** A JSON tree as plain Java: whole numbers as Long, others as Double, maps sorted by key. */
    static Object plain(JsonElement element) {
        return plain(element, 0);
    }

    private static Object plain(JsonElement element, int depth) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        if (element.isJsonObject()) {
            var map = new TreeMap<String, Object>();
            element.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), plain(e.getValue(), depth + 1)));
            return java.util.Collections.unmodifiableMap(map);
        }
        if (element.isJsonArray()) {
            var list = new ArrayList<Object>();
            element.getAsJsonArray().forEach(e -> list.add(plain(e, depth + 1)));
            return java.util.Collections.unmodifiableList(list);
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            var number = new BigDecimal(primitive.getAsString());
            try {
                return number.longValueExact();
            } catch (ArithmeticException notWhole) {
                return number.doubleValue();
            }
        }
        return primitive.getAsString();
    }

    /** A copy of a map with insertion order kept (for callers that build entries). */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return new LinkedHashMap<>(map);
    }
}
