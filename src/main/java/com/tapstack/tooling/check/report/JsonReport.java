package com.tapstack.tooling.check.report;

import com.google.gson.GsonBuilder;
import com.tapstack.tooling.check.CheckReport;
import com.tapstack.tooling.check.Finding;
import com.tapstack.tooling.check.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/** The check as JSON: summary, rules, findings and suppressions. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(CheckReport report) {
        var root = new LinkedHashMap<String, Object>();
        root.put("project", report.project());
        root.put("stack", report.stack());
        var summary = new LinkedHashMap<String, Object>();
        summary.put("rules", report.rules().size());
        summary.put("findings", report.findings().size());
        for (var severity : Severity.values()) {
            summary.put(severity.label(), report.count(severity));
        }
        summary.put("suppressed", report.suppressed().size());
        summary.put("passed", !report.blocking());
        root.put("summary", summary);
        root.put("rules", report.rules().stream().map(rule -> Map.of("id", rule.id(),
                "severity", rule.severity().label(), "title", rule.title(), "rationale", rule.rationale())).toList());
        root.put("findings", report.findings().stream().map(JsonReport::finding).toList());
        root.put("suppressed", report.suppressed().stream().map(s -> {
            var entry = finding(s.finding());
            entry.put("reason", s.suppression().reason());
            return entry;
        }).toList());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static Map<String, Object> finding(Finding finding) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("rule", finding.rule().id());
        entry.put("severity", finding.severity().label());
        entry.put("title", finding.rule().title());
        entry.put("resource", Map.of("name", finding.resource().name(), "type", finding.resource().type(),
                "urn", finding.resource().urn()));
        entry.put("message", finding.message());
        return entry;
    }
}
