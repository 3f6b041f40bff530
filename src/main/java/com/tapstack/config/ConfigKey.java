package com.tapstack.config;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One configuration key, declared once: its name, type, default, what is allowed and what it means. Readers read
 * through it, so the default a stack gets and the range an error names are the declared ones; {@code Pulumi.yaml}'s
 * {@code config:} block and docs/configuration.md are generated from the tables of keys ({@link KeyTable}); tests
 * check that the committed files equal what is generated and that every key reads and refuses as declared.
 */
public sealed interface ConfigKey {

    String name();

    /** The type as the docs name it: string, integer, boolean, number, list, mapping. */
    String type();

    /** The default as the docs write it; empty for a required key or one without a value when absent. */
    Optional<String> defaultText();

    /** What values are allowed, as error messages and the docs say it. */
    String allowed();

    /** One line: what the key does. */
    String meaning();

    /**
     * A whole number in {@code min..max}.
     *
     * @param derivedDefault the default when it depends on other keys (the reader computes it), as the docs say it
     * @param unit           appended to the range in messages and docs ("days", "seconds"), or empty
     * @param outOfRange     what an error says of a value outside the range
     */
    record IntKey(String name, int min, int max, Optional<Integer> defaultValue, Optional<String> derivedDefault,
                  String unit, Optional<String> dependentRange, String outOfRange, String meaning)
            implements ConfigKey {

        public static IntKey of(String name, int min, int max, int defaultValue, String meaning) {
            return new IntKey(name, min, max, Optional.of(defaultValue), Optional.empty(), "", Optional.empty(),
                    "is out of range", meaning);
        }

        /** No default: the stack must set it (or it is optional and read with {@link #optional}). */
        public static IntKey required(String name, int min, int max, String meaning) {
            return new IntKey(name, min, max, Optional.empty(), Optional.empty(), "", Optional.empty(),
                    "is out of range", meaning);
        }

        /** A default the reader derives from other keys, documented as {@code derivedDefault}. */
        public static IntKey derived(String name, int min, int max, String derivedDefault, String meaning) {
            return new IntKey(name, min, max, Optional.empty(), Optional.of(derivedDefault), "", Optional.empty(),
                    "is out of range", meaning);
        }

        public IntKey unit(String newUnit) {
            return new IntKey(name, min, max, defaultValue, derivedDefault, newUnit, dependentRange, outOfRange,
                    meaning);
        }

        public IntKey outOfRange(String problem) {
            return new IntKey(name, min, max, defaultValue, derivedDefault, unit, dependentRange, problem, meaning);
        }

        /**
         * The range depends on other keys (minCount up to maxCount, memory by cpu): the docs say {@code text}, and the
         * reader names the range it computes.
         */
        public IntKey dependentRange(String text) {
            return new IntKey(name, min, max, defaultValue, derivedDefault, unit, Optional.of(text), outOfRange,
                    meaning);
        }

        @Override
        public String type() {
            return "integer";
        }

        @Override
        public Optional<String> defaultText() {
            return defaultValue.map(String::valueOf).or(() -> derivedDefault);
        }

        @Override
        public String allowed() {
            return dependentRange.orElse(min + " to " + max + (unit.isEmpty() ? "" : " " + unit));
        }

        /** The value or its default; one config error when it is missing, not a whole number or out of range. */
        public int read(ConfigNode node) {
            return optional(node).or(() -> defaultValue).orElseThrow(() -> node.missing(name, allowed()));
        }

        /** The value when set (range-checked), else empty: for optional keys and derived defaults. */
        public Optional<Integer> optional(ConfigNode node) {
            var value = node.optionalInt(name, allowed());
            if (value.isPresent() && (value.get() < min || value.get() > max)) {
                throw node.invalid(name, outOfRange, allowed());
            }
            return value;
        }

        /** The value when set, within a range other keys narrow (minCount up to maxCount, say). */
        public Optional<Integer> optional(ConfigNode node, int low, int high) {
            var allowed = low + " to " + high + (unit.isEmpty() ? "" : " " + unit);
            var value = node.optionalInt(name, allowed);
            if (value.isPresent() && (value.get() < low || value.get() > high)) {
                throw node.invalid(name, outOfRange, allowed);
            }
            return value;
        }
    }

