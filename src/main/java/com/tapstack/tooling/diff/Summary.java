package com.tapstack.tooling.diff;

/** The one-line count of a diff, shared by every report. */
final class Summary {

    private Summary() {
    }

    static String line(DiffResult result) {
        var counts = result.counts();
        int hazards = result.hazardCount();
        return counts.get(Action.REPLACE) + " to replace, " + counts.get(Action.UPDATE) + " to update, "
                + counts.get(Action.CREATE) + " to create, " + counts.get(Action.DELETE) + " to delete, "
                + result.unchanged() + " unchanged; " + (hazards == 0 ? "no hazards"
                : hazards + " hazard" + (hazards == 1 ? "" : "s"));
    }
}
