package com.tapstack.tooling.diff;

import java.util.List;

/** The diff for a terminal: counts, then hazards, replacements, updates, creations and deletions. */
final class TerminalDiffReport {

    /** Inputs shown per resource before the rest is counted. */
    static final int PROPERTIES_SHOWN = 12;

    private TerminalDiffReport() {
    }

    static String render(DiffResult result) {
        var out = new StringBuilder();
        out.append("Diff of stack ").append(result.stack()).append(": base ").append(result.base()).append(" (")
                .append(result.baseKind() == Deployment.Kind.PLAN ? "offline plan" : "stack export")
                .append("), head ").append(result.head()).append('\n');
        out.append("  ").append(Summary.line(result)).append("\n");
        if (result.changes().isEmpty()) {
            out.append("\nNo changes.\n");
        }
        var hazardous = result.hazardous();
        if (!hazardous.isEmpty()) {
            out.append("\nHazards\n");
            for (var change : hazardous) {
                out.append("  ! ").append(change.action().word()).append(' ').append(label(change)).append('\n');
                change.hazards().forEach(h -> out.append("      ").append(h.kind().code()).append(": ")
                        .append(h.reason()).append('\n'));
            }
        }
        section(out, "Replacements", "+-", result.withAction(Action.REPLACE));
        section(out, "Updates", "~ ", result.withAction(Action.UPDATE));
        section(out, "Creations", "+ ", result.withAction(Action.CREATE));
        section(out, "Deletions", "- ", result.withAction(Action.DELETE));
        if (!result.notes().isEmpty()) {
            out.append("\nNotes\n");
            result.notes().forEach(n -> out.append("  ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, String mark, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(" (").append(changes.size()).append(")\n");
        for (var change : changes) {
            out.append("  ").append(mark).append(' ').append(label(change)).append('\n');
            var shown = change.properties().stream().limit(PROPERTIES_SHOWN).toList();
            for (var property : shown) {
                out.append("      ").append(property.path()).append(": ").append(property.shownBefore())
                        .append(" => ").append(property.shownAfter())
                        .append(property.replaces() ? "   (forces replacement)" : "").append('\n');
            }
            if (change.properties().size() > shown.size()) {
                out.append("      ... and ").append(change.properties().size() - shown.size())
                        .append(" more inputs (see --json)\n");
            }
            change.notes().forEach(n -> out.append("      note: ").append(n).append('\n'));
        }
    }

    static String label(Change change) {
        return change.type() + " " + change.name();
    }
}
