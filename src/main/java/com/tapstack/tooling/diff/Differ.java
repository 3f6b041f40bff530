package com.tapstack.tooling.diff;

import com.tapstack.config.ConfigException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a base deployment with a head plan the way {@code pulumi preview} does, offline: resources matched by
 * URN; in the head's dependency order each input is compared with what the base recorded, after the base's real
 * ids are put in ({@link IdTranslation}) and with the inputs made from a created or replaced resource taken as
 * known only after the update (Pulumi's preview shows those as {@code output<T>}, and a replacement of the VPC
 * thereby reaches every subnet, route and security group made from its id). Whether a changed input replaces the
 * resource comes from the {@link ReplacementTable}; the hazards from {@link Hazards}.
 */
final class Differ {

    static final String PROVIDER_PREFIX = "pulumi:providers:";
    static final String PROVIDER_REPLACED = "its provider is replaced, and every resource with it";

    private final ReplacementTable table;
    private final Map<String, Action> actions = new HashMap<>();
    private final IdTranslation translation = new IdTranslation();
    private final Set<String> uncomparedSecrets = new TreeSet<>();
    private final List<String> ignoredNotes = new ArrayList<>();
    private Map<String, DeployedResource> headByUrn = Map.of();

    private Differ(ReplacementTable table) {
        this.table = table;
    }

    static DiffResult diff(Deployment base, Deployment head, ReplacementTable table) {
        requireSameStack(base, head);
        return new Differ(table).run(base, head);
    }

    private DiffResult run(Deployment base, Deployment head) {
        var baseByUrn = base.byUrn();
        headByUrn = head.byUrn();
        var changes = new ArrayList<Change>();
        var replacedProviders = new HashSet<String>();
        int unchanged = 0;
        // Ids first, from every resource on both sides: a policy can name an ARN of a resource planned after it.
        // A replaced resource's old ids do no harm: what depends on it is known only after the update anyway.
        for (var planned : head.resources()) {
            var deployed = baseByUrn.get(planned.urn());
            if (deployed != null && planned.custom() && !planned.type().startsWith(PROVIDER_PREFIX)) {
                translation.learn(deployed, planned);
            }
        }
        for (var planned : head.resources()) {
            var deployed = baseByUrn.get(planned.urn());
            if (!planned.custom()) {
                continue;
            }
            boolean provider = planned.type().startsWith(PROVIDER_PREFIX);
            if (deployed == null) {
                actions.put(planned.urn(), Action.CREATE);
                if (!provider) {
                    changes.add(new Change(planned.urn(), planned.type(), Action.CREATE, List.of(), List.of(),
                            List.of()));
                }
                continue;
            }
            var result = PropertyDiffer.diff(deployed.inputs(), effectiveInputs(planned), planned.ignoreChanges());
            result.uncomparedSecrets().forEach(path -> uncomparedSecrets.add(planned.name() + "." + path));
            var rules = table.rules(planned.type());
            var properties = result.changes().stream()
                    .map(c -> rules.isPresent() && rules.get().replaces(c, deployed.inputs(), planned.inputs()) ? c.replacing() : c)
                    .toList();
            boolean providerReplaced = planned.provider().map(p -> replacedProviders.contains(providerUrn(p)))
                    .orElse(false);
            Action action;
            if (properties.isEmpty() && !providerReplaced) {
                unchanged += provider ? 0 : 1;
                result.ignored().forEach(c -> ignoredNotes.add(planned.name() + "." + c.path() + ": "
                        + c.shownBefore() + " => " + c.shownAfter()));
                continue;
            } else if (providerReplaced || properties.stream().anyMatch(PropertyChange::replaces)) {
                action = Action.REPLACE;
            } else {
                action = Action.UPDATE;
            }
            actions.put(planned.urn(), action);
            if (provider) {
                // A provider's settings are not AWS resources; only its replacement (a new region) reaches them.
                if (action == Action.REPLACE) {
                    replacedProviders.add(planned.urn());
                } else {
                    continue;
                }
            }
            var notes = new ArrayList<String>();
            if (providerReplaced) {
                notes.add(PROVIDER_REPLACED);
            }
            result.ignored().forEach(c -> notes.add("ignored (ignoreChanges): " + c.path() + ": " + c.shownBefore()
                    + " => " + c.shownAfter()));
            changes.add(new Change(planned.urn(), planned.type(), action, properties, List.of(), notes));
        }
        var headUrns = head.byUrn().keySet();
        for (var deployed : base.resources()) {
            if (deployed.custom() && !headUrns.contains(deployed.urn()) && !deployed.type().startsWith(PROVIDER_PREFIX)) {
                actions.put(deployed.urn(), Action.DELETE);
                changes.add(new Change(deployed.urn(), deployed.type(), Action.DELETE, List.of(), List.of(), List.of()));
            }
        }
        var withHazards = new Hazards(table, base, head, actions).assess(changes);
        var notes = new ArrayList<String>();
        if (!ignoredNotes.isEmpty()) {
            notes.add("changes the program ignores (ignoreChanges), which this update does not make: "
                    + String.join("; ", ignoredNotes));
        }
        if (!uncomparedSecrets.isEmpty()) {
            notes.add("secret inputs not compared (the base holds only their ciphertext; export with --show-secrets"
                    + " to compare them): " + String.join(", ", uncomparedSecrets));
        }
        return new DiffResult(head.stack(), base.origin(), base.kind(), head.origin(), withHazards, unchanged, notes);
    }

