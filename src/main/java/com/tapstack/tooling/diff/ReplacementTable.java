package com.tapstack.tooling.diff;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which input changes replace a resource, per resource type: {@code replacements.yaml} next to this class, taken
 * from the provider's schema (the ForceNew / RequiresReplace attributes of the terraform-provider-aws version
 * pulumi-aws 6.83 bridges; the file's header says which and how). It also says, per type, what a replacement or
 * deletion loses and whether a second resource of the same name can exist, which the hazards need.
 */
final class ReplacementTable {

    static final String RESOURCE = "replacements.yaml";

    /**
     * A replacement that happens only under a condition: unless an input of the head has a value (ECS services with
     * forceNewDeployment); only when the input appears or disappears rather than changes value (a security group
     * rule that switches from a CIDR to a referenced group); only when a list goes from empty to non-empty or back;
     * only from one value to another (an SSM parameter's tier from Advanced to Standard).
     */
    record Conditional(String path, Optional<String> unlessInput, Object unlessEquals, boolean presenceOnly,
                       boolean emptinessOnly, Optional<Object> from, Optional<Object> to, String reason) {

        boolean replaces(PropertyChange change, Map<String, Object> baseInputs, Map<String, Object> headInputs) {
            if (!change.path().within(path)) {
                return false;
            }
            if (unlessInput.isPresent() && Values.sameScalar(headInputs.get(unlessInput.get()), unlessEquals)) {
                return false;
            }
            if (emptinessOnly && Values.isEmpty(baseInputs.get(path)) == Values.isEmpty(headInputs.get(path))) {
                return false;
            }
            if (from.isPresent() && !Values.sameScalar(change.before(), from.get())
                    || to.isPresent() && !Values.sameScalar(change.after(), to.get())) {
                return false;
            }
            return !presenceOnly || change.kind() != PropertyChange.Kind.CHANGED;
        }
    }

    /**
     * A change the provider makes in place but AWS refuses on a live resource: always, unless an input of the head
     * says otherwise, or only when a resource of another type is replaced in the same update.
     */
    record InPlaceFailure(String path, String reason, String source, Optional<String> unlessInput,
                          Object unlessEquals, Optional<String> whenReplaced, boolean majorVersionOnly) {

        /** Whether the change fails: a version change only when its major part (before the first dot) moves. */
        boolean fails(PropertyChange change) {
            if (!majorVersionOnly) {
                return true;
            }
            return !(change.before() instanceof String a && change.after() instanceof String b)
                    || !a.split("\\.")[0].equals(b.split("\\.")[0]);
        }
    }

    /** What AWS does when a second resource asks for a name a live one holds. */
    enum SameName {
        /** Nothing to fear: no name, or names that may repeat (task definition families take revisions). */
        ALLOWED,
        /** The create fails: the name is taken. */
        REFUSED,
        /** The create succeeds on the live resource (a put of the same name), and the old one's delete removes it. */
        OVERWRITTEN
    }

    record TypeRules(String type, String terraform, String source, Optional<String> physicalName, SameName sameName,
                     Optional<String> uniqueWithin, boolean global, Optional<String> keeps, List<String> replaceOn,
                     List<Conditional> conditional, List<InPlaceFailure> failsInPlace) {

        boolean nameUnique() {
            return sameName != SameName.ALLOWED;
        }

        /** Whether a change replaces the resource, given the head's inputs. */
        boolean replaces(PropertyChange change, Map<String, Object> baseInputs, Map<String, Object> headInputs) {
            if (replaceOn.stream().anyMatch(change.path()::within)) {
                return true;
            }
            return conditional.stream().anyMatch(c -> c.replaces(change, baseInputs, headInputs));
        }
    }

    private final Map<String, TypeRules> types;
    private final Map<String, Object> provenance;

    private ReplacementTable(Map<String, TypeRules> types, Map<String, Object> provenance) {
        this.types = Map.copyOf(types);
        this.provenance = Map.copyOf(provenance);
    }

    private static final class Holder {
        static final ReplacementTable TABLE = load();
    }

    static ReplacementTable shipped() {
        return Holder.TABLE;
    }

    Optional<TypeRules> rules(String type) {
        return Optional.ofNullable(types.get(type));
    }

    java.util.Set<String> types() {
        return new java.util.TreeSet<>(types.keySet());
    }

    /** The versions the table was taken from ({@code provider:} in the file). */
    Map<String, Object> provenance() {
        return provenance;
    }

    @SuppressWarnings("unchecked")
    private static ReplacementTable load() {
        try (InputStream in = ReplacementTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            var provenance = (Map<String, Object>) root.get("provider");
            var types = new LinkedHashMap<String, TypeRules>();
            ((Map<String, Map<String, Object>>) root.get("types")).forEach((type, entry) ->
                    types.put(type, rules(type, entry)));
            return new ReplacementTable(types, provenance);
        } catch (IOException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException(RESOURCE + " is malformed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static TypeRules rules(String type, Map<String, Object> entry) {
        var conditional = ((List<Map<String, Object>>) entry.getOrDefault("conditional", List.of())).stream()
                .map(c -> {
                    var unless = (Map<String, Object>) c.getOrDefault("unless", Map.of());
                    return new Conditional((String) c.get("path"), Optional.ofNullable((String) unless.get("input")),
                            unless.get("equals"), Boolean.TRUE.equals(c.get("presenceOnly")),
                            Boolean.TRUE.equals(c.get("emptinessOnly")), Optional.ofNullable(c.get("from")),
                            Optional.ofNullable(c.get("to")), (String) c.get("reason"));
                })
                .toList();
        var failures = ((List<Map<String, Object>>) entry.getOrDefault("failsInPlace", List.of())).stream()
                .map(f -> {
                    var unless = (Map<String, Object>) f.getOrDefault("unless", Map.of());
                    return new InPlaceFailure((String) f.get("path"), (String) f.get("reason"), (String) f.get("source"),
                            Optional.ofNullable((String) unless.get("input")), unless.get("equals"),
                            Optional.ofNullable((String) f.get("whenReplaced")),
                            Boolean.TRUE.equals(f.get("majorVersionOnly")));
                })
                .toList();
        var sameName = SameName.valueOf(String.valueOf(entry.getOrDefault("sameName", "allowed"))
                .toUpperCase(java.util.Locale.ROOT));
        if (sameName != SameName.ALLOWED && entry.get("physicalName") == null) {
            throw new IllegalStateException(RESOURCE + ": " + type + " has sameName without physicalName");
        }
        return new TypeRules(type, (String) entry.get("terraform"), (String) entry.get("source"),
                Optional.ofNullable((String) entry.get("physicalName")), sameName,
                Optional.ofNullable((String) entry.get("uniqueWithin")), Boolean.TRUE.equals(entry.get("global")),
                Optional.ofNullable((String) entry.get("keeps")),
                List.copyOf((List<String>) entry.getOrDefault("replaceOn", List.of())), conditional, failures);
    }
}
