package com.tapstack.tooling.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The input paths that differ between a deployed resource and its planned successor, leaf by leaf, compared as
 * the provider compares them: absent, null and empty collections are one value; numbers are numbers however
 * written; JSON documents in strings are compared as documents; secrets are compared only where the file holds
 * their plain text. Keys the engine or bridge adds ({@code __defaults}, {@code __meta}) are not inputs.
 */
final class PropertyDiffer {

    /** A head value made from the outputs of a resource that is created or replaced: known only after the update. */
    static final Object AFTER_APPLY = new Object() {
        @Override
        public String toString() {
            return Values.KNOWN_AFTER_APPLY;
        }
    };

    private final List<PropertyChange> changes = new ArrayList<>();
    private final Set<String> uncomparedSecrets = new TreeSet<>();

    /** The changes from {@code before} to {@code after}, ignoring the paths {@code ignored} names. */
    static Result diff(Map<String, Object> before, Map<String, Object> after, List<String> ignored) {
        var differ = new PropertyDiffer();
        var keys = new TreeSet<String>();
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        var defaulted = defaults(before);
        for (var key : keys) {
            // Reserved keys of the bridge (pkg/reservedkeys: __defaults, __meta, __pulumi_raw_state_delta) are
            // not inputs; tagsAll is computed by the provider from tags and the provider's default tags, and a
            // stack export stores it with the inputs, so a real change shows in tags (or the provider) instead.
            if (key.startsWith("__") || key.equals("tagsAll")) {
                continue;
            }
            // The bridge's Check fills schema defaults and autonames into the stored inputs and lists them in
            // __defaults; when the program still leaves the key out, Check keeps the old value, so it is no change
            // (pulumi-terraform-bridge, "__defaults" handling in Check).
            if (!after.containsKey(key) && defaulted.contains(key)) {
                continue;
            }
            differ.walk(PropertyPath.of(key), before.get(key), after.get(key), false);
        }
        var kept = differ.changes.stream().filter(c -> ignored.stream().noneMatch(c.path()::within)).toList();
        var skipped = differ.changes.stream().filter(c -> ignored.stream().anyMatch(c.path()::within)).toList();
        return new Result(kept, skipped, Set.copyOf(differ.uncomparedSecrets));
    }

    /** The changes, the ones ignoreChanges drops (reported as notes: the update leaves them alone). */
    record Result(List<PropertyChange> changes, List<PropertyChange> ignored, Set<String> uncomparedSecrets) {
    }

    private static Set<String> defaults(Map<String, Object> inputs) {
        var out = new TreeSet<String>();
        if (inputs.get("__defaults") instanceof List<?> list) {
            list.forEach(item -> out.add(String.valueOf(item)));
        }
        return out;
    }

    private void walk(PropertyPath path, Object before, Object after, boolean secret) {
        if (after == AFTER_APPLY) {
            changes.add(new PropertyChange(path, before, AFTER_APPLY, secret, false));
            return;
        }
        if (Values.isSecret(before) || Values.isSecret(after)) {
            var plainBefore = Values.isSecret(before) ? Values.plaintext(before) : java.util.Optional.ofNullable(before);
            var plainAfter = Values.isSecret(after) ? Values.plaintext(after) : java.util.Optional.ofNullable(after);
            if (before != null && after != null && (plainBefore.isEmpty() || plainAfter.isEmpty())) {
                // An exported ciphertext cannot be read offline: say so instead of guessing.
                uncomparedSecrets.add(path.toString());
                return;
            }
            walk(path, plainBefore.orElse(null), plainAfter.orElse(null), true);
            return;
        }
        if (Values.isUnknown(after)) {
            // Unknown to the offline planner, but made from resources this update leaves alone: the same value.
            if (Values.isEmpty(before)) {
                changes.add(new PropertyChange(path, before, AFTER_APPLY, secret, false));
            }
            return;
        }
        if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
            var keys = new TreeSet<String>();
            a.keySet().forEach(k -> keys.add(String.valueOf(k)));
            b.keySet().forEach(k -> keys.add(String.valueOf(k)));
            @SuppressWarnings("unchecked")
            var defaulted = defaults((Map<String, Object>) a);
            for (var key : keys) {
                // Nested objects carry their own __defaults (pulumi-terraform-bridge pkg/tfbridge/schema.go).
                if (!key.startsWith("__") && !(!b.containsKey(key) && defaulted.contains(key))) {
                    walk(path.key(key), a.get(key), b.get(key), secret);
                }
            }
            return;
        }
        if (before instanceof List<?> a && after instanceof List<?> b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path.index(i), i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, secret);
            }
            return;
        }
        var jsonBefore = Values.embeddedJson(before);
        var jsonAfter = Values.embeddedJson(after);
        if (jsonBefore.isPresent() && jsonAfter.isPresent()) {
            walk(path, jsonBefore.get(), jsonAfter.get(), secret);
            return;
        }
        if (Values.isEmpty(before) && after instanceof Map<?, ?> || Values.isEmpty(before) && after instanceof List<?>) {
            walk(path, before instanceof Map<?, ?> ? before : emptyLike(after), after, secret);
            return;
        }
        if (Values.isEmpty(after) && before instanceof Map<?, ?> || Values.isEmpty(after) && before instanceof List<?>) {
            walk(path, before, emptyLike(before), secret);
            return;
        }
        if (!Values.sameScalar(before, after)) {
            changes.add(new PropertyChange(path, before, after, secret, false));
        }
    }

    private static Object emptyLike(Object value) {
        return value instanceof Map<?, ?> ? Map.of() : List.of();
    }
}
