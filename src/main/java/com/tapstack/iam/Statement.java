package com.tapstack.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy statement. Actions and resources are always explicit lists; a {@code "*"} resource is written
 * only where AWS allows nothing narrower, and the call site says why.
 */
public record Statement(String sid, String effect, Map<String, List<String>> principal, List<String> actions,
                        List<String> resources, List<Condition> conditions) {

    public Statement {
        principal = Map.copyOf(principal);
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    public static Builder allow(String sid) {
        return new Builder(sid, "Allow");
    }

    public static Builder deny(String sid) {
        return new Builder(sid, "Deny");
    }

    Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("Sid", sid);
        map.put("Effect", effect);
        if (!principal.isEmpty()) {
            var principals = new LinkedHashMap<String, Object>();
            principal.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    principals.put(e.getKey(), e.getValue().size() == 1 ? e.getValue().get(0) : e.getValue()));
            map.put("Principal", principals);
        }
        map.put("Action", actions);
        if (!resources.isEmpty()) {
            map.put("Resource", resources);
        }
        if (!conditions.isEmpty()) {
            map.put("Condition", PolicyDocument.conditionMap(conditions));
        }
        return map;
    }

    /** Builds a statement; the record stays immutable. */
    public static final class Builder {
        private final String sid;
        private final String effect;
        private final Map<String, List<String>> principal = new LinkedHashMap<>();
        private final List<String> actions = new ArrayList<>();
        private final List<String> resources = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(String sid, String effect) {
            this.sid = sid;
            this.effect = effect;
        }

        public Builder principal(String type, String... values) {
            principal.computeIfAbsent(type, k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        public Builder actions(String... values) {
            actions.addAll(List.of(values));
            return this;
        }

        public Builder actions(List<String> values) {
            actions.addAll(values);
            return this;
        }

        public Builder resources(String... values) {
            resources.addAll(List.of(values));
            return this;
        }

        public Builder resources(List<String> values) {
            resources.addAll(values);
            return this;
        }

        public Builder condition(String operator, String key, String... values) {
            conditions.add(Condition.of(operator, key, values));
            return this;
        }

        public Builder conditions(List<Condition> values) {
            conditions.addAll(values);
            return this;
        }

        public Statement build() {
            return new Statement(sid, effect, principal, actions, resources, conditions);
        }
    }
}
