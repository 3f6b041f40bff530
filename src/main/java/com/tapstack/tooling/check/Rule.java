package com.tapstack.tooling.check;

import java.util.List;

/** A check over the plan graph: the inputs that would be sent to AWS. */
public interface Rule {

    /** Stable id, e.g. {@code TAP101}: used in reports, SARIF and suppressions. */
    String id();

    Severity severity();

    /** A few words: what must hold. */
    String title();

    /** One line: why it matters. */
    String rationale();

    List<Finding> check(CheckContext context);

    /** A rule from a function: most rules are a few lines. */
    static Rule of(String id, Severity severity, String title, String rationale, Check check) {
        return new FunctionRule(id, severity, title, rationale, check);
    }

    /** What a function rule does: report findings through the given sink. */
    @FunctionalInterface
    interface Check {
        void run(CheckContext context, Sink findings);
    }

    /** Where a rule reports a finding on a resource. */
    @FunctionalInterface
    interface Sink {
        void report(com.tapstack.tooling.offline.PlannedResource resource, String message);
    }

    /**
     * A rule made of a function. The same message on the same resource is reported once (a task's helper
     * container shares the service container's image and log group, so they would otherwise repeat).
     */
    record FunctionRule(String id, Severity severity, String title, String rationale, Check check) implements Rule {
        @Override
        public List<Finding> check(CheckContext context) {
            var findings = new java.util.LinkedHashMap<String, Finding>();
            check.run(context, (resource, message) ->
                    findings.putIfAbsent(resource.urn() + "\n" + message, new Finding(this, resource, message)));
            return List.copyOf(findings.values());
        }
    }
}
