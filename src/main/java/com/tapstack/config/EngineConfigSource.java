package com.tapstack.config;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonElement;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Configuration as the Pulumi engine hands it to the program during {@code pulumi up}: the language host
 * passes every key of the stack (project defaults applied) as JSON in {@code PULUMI_CONFIG}, with the secret
 * keys listed in {@code PULUMI_CONFIG_SECRET_KEYS}. This is the same contract the SDK's own {@code Config}
 * reads; reading it whole lets the loader reject unknown keys, which {@code Config.get} cannot.
 *
 * <p>Structured values ({@code tap:tags}, {@code tap:services}) arrive as JSON text and are parsed here.
 */
public final class EngineConfigSource implements ConfigSource {

    private final String origin;
    private final Map<String, String> values;
    private final Set<String> secretKeys;

    EngineConfigSource(String stackName, Map<String, String> values, Set<String> secretKeys) {
        this.origin = "Pulumi." + stackName + ".yaml";
        this.values = values;
        this.secretKeys = secretKeys;
    }

    public static EngineConfigSource fromEnvironment(String stackName) {
        return fromJson(stackName, System.getenv("PULUMI_CONFIG"), System.getenv("PULUMI_CONFIG_SECRET_KEYS"));
    }

    static EngineConfigSource fromJson(String stackName, String configJson, String secretKeysJson) {
        var values = new LinkedHashMap<String, String>();
        if (configJson != null && !configJson.isBlank()) {
            for (var entry : JsonParser.parseString(configJson).getAsJsonObject().entrySet()) {
                values.put(StackFileSource.cleanKey(entry.getKey()), entry.getValue().getAsString());
            }
        }
        var secrets = new HashSet<String>();
        if (secretKeysJson != null && !secretKeysJson.isBlank()) {
            JsonParser.parseString(secretKeysJson).getAsJsonArray()
                    .forEach(key -> secrets.add(StackFileSource.cleanKey(key.getAsString())));
        }
        return new EngineConfigSource(stackName, values, secrets);
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public Map<String, Object> namespace(String namespace) {
        var prefix = namespace + ":";
        var result = new LinkedHashMap<String, Object>();
        values.forEach((key, text) -> {
            if (key.startsWith(prefix)) {
                var value = decode(text);
                result.put(key.substring(prefix.length()), secretKeys.contains(key) ? markSecret(value) : value);
            }
        });
        return result;
    }

    /** A secret key's every leaf stays secret, also inside a structured value. */
    private static Object markSecret(Object value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), markSecret(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(markSecret(item)));
            return copy;
        }
        return value == null ? null : SecretValue.of(String.valueOf(value));
    }

    private static boolean looksStructured(String text) {
        var trimmed = text.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static Object decode(String text) {
        if (!looksStructured(text)) {
            return text;
        }
        try {
            return toJava(JsonParser.parseString(text));
        } catch (JsonParseException e) {
            return text;
        }
    }

    private static Object toJava(JsonElement element) {
        if (element.isJsonNull()) {
            return null;
        }
        if (element instanceof JsonObject object) {
            var map = new LinkedHashMap<String, Object>();
            object.entrySet().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        if (element instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(item -> list.add(toJava(item)));
            return list;
        }
        var primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            var number = primitive.getAsBigDecimal();
            return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact() : (Object) number.doubleValue();
        }
        return primitive.getAsString();
    }
}
