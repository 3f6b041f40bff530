package com.tapstack.tooling.offline;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plain data (strings, numbers, booleans, nulls, lists and maps of them) between Java and the engine's wire
 * format, converted directly: the same values the SDK's {@code Deserializer} and {@code Serializer} produce for
 * such data (pulumi-java 1.36.1, {@code com.pulumi.serialization.internal}, read), without their futures,
 * streams and per-property debug strings, which made up a fifth of a warm offline plan's JFR samples.
 *
 * <p>Anything else (a secret, asset, archive, resource reference or output value, all marked by the special
 * signature key; the unknown-value sentinel; a Java type other than the plain ones) is {@link #NOT_PLAIN}, and the
 * caller hands it to the SDK. The offline engine alone uses this; {@code pulumi up} never does.
 * {@code PlainWireTest} holds both paths equal over every value a full plan sends and receives.
 */
final class PlainWire {

    /** Returned when a value is not plain data: convert it with the SDK instead. */
    static final Object NOT_PLAIN = new Object() {
        @Override
        public String toString() {
            return "[not plain]";
        }
    };

    private PlainWire() {
    }

    /**
     * A wire value as the SDK's {@code Deserializer.deserialize} returns it for plain data: numbers as Double,
     * lists unmodifiable (nulls kept), maps immutable without {@code __}-prefixed keys or null values. Otherwise
     * {@link #NOT_PLAIN}.
     */
    static Object fromWire(Value value) {
        switch (value.getKindCase()) {
            case NULL_VALUE:
                return null;
            case NUMBER_VALUE:
                return value.getNumberValue();
            case BOOL_VALUE:
                return value.getBoolValue();
            case STRING_VALUE:
                var text = value.getStringValue();
                return Constants.UnknownValue.equals(text) ? NOT_PLAIN : text;
            case LIST_VALUE:
                return fromWire(value.getListValue());
            case STRUCT_VALUE:
                return fromWire(value.getStructValue());
            default:
                return NOT_PLAIN;
        }
    }

    /** {@link #fromWire(Value)} of each field, in the fields' order. */
    static Map<String, Object> fromWire(Map<String, Value> fields) {
        var plain = new LinkedHashMap<String, Object>();
        fields.forEach((key, value) -> plain.put(key, fromWire(value)));
        return plain;
    }

    private static Object fromWire(ListValue list) {
        var items = new ArrayList<Object>(list.getValuesCount());
        for (var item : list.getValuesList()) {
            var plain = fromWire(item);
            if (plain == NOT_PLAIN) {
                return NOT_PLAIN;
            }
            items.add(plain);
        }
        return Collections.unmodifiableList(items);
    }

    private static Object fromWire(Struct struct) {
        if (struct.containsFields(Constants.SpecialSigKey)) {
            return NOT_PLAIN;
        }
        var fields = new HashMap<String, Object>();
        for (var field : struct.getFieldsMap().entrySet()) {
            // The SDK skips the engine's internal properties and, as most collections cannot hold it, null.
            if (field.getKey().startsWith("__")) {
                continue;
            }
            var plain = fromWire(field.getValue());
            if (plain == NOT_PLAIN) {
                return NOT_PLAIN;
            }
            if (plain != null) {
                fields.put(field.getKey(), plain);
            }
        }
        return ImmutableMap.copyOf(fields);
    }

    /**
     * A Java value as the SDK's {@code Serializer.serializeAsync} followed by {@code createValue} puts it on the
     * wire, for null, Boolean, Integer, Double, String, Optional and lists and string-keyed maps of them (map
     * entries whose value is null are left out, map keys are sorted). Otherwise {@link #NOT_PLAIN}; a Long, for
     * one, is not a type the SDK serializes.
     */
    static Object toWire(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (value instanceof Integer || value instanceof Double) {
            return Value.newBuilder().setNumberValue(((Number) value).doubleValue()).build();
        }
        if (value instanceof String text) {
            return Value.newBuilder().setStringValue(text).build();
        }
        if (value instanceof Optional<?> optional) {
            return toWire(optional.orElse(null));
        }
        if (value instanceof List<?> list) {
            var items = ListValue.newBuilder();
            for (var item : list) {
                var wire = toWire(item);
                if (wire == NOT_PLAIN) {
                    return NOT_PLAIN;
                }
                items.addValues((Value) wire);
            }
            return Value.newBuilder().setListValue(items).build();
        }
        if (value instanceof Map<?, ?> map) {
            var struct = structOf(map);
            return struct == NOT_PLAIN ? NOT_PLAIN : Value.newBuilder().setStructValue((Struct) struct).build();
        }
        return NOT_PLAIN;
    }

    /** A string-keyed map of plain values as a wire Struct (see {@link #toWire}), or {@link #NOT_PLAIN}. */
    static Object structOf(Map<?, ?> map) {
        var sorted = new TreeMap<String, Value>();
        for (var entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                return NOT_PLAIN;
            }
            Object item = entry.getValue();
            while (item instanceof Optional<?> optional) {
                item = optional.orElse(null);
            }
            if (item == null) {
                continue;
            }
            var wire = toWire(item);
            if (wire == NOT_PLAIN) {
                return NOT_PLAIN;
            }
            sorted.put(key, (Value) wire);
        }
        return Struct.newBuilder().putAllFields(sorted).build();
    }
}
