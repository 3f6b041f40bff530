package com.tapstack.tooling.check;

import com.tapstack.config.Suppression;
import java.util.List;

/** What a check found: active findings, the ones suppressed with their reasons, and the rules that ran. */
public record CheckReport(String project, String stack, List<Rule> rules, List<Finding> findings,
                          List<Suppressed> suppressed) {

    /** A finding accepted by a {@code tap:checkSuppressions} entry. */
    public record Suppressed(Finding finding, Suppression suppression) {
    }

    public CheckReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
    }

    /** Whether a critical or high finding remains: {@code ./tap check} then exits 1. */
    public boolean blocking() {
        return findings.stream().anyMatch(finding -> finding.severity().blocks());
    }

    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }
}
