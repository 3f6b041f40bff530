package com.tapstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigKey.BoolKey;
import com.tapstack.config.ConfigKey.ChoiceKey;
import com.tapstack.config.ConfigKey.DecimalKey;
import com.tapstack.config.ConfigKey.IntChoiceKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.stack.ConfigLoader;
import com.tapstack.stack.StackConfig;
import com.tapstack.stack.StackKeys;
import com.tapstack.tooling.docs.ConfigReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key of every table reads as it is declared: a stack that sets each key to its declared default loads into
 * exactly the configuration of a stack that leaves it out, and a value outside its declared range or set is
 * refused with one message naming the key and the declared allowed values. So the one declaration is what the
 * reader does, and the generated docs and Pulumi.yaml (made from the same declarations) say what it does.
 */
class KeyTablesTest {

    private static final String PROJECT = "keys";
    private static final String IMAGE = "111122223333.dkr.ecr.us-east-1.amazonaws.com/app@sha256:"
            + "1111111111111111111111111111111111111111111111111111111111111111";

    /**
     * Where a table's keys live in a stack file: {@code stackWith} puts the given keys of the table into the least
     * stack that reads the table; {@code skipped} are keys this context refuses whatever their value.
     */
    private record Place(String table, java.util.function.Function<Map<String, Object>, Map<String, Object>> stackWith,
                         java.util.Set<String> skipped) {
        Place(String table, java.util.function.Function<Map<String, Object>, Map<String, Object>> stackWith) {
            this(table, stackWith, java.util.Set.of());
        }
    }

    /** A public service for the load balancer's modules, and {@code svc}, whose keys the service tables set. */
    private static Map<String, Object> base(Map<String, Object> svc) {
        var values = new LinkedHashMap<String, Object>();
        values.put("aws:region", "us-east-1");
        values.put(PROJECT + ":environment", "dev");
        values.put(PROJECT + ":owner", "team");
        values.put(PROJECT + ":costCenter", "cc1");
        var service = new LinkedHashMap<String, Object>(Map.of("image", IMAGE));
        service.putAll(svc);
        values.put(PROJECT + ":services", Map.of("web", Map.of("image", IMAGE, "public", true, "port", 8080),
                "svc", service));
        return values;
    }

    private static Map<String, Object> withBlock(String block, Map<String, Object> content) {
        var values = base(Map.of());
        values.put(PROJECT + ":" + block, content);
        return values;
    }

