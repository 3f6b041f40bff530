package com.tapstack.tooling.check.report;

import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where in the stack file a finding points: the line of the service it belongs to under {@code tap:services},
 * else line 1. Code-scanning views need a file line to show a result.
 */
public final class StackFileLines {

    private final String fileName;
    private final List<String> lines;
    private final Plan plan;

    public StackFileLines(String fileName, List<String> lines, Plan plan) {
        this.fileName = fileName;
        this.lines = List.copyOf(lines);
        this.plan = plan;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line of the resource's service entry, or 1. */
    public int lineOf(PlannedResource resource) {
        var service = serviceOf(resource);
        if (service == null) {
            return 1;
        }
        var entry = Pattern.compile("^\\s+" + Pattern.quote(service) + ":\\s*(#.*)?$");
        boolean inServices = false;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.matches("^\\s*" + Pattern.quote(plan.project()) + ":services:.*")) {
                inServices = true;
            } else if (inServices && entry.matcher(line).matches()) {
                return i + 1;
            }
        }
        return 1;
    }

    /** The service a resource belongs to: the name of its FargateService ancestor without the stack prefix. */
    private String serviceOf(PlannedResource resource) {
        var current = resource;
        while (current != null) {
            if (current.type().equals(com.tapstack.service.FargateService.TYPE)) {
                return current.name().substring(plan.project().length() + 1);
            }
            current = current.parent().flatMap(plan::byUrn).orElse(null);
        }
        return null;
    }
}
