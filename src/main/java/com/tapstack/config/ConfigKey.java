package com.tapstack.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One configuration key, declared once: its name, type, default, what is allowed and what it means. The readers
 * read through it (so the default and the range in a message are the declared ones), {@code Pulumi.yaml}'s
 * {@code config:} block and docs/configuration.md are generated from the tables of keys ({@link KeyTable}), and
 * tests check the three agree.
 */
public sealed interface ConfigKey {

    String name();

    /** The type as Pulumi.yaml and the docs name it: string, integer, boolean, number, list, mapping. */
    String type();

    /** The default as written in the docs, if the key has one. */
    Optional<String> defaultText();

    /** What values are allowed, as error messages and the docs say it. */
    String allowed();

    /** One line: what the key does. */
    String meaning();

    /** A whole number in {@code min..max}. */
    record IntKey(String name, int min, int max, Optional<Integer> defaultValue, String meaning) implements ConfigKey {
        public static IntKey of(String name, int min, int max, int defaultValue, String meaning) {
            return new IntKey(name, min, max, Optional.of(defaultValue), meaning);
        }

        public static IntKey required(String name, int min, int max, String meaning) {
            return new IntKey(name, min, max, Optional.empty(), meaning);
        }

        @Override
        public String type() {
            return "integer";
        }

        @Override
        public Optional<String> defaultText() {
            return defaultValue.map(String::valueOf);
        }

        @Override
        public String allowed() {
            return min + " to " + max;
        }

        /** The value, its default when absent, or one config error when missing or out of range. */
        public int read(ConfigNode node) {
            var value = optional(node).or(() -> defaultValue).orElseThrow(() -> node.missing(name, allowed()));
            return value;
        }

        /** The value when set (range-checked), else empty: for defaults that depend on other keys. */
        public Optional<Integer> optional(ConfigNode node) {
            return within(node, node.optionalInt(name, allowed()), min, max, allowed());
        }

        /** The value when set, checked against a range other keys narrow (minCount to maxCount, say). */
        public Optional<Integer> optional(ConfigNode node, int low, int high) {
            var allowed = low + " to " + high;
            return within(node, node.optionalInt(name, allowed), low, high, allowed);
        }

        private Optional<Integer> within(ConfigNode node, Optional<Integer> value, int low, int high, String allowed) {
            if (value.isPresent() && (value.get() < low || value.get() > high)) {
                throw node.invalid(name, "is out of range", allowed);
            }
            return value;
        }
    }

    /** true or false. */
    record BoolKey(String name, Optional<Boolean> defaultValue, String meaning) implements ConfigKey {
        public static BoolKey of(String name, boolean defaultValue, String meaning) {
            return new BoolKey(name, Optional.of(defaultValue), meaning);
        }

        @Override
        public String type() {
            return "boolean";
        }

        @Override
        public Optional<String> defaultText() {
            return defaultValue.map(String::valueOf);
        }

        @Override
        public String allowed() {
            return "true or false";
        }

        public boolean read(ConfigNode node) {
            return node.optionalBoolean(name).or(() -> defaultValue).orElseThrow(() -> node.missing(name, allowed()));
        }
    }

    /** Text; what it may hold is checked by its reader, which names {@link #allowed()}. */
    record TextKey(String name, Optional<String> defaultValue, String allowed, String meaning) implements ConfigKey {
        public static TextKey of(String name, String defaultValue, String allowed, String meaning) {
            return new TextKey(name, Optional.of(defaultValue), allowed, meaning);
        }

        public static TextKey required(String name, String allowed, String meaning) {
            return new TextKey(name, Optional.empty(), allowed, meaning);
        }

        public static TextKey optional(String name, String allowed, String meaning) {
            return new TextKey(name, Optional.empty(), allowed, meaning);
        }

        @Override
        public String type() {
            return "string";
        }

        @Override
        public Optional<String> defaultText() {
            return defaultValue.map(v -> v.isEmpty() ? "\"\"" : v);
        }

        public String read(ConfigNode node) {
            return node.optionalString(name, allowed).or(() -> defaultValue)
                    .orElseThrow(() -> node.missing(name, allowed));
        }

        public Optional<String> optional(ConfigNode node) {
            return node.optionalString(name, allowed);
        }
    }

    /** A decimal number in {@code min..max}. */
    record DecimalKey(String name, BigDecimal min, BigDecimal max, Optional<BigDecimal> defaultValue, String meaning)
            implements ConfigKey {
        public static DecimalKey of(String name, double min, double max, double defaultValue, String meaning) {
            return new DecimalKey(name, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                    Optional.of(BigDecimal.valueOf(defaultValue)), meaning);
        }

        @Override
        public String type() {
            return "number";
        }

        @Override
        public Optional<String> defaultText() {
            return defaultValue.map(BigDecimal::stripTrailingZeros).map(BigDecimal::toPlainString);
        }

        @Override
        public String allowed() {
            return "a number from " + min.stripTrailingZeros().toPlainString() + " to "
                    + max.stripTrailingZeros().toPlainString();
        }

        public BigDecimal read(ConfigNode node) {
            var value = node.optionalDecimal(name, allowed()).or(() -> defaultValue)
                    .orElseThrow(() -> node.missing(name, allowed()));
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw node.invalid(name, "is out of range", allowed());
            }
            return value;
        }
    }

    /**
     * A list or a mapping, read by its own reader; {@code fields} when its entries are themselves keys
     * (tap:database's, a service's), {@code defaultText} as the docs say it (e.g. "off", "{}").
     */
    record Structured(String name, String type, Optional<String> defaultText, String allowed, String meaning,
                      Optional<KeyTable> fields) implements ConfigKey {
        public static Structured of(String name, String type, String defaultText, String allowed, String meaning) {
            return new Structured(name, type, Optional.of(defaultText), allowed, meaning, Optional.empty());
        }

        public static Structured table(String name, String type, String defaultText, String meaning, KeyTable fields) {
            return new Structured(name, type, Optional.of(defaultText), fields.summary(), meaning, Optional.of(fields));
        }
    }

    /** The names of a list of keys, for {@link ConfigNode#rejectUnknownFields}. */
    static List<String> names(List<? extends ConfigKey> keys) {
        return keys.stream().map(ConfigKey::name).toList();
    }
}
