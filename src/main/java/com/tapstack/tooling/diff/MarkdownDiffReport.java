package com.tapstack.tooling.diff;

import java.util.List;

/**
 * The diff as a pull-request comment: the count line, hazards in the open, each action's list collapsed in a
 * {@code <details>} block. GitHub refuses comments over 65,536 characters, so long lists are cut with a pointer
 * to the JSON.
 */
final class MarkdownDiffReport {

    static final int MAX_CHARS = 60_000;

    private MarkdownDiffReport() {
    }

    static String render(DiffResult result) {
        var out = new StringBuilder();
        out.append("### `./tap diff ").append(result.stack()).append("`").append(result.hazardCount() > 0
                ? " :warning: " : " ").append(code(Summary.line(result))).append("\n\n");
        out.append("Base: ").append(code(result.base())).append(result.baseKind() == Deployment.Kind.PLAN
                ? " (offline plan)" : " (stack export)").append(". Head: ").append(code(result.head())).append(".\n");
        if (result.changes().isEmpty()) {
            out.append("\nNo changes.\n");
        }
        var hazardous = result.hazardous();
        if (!hazardous.isEmpty()) {
            out.append("\n#### Hazards\n\n");
            for (var change : hazardous) {
                for (var hazard : change.hazards()) {
                    out.append("- **").append(change.action().word()).append("** ").append(code(change.name()))
                            .append(" (").append(code(change.type())).append("), ").append(hazard.kind().code())
                            .append(": ").append(escape(hazard.reason())).append('\n');
                }
            }
        }
        details(out, "Replacements", result.withAction(Action.REPLACE), true);
        details(out, "Updates", result.withAction(Action.UPDATE), true);
        details(out, "Creations", result.withAction(Action.CREATE), false);
        details(out, "Deletions", result.withAction(Action.DELETE), false);
        if (!result.notes().isEmpty()) {
            out.append('\n');
            result.notes().forEach(n -> out.append("> ").append(escape(n)).append('\n'));
        }
        if (out.length() > MAX_CHARS) {
            var cut = out.substring(0, MAX_CHARS);
            return cut.substring(0, cut.lastIndexOf('\n') + 1) + "\n</details>\n\n_Cut at " + MAX_CHARS
                    + " characters: the whole diff is in the --json output._\n";
        }
        return out.toString();
    }

    private static void details(StringBuilder out, String title, List<Change> changes, boolean withInputs) {
        if (changes.isEmpty()) {
            return;
        }
        out.append("\n<details><summary>").append(title).append(" (").append(changes.size())
                .append(")</summary>\n\n");
        out.append(withInputs ? "| resource | type | inputs |\n|---|---|---|\n" : "| resource | type |\n|---|---|\n");
        for (var change : changes) {
            out.append("| ").append(code(change.name())).append(" | ").append(code(change.type()));
            if (withInputs) {
                var inputs = change.properties().stream().limit(TerminalDiffReport.PROPERTIES_SHOWN)
                        .map(p -> code(p.path().toString()) + ": " + code(p.shownBefore()) + " &rarr; "
                                + code(p.shownAfter()) + (p.replaces() ? " **(replaces)**" : ""))
                        .toList();
                out.append(" | ").append(String.join("<br>", inputs));
                if (change.properties().size() > inputs.size()) {
                    out.append("<br>and ").append(change.properties().size() - inputs.size()).append(" more");
                }
            }
            out.append(" |\n");
        }
        out.append("\n</details>\n");
    }

    /** Inline code that survives any content: backticks and pipes cannot end it or split a table cell. */
    static String code(String text) {
        var clean = text.replace("|", "\\|").replace("\n", " ");
        var fence = clean.contains("`") ? "`` " : "`";
        var close = clean.contains("`") ? " ``" : "`";
        return fence + clean + close;
    }

    private static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ");
    }
}
