package com.tapstack.tooling.diff;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The whole preview: every change (in the head's dependency order, then deletions), the unchanged count. */
record DiffResult(String stack, String base, Deployment.Kind baseKind, String head, List<Change> changes,
                  int unchanged, List<String> notes) {

    DiffResult {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    Map<Action, Integer> counts() {
        var counts = new EnumMap<Action, Integer>(Action.class);
        for (var action : Action.values()) {
            counts.put(action, 0);
        }
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        return counts;
    }

    List<Change> hazardous() {
        return changes.stream().filter(c -> !c.hazards().isEmpty()).toList();
    }

    int hazardCount() {
        return changes.stream().mapToInt(c -> c.hazards().size()).sum();
    }

    List<Change> withAction(Action action) {
        return changes.stream().filter(c -> c.action() == action).toList();
    }
}
