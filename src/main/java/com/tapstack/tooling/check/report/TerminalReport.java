package com.tapstack.tooling.check.report;

import com.tapstack.text.TextTable;
import com.tapstack.tooling.check.CheckReport;
import com.tapstack.tooling.check.Severity;
import java.util.ArrayList;
import java.util.List;

/** The check as a table on the terminal, worst first, then the suppressions with their reasons. */
public final class TerminalReport {

    private TerminalReport() {
    }

    public static String render(CheckReport report) {
        var out = new StringBuilder();
        out.append("Check of ").append(report.project()).append('/').append(report.stack()).append(": ")
                .append(report.rules().size()).append(" rules, ").append(report.findings().size()).append(" findings (");
        var counts = new ArrayList<String>();
        for (var severity : Severity.values()) {
            counts.add(report.count(severity) + " " + severity.label());
        }
        out.append(String.join(", ", counts)).append("), ").append(report.suppressed().size()).append(" suppressed\n");
        if (!report.findings().isEmpty()) {
            var rows = new ArrayList<List<String>>();
            rows.add(List.of("severity", "rule", "resource", "finding"));
            report.findings().forEach(f -> rows.add(List.of(f.severity().label(), f.rule().id(), f.resource().name(),
                    f.message())));
            out.append('\n').append(TextTable.render(rows));
        }
        if (!report.suppressed().isEmpty()) {
            out.append("\nSuppressed (" + report.project() + ":checkSuppressions)\n");
            var rows = new ArrayList<List<String>>();
            rows.add(List.of("rule", "resource", "reason"));
            report.suppressed().forEach(s -> rows.add(List.of(s.finding().rule().id(), s.finding().resource().name(),
                    s.suppression().reason())));
            out.append(TextTable.render(rows));
        }
        out.append('\n').append(report.blocking()
                ? "FAILED: critical or high findings remain (exit 1)"
                : "PASSED: no critical or high finding").append('\n');
        return out.toString();
    }
}
