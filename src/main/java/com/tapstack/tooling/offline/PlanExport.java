package com.tapstack.tooling.offline;

import com.google.gson.GsonBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link Plan} in the shape of {@code pulumi stack export} (deployment version 3): a manifest and one
 * entry per resource with urn, custom, id, type, inputs, outputs, parent, protect, dependencies,
 * propertyDependencies and provider. The default providers the engine would create are listed too, and the
 * stack's outputs sit on the stack resource, as in a real export.
 */
public final class PlanExport {

    /** Pulumi's marker for a secret value in state. */
    public static final String SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
    public static final String SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";
    /** Pulumi's sentinel for a value unknown until deployment. */
    public static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private PlanExport() {
    }

    public static String toJson(Plan plan, Instant time) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                .toJson(toMap(plan, time));
    }

    public static Map<String, Object> toMap(Plan plan, Instant time) {
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        manifest.put("magic", "");
        manifest.put("version", "tap offline plan");

        var providers = new Providers(plan);
        var resources = new ArrayList<Map<String, Object>>();
        for (var resource : plan.resources()) {
            resources.add(entry(resource, providers));
            if (resource.type().equals(Plan.STACK_TYPE)) {
                resources.addAll(providers.entries());
            }
        }
        var deployment = new LinkedHashMap<String, Object>();
        deployment.put("manifest", manifest);
        deployment.put("resources", resources);
        var export = new LinkedHashMap<String, Object>();
        export.put("version", 3);
        export.put("deployment", deployment);
        return export;
    }

    private static Map<String, Object> entry(PlannedResource resource, Providers providers) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("urn", resource.urn());
        entry.put("custom", resource.custom());
        resource.id().ifPresent(id -> entry.put("id", id));
        entry.put("type", resource.type());
        entry.put("inputs", exportValue(resource.inputs()));
        entry.put("outputs", exportValue(resource.outputs()));
        resource.parent().ifPresent(parent -> entry.put("parent", parent));
        entry.put("protect", resource.protect());
        if (resource.deleteBeforeReplace()) {
            entry.put("deleteBeforeReplace", true);
        }
        if (resource.retainOnDelete()) {
            entry.put("retainOnDelete", true);
        }
        entry.put("dependencies", resource.dependencies());
        entry.put("propertyDependencies", new TreeMap<>(resource.propertyDependencies()));
        if (!resource.ignoreChanges().isEmpty()) {
            entry.put("ignoreChanges", resource.ignoreChanges());
        }
        providers.referenceFor(resource).ifPresent(reference -> entry.put("provider", reference));
        return entry;
    }

    static Object exportValue(Object value) {
        if (value instanceof PlanValues.Secret) {
            var secret = new LinkedHashMap<String, Object>();
            secret.put(SECRET_SIG_KEY, SECRET_SIG_VALUE);
            secret.put("ciphertext", "[secret: encrypted by the stack's secrets provider at deployment]");
            return secret;
        }
        if (value == PlanValues.UNKNOWN) {
            return UNKNOWN_SENTINEL;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new TreeMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), exportValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlanExport::exportValue).toList();
        }
        return value;
    }

    /** The default provider per package and version, as the engine creates them. */
    private static final class Providers {
        private final Map<String, Map<String, Object>> byKey = new TreeMap<>();
        private final Plan plan;

        Providers(Plan plan) {
            this.plan = plan;
            var ids = new FakeIds(plan.account().accountId() + "/" + plan.stack() + "/providers");
            for (var resource : plan.customResources()) {
                var version = resource.providerVersion().orElse("");
                var key = resource.packageName() + "@" + version;
                byKey.computeIfAbsent(key, k -> provider(resource.packageName(), version, ids.uuid(k)));
            }
        }

        private Map<String, Object> provider(String pkg, String version, String id) {
            var inputs = new TreeMap<String, Object>();
            if (pkg.equals("aws")) {
                inputs.put("region", plan.account().region());
                if (!plan.account().accountId().equals(SimulatedAccount.DEFAULT_ACCOUNT_ID)) {
                    inputs.put("allowedAccountIds", List.of(plan.account().accountId()));
                }
            }
            if (!version.isEmpty()) {
                inputs.put("version", version);
            }
            var entry = new LinkedHashMap<String, Object>();
            entry.put("urn", "urn:pulumi:" + plan.stack() + "::" + plan.project() + "::pulumi:providers:" + pkg
                    + "::default" + (version.isEmpty() ? "" : "_" + version.replace('.', '_')));
            entry.put("custom", true);
            entry.put("id", id);
            entry.put("type", "pulumi:providers:" + pkg);
            entry.put("inputs", inputs);
            entry.put("outputs", inputs);
            entry.put("protect", false);
            entry.put("dependencies", List.of());
            entry.put("propertyDependencies", Map.of());
            return entry;
        }

        java.util.Optional<String> referenceFor(PlannedResource resource) {
            if (!resource.custom()) {
                return java.util.Optional.empty();
            }
            var provider = byKey.get(resource.packageName() + "@" + resource.providerVersion().orElse(""));
            return java.util.Optional.of(provider.get("urn") + "::" + provider.get("id"));
        }

        List<Map<String, Object>> entries() {
            return List.copyOf(byKey.values());
        }
    }
}