    /**
     * The head's inputs as the engine would send them: the base's ids put in, and every input that depends on a
     * resource this update creates or replaces unknown until then.
     */
    private Map<String, Object> effectiveInputs(DeployedResource planned) {
        var inputs = new LinkedHashMap<String, Object>();
        planned.inputs().forEach((key, value) -> {
            var text = String.valueOf(value);
            boolean pending = planned.dependenciesOf(key).stream()
                    .filter(urn -> actions.get(urn) == Action.CREATE || actions.get(urn) == Action.REPLACE)
                    .anyMatch(urn -> computedOutputs(urn).stream().anyMatch(text::contains));
            inputs.put(key, pending ? PropertyDiffer.AFTER_APPLY : translation.apply(value));
        });
        return inputs;
    }

    /**
     * What a created or replaced resource has only after the update: its id and the outputs that are not its inputs
     * (ARNs, generated ids). A preview knows the rest (a name given as input stays known), so an input made from a
     * name is compared, one made from an ARN is not (pulumi/pulumi: a replacement's preview outputs are its inputs
     * plus unknowns).
     */
    private Set<String> computedOutputs(String urn) {
        var resource = headByUrn.get(urn);
        var computed = new java.util.HashSet<String>();
        if (resource == null) {
            return computed;
        }
        var inputTexts = new java.util.HashSet<String>();
        resource.inputs().values().forEach(v -> inputTexts.add(String.valueOf(v)));
        resource.id().ifPresent(computed::add);
        resource.outputs().forEach((key, value) -> {
            if (!resource.inputs().containsKey(key) && value instanceof String text && text.length() >= 4) {
                computed.add(text);
            }
        });
        computed.removeIf(inputTexts::contains);
        computed.removeIf(Values::isUnknown);
        return computed;
    }

    /** A provider reference is {@code <provider urn>::<provider id>}. */
    static String providerUrn(String reference) {
        int last = reference.lastIndexOf("::");
        return last < 0 ? reference : reference.substring(0, last);
    }

    private static void requireSameStack(Deployment base, Deployment head) {
        if (base.stack() == null) {
            return;
        }
        if (!base.stack().equals(head.stack()) || !base.project().equals(head.project())) {
            throw new ConfigException(base.origin(), "stack", "is stack '" + base.stack() + "' of project '"
                    + base.project() + "', the head is stack '" + head.stack() + "' of project '" + head.project()
                    + "'", "a plan or export of stack '" + head.stack() + "' of project '" + head.project() + "'");
        }
    }

    /** Types the head and base hold that have no entry in the table (providers and components need none). */
    static List<String> missingTypes(Deployment deployment, ReplacementTable table) {
        return deployment.resources().stream().filter(DeployedResource::custom).map(DeployedResource::type)
                .filter(t -> table.rules(t).isEmpty()).distinct().sorted().toList();
    }
}
