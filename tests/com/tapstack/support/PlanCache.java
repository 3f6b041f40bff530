package com.tapstack.support;

import com.tapstack.tooling.offline.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plans of edited fixture stacks, made once per test JVM for each distinct set of values: several test methods of
 * a class usually plan the same edited stack and assert different parts of it. A plan is immutable ({@link Plan}
 * copies what it holds), and it depends only on the project directory, the stack name and the values, which the
 * key holds as a deep copy so a test that edits its map afterwards cannot change a cached key. A plan that fails
 * is not cached: its error is raised again for every test that asks.
 */
final class PlanCache {

    private record Key(Path project, String stack, Object values) {
    }

    private static final Map<Key, Plan> PLANS = new ConcurrentHashMap<>();

    private PlanCache() {
    }

    static Plan plan(Path project, String stack, Map<String, Object> values, Supplier<Plan> planner) {
        var key = new Key(project, stack, frozen(values));
        var cached = PLANS.get(key);
        if (cached != null) {
            return cached;
        }
        // Not computeIfAbsent: a plan takes the SDK's one deployment per JVM and must not run inside the map's lock.
        var plan = planner.get();
        PLANS.putIfAbsent(key, plan);
        return plan;
    }

    /** A deep, unmodifiable copy of YAML-shaped values (maps, lists, scalars), compared by value. */
    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> copy.put(k, frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(frozen(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