    private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
        var all = new LinkedHashMap<String, Object>(a);
        all.putAll(b);
        return all;
    }

    /** Each table with defaults, in the least stack that reads it. */
    private static List<Place> places() {
        return List.of(
                new Place("<project>", keys -> {
                    var values = base(Map.of());
                    keys.forEach((key, value) -> values.put(PROJECT + ":" + key, value));
                    return values;
                }),
                new Place("<project>:services.<name>", keys -> base(keys)),
                new Place("<project>:services.<name>.healthCheck", keys -> base(Map.of("healthCheck", keys))),
                new Place("<project>:services.<name>.containerHealthCheck", keys -> base(Map.of("containerHealthCheck",
                        merged(Map.of("command", List.of("CMD", "true")), keys)))),
                new Place("<project>:services.<name>.serviceConnect", keys -> {
                    var values = base(Map.of("port", 9000, "serviceConnect", keys));
                    values.put(PROJECT + ":discovery", "serviceConnect");
                    return values;
                }),
                new Place("<project>:database", keys -> withBlock("database", keys), java.util.Set.of("multiAz")),
                // RDS's own keys, on RDS (Aurora refuses multiAz, even false; RDS refuses instances).
                new Place("<project>:database", keys -> withBlock("database",
                        merged(Map.of("engine", "postgres"), keys)), java.util.Set.of("instances", "engine",
                        "instanceClass", "serverless")),
                new Place("<project>:database.serverless",
                        keys -> withBlock("database", Map.of("serverless", keys))),
                new Place("<project>:waf", keys -> withBlock("waf", keys)),
                new Place("<project>:endpoints", keys -> withBlock("endpoints", keys)),
                new Place("<project>:albLogs", keys -> withBlock("albLogs", keys)),
                new Place("<project>:alarms", keys -> withBlock("alarms", keys)),
                new Place("<project>:costAssumptions", keys -> withBlock("costAssumptions", keys)));
    }

    /** Tables without defaults, for the hostile values only: each needs keys of its own to be valid. */
    private static List<Place> placesWithoutDefaults() {
        return List.of(
                new Place("<project>:https", keys -> withBlock("https", keys)),
                new Place("<project>:dns", keys -> withBlock("dns", keys)),
                new Place("<project>:parameters.<NAME>", keys -> withBlock("parameters", Map.of("P", keys))),
                new Place("<project>:services.<name>.secrets.<VARIABLE>", keys -> base(Map.of("secrets",
                        Map.of("S", keys)))),
                new Place("<project>:services.<name>.permissions[i]", keys -> base(Map.of("permissions",
                        List.of(keys)))),
                new Place("<project>:services.<name>.image", keys -> base(Map.of("image", keys))),
                new Place("<project>:checkSuppressions[i]", keys -> {
                    var values = base(Map.of());
                    values.put(PROJECT + ":checkSuppressions", List.of(keys));
                    return values;
                }));
    }

    /** Values of every kind, including what no key takes: nothing of it may end in anything but one line. */
    private static final List<Object> HOSTILE = java.util.Arrays.asList(null, "", "x", 0, -1, 1.5, true,
            List.of(), Map.of(), java.util.Collections.singletonList(null), java.util.Collections.singletonMap("a",
                    null), "a".repeat(300), "\u0000\n");

    static Stream<Arguments> everyKeyWithEveryKindOfValue() {
        var rows = new ArrayList<Arguments>();
        var all = new ArrayList<Place>(places());
        all.addAll(placesWithoutDefaults());
        for (var place : all) {
            for (var key : table(place.table()).keys()) {
                for (int v = 0; v < HOSTILE.size(); v++) {
                    rows.add(Arguments.of(place.table(), key.name(), v, all.indexOf(place)));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}.{1}: value {2}")
    @MethodSource("everyKeyWithEveryKindOfValue")
    void anyValueOfAnyKeyLoadsOrEndsInOneLineNamingIt(String table, String key, int value, int place) {
        var all = new ArrayList<Place>(places());
        all.addAll(placesWithoutDefaults());
        var values = new LinkedHashMap<String, Object>();
        values.put(key, HOSTILE.get(value));

        try {
            load(all.get(place).stackWith().apply(values));
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith("Pulumi.dev.yaml: ").contains("allowed: ")
                    .hasSizeLessThan(2000);
        }
    }

    private static StackConfig load(Map<String, Object> values) {
        var project = new ProjectFile(PROJECT, Map.of());
        return ConfigLoader.load(StackFileSource.of(project, "Pulumi.dev.yaml", values), PROJECT);
    }

    private static KeyTable table(String path) {
        return ConfigReference.tables().stream().filter(t -> t.path().equals(path)).findFirst().orElseThrow();
    }

    /** The declared default as the stack file would write it; empty for keys without a literal default. */
    private static java.util.Optional<Object> declaredDefault(ConfigKey key) {
        if (key instanceof IntKey k) {
            return k.defaultValue().map(v -> v);
        }
        if (key instanceof IntChoiceKey k) {
            return k.defaultValue().map(v -> v);
        }
        if (key instanceof BoolKey k) {
            return k.defaultValue().map(v -> v);
        }
        if (key instanceof TextKey k) {
            return k.defaultValue().map(v -> v);
        }
        if (key instanceof ChoiceKey<?> k) {
            return k.defaultValue().map(ConfigKey.Choice::configValue);
        }
        if (key instanceof DecimalKey k) {
            return k.defaultValue().map(v -> v);
        }
        if (key instanceof ListKey k && k.derivedDefault().isEmpty()) {
            return java.util.Optional.of(k.defaultValue());
        }
        return java.util.Optional.empty();
    }

    static Stream<Arguments> keysWithDefaults() {
        var rows = new ArrayList<Arguments>();
        var places = places();
        for (int i = 0; i < places.size(); i++) {
            var place = places.get(i);
            for (var key : table(place.table()).keys()) {
                if (!place.skipped().contains(key.name())) {
                    int index = i;
                    declaredDefault(key).ifPresent(value -> rows.add(Arguments.of(place.table(), key.name(), value,
                            index)));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}.{1}: {2}")
    @MethodSource("keysWithDefaults")
    void aKeySetToItsDeclaredDefaultLoadsAsIfItWereAbsent(String table, String key, Object value, int place) {
        var context = places().get(place).stackWith();

        assertThat(load(context.apply(Map.of(key, value))))
                .isEqualTo(load(context.apply(Map.of())));
    }

    static Stream<Arguments> keysWithRanges() {
        var rows = new ArrayList<Arguments>();
        var places = places();
        for (int i = 0; i < places.size(); i++) {
            var place = places.get(i);
            for (var key : table(place.table()).keys()) {
                if (place.skipped().contains(key.name())) {
                    continue;
                }
                if (key instanceof IntKey k && k.dependentRange().isEmpty() && k.max() < Integer.MAX_VALUE) {
                    rows.add(Arguments.of(place.table(), key.name(), k.max() + 1, k.allowed(), i));
                } else if (key instanceof IntChoiceKey k) {
                    rows.add(Arguments.of(place.table(), key.name(), k.values().get(0) + 1, k.allowed(), i));
                } else if (key instanceof ChoiceKey<?> k) {
                    rows.add(Arguments.of(place.table(), key.name(), "bogus", k.allowed(), i));
                } else if (key instanceof DecimalKey k) {
                    rows.add(Arguments.of(place.table(), key.name(), k.max().add(java.math.BigDecimal.ONE)
                            .stripTrailingZeros().toPlainString(), k.allowed(), i));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}.{1}: {2}")
    @MethodSource("keysWithRanges")
    void aValueOutsideTheDeclaredRangeIsRefusedWithTheDeclaredAllowedValues(String table, String key, Object value,
                                                                              String allowed, int place) {
        var context = places().get(place).stackWith();

        assertThatThrownBy(() -> load(context.apply(Map.of(key, value))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key + ": ")
                .hasMessageContaining(String.valueOf(value))
                .hasMessageEndingWith("allowed: " + allowed);
    }

    @Test
    void everyReaderRefusesTheKeysItsTableDoesNotDeclare() {
        for (var place : places()) {
            assertThatThrownBy(() -> load(place.stackWith().apply(Map.of("notAKey", 1)))).as(place.table())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("notAKey: is not a known key");
        }
    }

    @Test
    void theProjectTableListsEveryKeyTheLoaderAccepts() {
        assertThat(StackKeys.PROJECT.names()).isEqualTo(ConfigLoader.KNOWN_KEYS);
        assertThat(places()).extracting(Place::table).allSatisfy(path -> assertThat(ConfigReference.tables())
                .extracting(KeyTable::path).contains(path));
    }
}
