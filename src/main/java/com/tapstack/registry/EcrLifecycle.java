package com.tapstack.registry;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ECR lifecycle policy as a pure function: expire untagged images after some days, keep the newest images
 * of any tag status. ECR requires the rule over all images ({@code tagStatus: any}) to come last.
 */
public final class EcrLifecycle {

    private EcrLifecycle() {
    }

    public static String policy(int keepImages, int untaggedExpiryDays) {
        var untagged = rule(1, "Expire untagged images " + untaggedExpiryDays + " days after push",
                Map.of("tagStatus", "untagged", "countType", "sinceImagePushed", "countUnit", "days",
                        "countNumber", untaggedExpiryDays));
        var newest = rule(2, "Keep the newest " + keepImages + " images",
                Map.of("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", keepImages));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(Map.of("rules", List.of(untagged, newest)));
    }

    private static Map<String, Object> rule(int priority, String description, Map<String, Object> selection) {
        var rule = new LinkedHashMap<String, Object>();
        rule.put("rulePriority", priority);
        rule.put("description", description);
        var orderedSelection = new LinkedHashMap<String, Object>();
        for (var key : List.of("tagStatus", "countType", "countUnit", "countNumber")) {
            if (selection.containsKey(key)) {
                orderedSelection.put(key, selection.get(key));
            }
        }
        rule.put("selection", orderedSelection);
        rule.put("action", Map.of("type", "expire"));
        return rule;
    }
}
