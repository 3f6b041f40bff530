package com.tapstack.tooling.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.annotations.Import;
import com.tapstack.support.Fixtures;
import com.tapstack.support.Reference;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The replacement table against the code and the provider: every resource type a plan of ours contains has an
 * entry (a fork that adds a type is told here to add it), and every input path the table names exists in
 * pulumi-aws 6.83's own input classes, so a misspelt path cannot silently never match.
 */
class ReplacementTableTest {

    static final ReplacementTable TABLE = ReplacementTable.shipped();

    static Stream<Plan> plans() {
        return Stream.of(Reference.plan("dev"), Reference.plan("prod"), Fixtures.plan(Fixtures.SMALL),
                Fixtures.plan(Fixtures.FULL));
    }

    @Test
    void everyTypeOurPlansContainIsInTheTable() {
        var missing = new TreeSet<String>();
        plans().flatMap(p -> p.customResources().stream()).map(PlannedResource::type)
                .filter(t -> TABLE.rules(t).isEmpty()).forEach(missing::add);
        assertThat(missing).as("resource types without an entry in src/main/resources/com/tapstack/tooling/diff/"
                + ReplacementTable.RESOURCE + ": add each, with its replace-on-change inputs from the provider's"
                + " schema").isEmpty();
    }

    @Test
    void theTableSaysWhereItCameFrom() {
        assertThat(TABLE.provenance()).containsKeys("pulumiAws", "terraformProviderAws");
        assertThat(TABLE.provenance().get("pulumiAws")).hasToString("6.83.0");
        TABLE.types().forEach(type -> assertThat(TABLE.rules(type).orElseThrow().source()).as(type).isNotBlank());
    }

    @Test
    void everyPathInTheTableIsAnInputOfTheProvidersArgsClass() throws Exception {
        var wrong = new ArrayList<String>();
        for (var type : TABLE.types()) {
            if (!type.startsWith("aws:")) {
                continue;
            }
            var rules = TABLE.rules(type).orElseThrow();
            var args = argsClass(type);
            var paths = new ArrayList<String>(rules.replaceOn());
            rules.conditional().forEach(c -> {
                paths.add(c.path());
                c.unlessInput().ifPresent(paths::add);
            });
            rules.failsInPlace().forEach(f -> {
                paths.add(f.path());
                f.unlessInput().ifPresent(paths::add);
            });
            rules.physicalName().ifPresent(paths::add);
            rules.uniqueWithin().ifPresent(paths::add);
            for (var path : paths) {
                if (!resolves(args, PropertyPath.parse(path))) {
                    wrong.add(type + ": " + path);
                }
            }
        }
        assertThat(wrong).as("paths that are not inputs in pulumi-aws 6.83").isEmpty();
    }

    @Test
    void theResolverRefusesWhatIsNotThere() throws Exception {
        var service = argsClass("aws:ecs/service:Service");
        assertThat(resolves(service, PropertyPath.parse("loadBalancers[*].containerName"))).isTrue();
        assertThat(resolves(service, PropertyPath.parse("networkConfiguration.subnets"))).isTrue();
        assertThat(resolves(service, PropertyPath.parse("loadBalancer"))).isFalse();
        assertThat(resolves(service, PropertyPath.parse("cluster.name"))).isFalse();
        assertThat(resolves(service, PropertyPath.parse("networkConfiguration[*].subnets"))).isFalse();
    }

    /** {@code aws:ecs/service:Service} is {@code com.pulumi.aws.ecs.ServiceArgs}. */
    static Class<?> argsClass(String type) throws ClassNotFoundException {
        var module = type.substring(type.indexOf(':') + 1, type.indexOf('/'));
        var name = type.substring(type.lastIndexOf(':') + 1);
        return Class.forName("com.pulumi.aws." + module + "." + name + "Args");
    }

    static boolean resolves(Type type, List<String> parts) {
        if (parts.isEmpty()) {
            return true;
        }
        var part = parts.get(0);
        var rest = parts.subList(1, parts.size());
        var raw = raw(type);
        if (part.equals("[*]") || part.matches("\\d+")) {
            return raw.filter(List.class::equals).isPresent() && resolves(argument(type, 0), rest);
        }
        if (raw.filter(Map.class::equals).isPresent()) {
            return resolves(argument(type, 1), rest);
        }
        if (raw.isEmpty() || !com.pulumi.resources.ResourceArgs.class.isAssignableFrom(raw.get())) {
            return false;
        }
        for (var field : raw.get().getDeclaredFields()) {
            var imported = field.getAnnotation(Import.class);
            if (imported != null && imported.name().equals(part)) {
                // Fields are Output<T>: the input's own type is T.
                return resolves(argument(field.getGenericType(), 0), rest);
            }
        }
        return false;
    }

    static Optional<Class<?>> raw(Type type) {
        if (type instanceof Class<?> c) {
            return Optional.of(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return Optional.of(c);
        }
        return Optional.empty();
    }

    static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