    /** A whole number from a fixed list (CloudWatch Logs' retention periods, Fargate's CPU sizes). */
    record IntChoiceKey(String name, List<Integer> values, Optional<Integer> defaultValue, String allowed,
                        String problem, String meaning) implements ConfigKey {

        public IntChoiceKey {
            values = List.copyOf(values);
        }

        /** Allowed values written as a comma-separated list. */
        public static IntChoiceKey of(String name, List<Integer> values, int defaultValue, String problem,
                                      String meaning) {
            return new IntChoiceKey(name, values, Optional.of(defaultValue),
                    values.stream().map(String::valueOf).collect(Collectors.joining(", ")), problem, meaning);
        }

        public IntChoiceKey allowed(String text) {
            return new IntChoiceKey(name, values, defaultValue, text, problem, meaning);
        }

        @Override
        public String type() {
            return "integer";
        }

        @Override
        public Optional<String> defaultText() {
            return defaultValue.map(String::valueOf);
        }

        public int read(ConfigNode node) {
            int value = node.optionalInt(name, allowed).or(() -> defaultValue)
                    .orElseThrow(() -> node.missing(name, allowed));
            if (!values.contains(value)) {
                throw node.invalid(name, problem, allowed);
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

    /**
     * Text; its reader checks what it may hold and names {@link #allowed()}.
     *
     * @param derivedDefault the default when the reader derives it from other keys, as the docs say it
     */
    record TextKey(String name, Optional<String> defaultValue, Optional<String> derivedDefault, String allowed,
                   String meaning) implements ConfigKey {

        public static TextKey of(String name, String defaultValue, String allowed, String meaning) {
            return new TextKey(name, Optional.of(defaultValue), Optional.empty(), allowed, meaning);
        }

        /** No default: required, or optional and read with {@link #optional}. */
        public static TextKey required(String name, String allowed, String meaning) {
            return new TextKey(name, Optional.empty(), Optional.empty(), allowed, meaning);
        }

        public static TextKey derived(String name, String derivedDefault, String allowed, String meaning) {
            return new TextKey(name, Optional.empty(), Optional.of(derivedDefault), allowed, meaning);
        }

        @Override
        public String type() {
            return "string";
        }

        @Override
        public Optional<String> defaultText() {
            return defaultValue.map(v -> v.isEmpty() ? "\"\"" : v).or(() -> derivedDefault);
        }

        public String read(ConfigNode node) {
            return optional(node).or(() -> defaultValue).orElseThrow(() -> node.missing(name, allowed));
        }

        public Optional<String> optional(ConfigNode node) {
            return node.optionalString(name, allowed);
        }
    }

    /** A value of a closed set, read into its enum ({@link Choice}). */
    record ChoiceKey<E extends Enum<E> & Choice>(String name, List<E> values, Optional<E> defaultValue,
                                                 Optional<String> derivedDefault, String problem, String meaning)
            implements ConfigKey {

        public ChoiceKey {
            values = List.copyOf(values);
        }

        public static <E extends Enum<E> & Choice> ChoiceKey<E> of(String name, Class<E> type, E defaultValue,
                                                                   String problem, String meaning) {
            return new ChoiceKey<>(name, Arrays.asList(type.getEnumConstants()), Optional.of(defaultValue),
                    Optional.empty(), problem, meaning);
        }

        public static <E extends Enum<E> & Choice> ChoiceKey<E> derived(String name, Class<E> type,
                                                                        String derivedDefault, String problem,
                                                                        String meaning) {
            return new ChoiceKey<>(name, Arrays.asList(type.getEnumConstants()), Optional.empty(),
                    Optional.of(derivedDefault), problem, meaning);
        }

        @Override
        public String type() {
            return "string";
        }

        @Override
        public Optional<String> defaultText() {
            return defaultValue.map(Choice::configValue).or(() -> derivedDefault);
        }

        @Override
        public String allowed() {
            var texts = values.stream().map(Choice::configValue).toList();
            return texts.size() == 2 ? texts.get(0) + " or " + texts.get(1) : String.join(", ", texts);
        }

        public E read(ConfigNode node) {
            return optional(node).or(() -> defaultValue).orElseThrow(() -> node.missing(name, allowed()));
        }

        public Optional<E> optional(ConfigNode node) {
            return node.optionalString(name, allowed()).map(text -> values.stream()
                    .filter(value -> value.configValue().equals(text)).findFirst()
                    .orElseThrow(() -> node.invalid(name, problem, allowed())));
        }
    }

    /** An enum whose constants are written in config as {@link #configValue()}. */
    interface Choice {
        /** The enum constant's name (every Choice is an enum). */
        String name();

        /**
         * As the stack file writes it: by default the constant's name in lower camel case (CLOUD_MAP is cloudMap,
         * OTEL is otel); an enum whose values AWS spells otherwise (X86_64, START) says so itself.
         */
        default String configValue() {
            var words = name().toLowerCase(java.util.Locale.ROOT).split("_");
            var value = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                value.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return value.toString();
        }
    }

    /** A decimal number in {@code min..max}. */
    record DecimalKey(String name, BigDecimal min, BigDecimal max, Optional<BigDecimal> defaultValue,
                      Optional<String> allowedText, String meaning) implements ConfigKey {

        public static DecimalKey of(String name, double min, double max, double defaultValue, String meaning) {
            return new DecimalKey(name, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                    Optional.of(BigDecimal.valueOf(defaultValue)), Optional.empty(), meaning);
        }

        /** What is allowed when it is more than a range (steps, say), as messages and docs say it. */
        public DecimalKey allowed(String text) {
            return new DecimalKey(name, min, max, defaultValue, Optional.of(text), meaning);
        }

        @Override
        public String type() {
            return "number";
        }

        @Override
        public Optional<String> defaultText() {
            return defaultValue.map(DecimalKey::plain);
        }

        @Override
        public String allowed() {
            return allowedText.orElse("a number from " + plain(min) + " to " + plain(max));
        }

        public BigDecimal read(ConfigNode node) {
            var value = node.optionalDecimal(name, allowed()).or(() -> defaultValue)
                    .orElseThrow(() -> node.missing(name, allowed()));
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw node.invalid(name, "is out of range", allowed());
            }
            return value;
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /** A list of strings; its reader checks each element and names {@link #allowed()}. */
    record ListKey(String name, List<String> defaultValue, Optional<String> derivedDefault, String allowed,
                   String meaning) implements ConfigKey {

        public ListKey {
            defaultValue = List.copyOf(defaultValue);
        }

        public static ListKey of(String name, List<String> defaultValue, String allowed, String meaning) {
            return new ListKey(name, defaultValue, Optional.empty(), allowed, meaning);
        }

        public static ListKey derived(String name, String derivedDefault, String allowed, String meaning) {
            return new ListKey(name, List.of(), Optional.of(derivedDefault), allowed, meaning);
        }

        @Override
        public String type() {
            return "list";
        }

        @Override
        public Optional<String> defaultText() {
            return derivedDefault.or(() -> Optional.of("[" + String.join(", ", defaultValue) + "]"));
        }

        /** The list, or its default when the key is absent. */
        public List<String> read(ConfigNode node) {
            return node.has(name) ? node.stringList(name, allowed) : defaultValue;
        }
    }

    /**
     * A mapping or a list of mappings, read by its own reader: {@code fields} when its entries are keys of their
     * own (a service, tap:database), {@code defaultText} as the docs say it ("off", "{}").
     */
    record Structured(String name, String type, Optional<String> defaultText, String allowed, String meaning,
                      Optional<KeyTable> fields) implements ConfigKey {

        public static Structured of(String name, String type, String defaultText, String allowed, String meaning) {
            return new Structured(name, type, Optional.of(defaultText), allowed, meaning, Optional.empty());
        }

        /** A value that must be set, read by its own reader (a service's image). */
        public static Structured required(String name, String type, String allowed, String meaning,
                                          KeyTable fields) {
            return new Structured(name, type, Optional.empty(), allowed, meaning, Optional.of(fields));
        }

        /** A list of mappings, each with the keys of {@code fields}. */
        public static Structured list(String name, String allowed, String meaning, KeyTable fields) {
            return new Structured(name, LIST, Optional.of("[]"), allowed, meaning, Optional.of(fields));
        }

        /** The type of a list of mappings. */
        public static final String LIST = "list of mappings";

        /** A mapping whose fields are the keys of {@code fields}. */
        public static Structured table(String name, String defaultText, String meaning, KeyTable fields) {
            return new Structured(name, "mapping", Optional.of(defaultText), fields.summary(), meaning,
                    Optional.of(fields));
        }

        /** A mapping of names to entries, each with the keys of {@code fields} (tap:services). */
        public static Structured entries(String name, String defaultText, String allowed, String meaning,
                                         KeyTable fields) {
            return new Structured(name, ENTRIES, Optional.of(defaultText), allowed, meaning, Optional.of(fields));
        }

        /** The type of a mapping of names to entries. */
        public static final String ENTRIES = "mapping of names";

        /** The entry's node when present, or empty for a block that is off. */
        public Optional<ConfigNode> optional(ConfigNode parent) {
            var node = parent.optionalObject(name, allowed);
            if (type.equals("mapping")) {
                node.ifPresent(n -> fields.ifPresent(table -> n.rejectUnknownFields(table.names())));
            }
            return node;
        }
    }

    /** Joins names for messages: "a", "a or b", "a, b or c". */
    static String joinOr(List<String> texts) {
        if (texts.size() <= 1) {
            return String.join("", texts);
        }
        return texts.subList(0, texts.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + texts.get(texts.size() - 1);
    }
}
