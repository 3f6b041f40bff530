package com.tapstack.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the text the Pulumi CLI hands the program for one config key into the loader's raw value: structured
 * values (JSON text of a mapping or list) are parsed, scalars stay text, and a secret key's every leaf becomes a
 * {@link SecretValue}. Both sources, the engine's {@code PULUMI_CONFIG} and the stack file read offline, go
 * through this one decoding, so they cannot read a value differently.
 */
final class ConfigText {

    private ConfigText() {
    }

    static Object decode(String text, boolean secret) {
        var value = structured(text);
        return secret ? markSecret(value) : value;
    }

    private static Object structured(String text) {
        var trimmed = text.trim();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return text;
        }
        try {
            return toJava(JsonParser.parseString(text));
        } catch (JsonParseException | IllegalStateException e) {
            return text;
        }
    }

    /** A secret key's every leaf stays secret, also inside a structured value (Pulumi marks the whole key). */
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
        if (value == null) {
            return null;
        }
        return CliConfig.encrypted(String.valueOf(value)).orElseGet(() -> SecretValue.of(String.valueOf(value)));
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
            return number(primitive.getAsBigDecimal());
        }
        return primitive.getAsString();
    }

    /** A whole number that fits a long is a Long; anything else a Double (1e+21 included). */
    private static Object number(BigDecimal number) {
        var whole = number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
        if (whole && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return number.longValueExact();
        }
        return number.doubleValue();
    }
}
