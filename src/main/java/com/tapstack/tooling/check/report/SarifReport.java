package com.tapstack.tooling.check.report;

import com.google.gson.GsonBuilder;
import com.tapstack.tooling.check.CheckReport;
import com.tapstack.tooling.check.Finding;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.offline.EngineUrn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check as SARIF 2.1.0, for CI code-scanning views (GitHub, GitLab, Azure DevOps): one run of the
 * {@code tap check} driver with its rules, one result per finding located in the stack file, and suppressed
 * findings as results with an external suppression carrying the reason.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";

    private SarifReport() {
    }

    public static String render(CheckReport report, StackFileLines lines) {
        var rules = report.rules();
        var results = new ArrayList<Map<String, Object>>();
        report.findings().forEach(finding -> results.add(result(finding, rules, lines)));
        report.suppressed().forEach(suppressed -> {
            var result = result(suppressed.finding(), rules, lines);
            result.put("suppressions", List.of(Map.of("kind", "external",
                    "justification", suppressed.suppression().reason())));
            results.add(result);
        });

        var driver = new LinkedHashMap<String, Object>();
        driver.put("name", "tap check");
        driver.put("version", "0.1.0");
        driver.put("informationUri", "https://github.com/tapstack/tapstack#checks");
        driver.put("rules", rules.stream().map(SarifReport::descriptor).toList());
        var run = new LinkedHashMap<String, Object>();
        run.put("tool", Map.of("driver", driver));
        run.put("automationDetails", Map.of("id", "tap-check/" + report.stack() + "/"));
        run.put("results", results);
        var root = new LinkedHashMap<String, Object>();
        root.put("$schema", SCHEMA);
        root.put("version", VERSION);
        root.put("runs", List.of(run));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static Map<String, Object> descriptor(Rule rule) {
        var descriptor = new LinkedHashMap<String, Object>();
        descriptor.put("id", rule.id());
        descriptor.put("name", rule.title().replaceAll("[^A-Za-z0-9]+", " ").trim().replace(' ', '-'));
        descriptor.put("shortDescription", Map.of("text", rule.title()));
        descriptor.put("fullDescription", Map.of("text", rule.rationale()));
        descriptor.put("help", Map.of("text", rule.title() + ". " + rule.rationale()));
        descriptor.put("defaultConfiguration", Map.of("level", rule.severity().sarifLevel()));
        descriptor.put("properties", Map.of("security-severity", rule.severity().securitySeverity(),
                "tags", List.of("security", "infrastructure", rule.severity().label())));
        return descriptor;
    }

    private static Map<String, Object> result(Finding finding, List<Rule> rules, StackFileLines lines) {
        var result = new LinkedHashMap<String, Object>();
        result.put("ruleId", finding.rule().id());
        result.put("ruleIndex", rules.indexOf(finding.rule()));
        result.put("level", finding.severity().sarifLevel());
        result.put("message", Map.of("text", finding.resource().name() + ": " + finding.message()));
        var physical = new LinkedHashMap<String, Object>();
        physical.put("artifactLocation", Map.of("uri", lines.fileName()));
        physical.put("region", Map.of("startLine", lines.lineOf(finding.resource())));
        var location = new LinkedHashMap<String, Object>();
        location.put("physicalLocation", physical);
        location.put("logicalLocations", List.of(Map.of("name", finding.resource().name(),
                "fullyQualifiedName", finding.resource().urn(), "kind", "resource")));
        result.put("locations", List.of(location));
        result.put("partialFingerprints", Map.of(FINGERPRINT, fingerprint(finding.rule().id(),
                finding.resource().urn())));
        return result;
    }

    static final String FINGERPRINT = "tapFinding/v1";

    /**
     * What code scanning tracks a finding by across runs: its rule and resource. Made from the URN with the root
     * stack's type in it, the form offline plans used before they took the engine's URNs, so that the alerts, and
     * the dismissals, of a repository that ran an earlier TapStack keep matching (a new fingerprint would close
     * every alert and open it again, undismissed).
     */
    static String fingerprint(String ruleId, String urn) {
        return Integer.toHexString((ruleId + "|" + EngineUrn.withRootStackType(urn)).hashCode());
    }
}
