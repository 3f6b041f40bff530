package com.tapstack.tooling.check;

import com.tapstack.tooling.offline.PlannedResource;

/** One rule's verdict on one resource, with a message that says how to fix it. */
public record Finding(Rule rule, PlannedResource resource, String message) {

    public Severity severity() {
        return rule.severity();
    }
}
