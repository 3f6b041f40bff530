package com.tapstack.tooling.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Enough of IAM's evaluation to answer "may this role do this action on this resource": Allow statements whose
 * Action and Resource patterns match ({@code *} and {@code ?} wildcards, actions case-insensitive), an explicit
 * Deny wins. Conditions are assumed to hold, so a conditional Allow counts as an Allow.
 */
public final class PolicyEvaluator {

    /** One statement, normalised. */
    public record Statement(String effect, List<String> actions, List<String> notActions, List<String> resources,
                            boolean conditional, List<String> conditionKeys, boolean notResource) {
    }

    private PolicyEvaluator() {
    }

    public static List<Statement> parse(String policyJson) {
        var statements = new ArrayList<Statement>();
        JsonObject document;
        try {
            document = JsonParser.parseString(policyJson).getAsJsonObject();
        } catch (RuntimeException e) {
            return statements;
        }
        var raw = document.get("Statement");
        var list = raw == null ? new JsonArray() : raw.isJsonArray() ? raw.getAsJsonArray() : single(raw);
        for (var element : list) {
            var statement = element.getAsJsonObject();
            statements.add(new Statement(
                    statement.has("Effect") ? statement.get("Effect").getAsString() : "Allow",
                    strings(statement.get("Action")),
                    strings(statement.get("NotAction")),
                    strings(statement.get("Resource")),
                    statement.has("Condition"),
                    conditionKeys(statement.get("Condition")),
                    statement.has("NotResource")));
        }
        return statements;
    }

    /** The keys a Condition block tests: {"StringEquals": {"aws:SourceAccount": ...}} gives aws:SourceAccount. */
    private static List<String> conditionKeys(JsonElement condition) {
        var keys = new ArrayList<String>();
        if (condition != null && condition.isJsonObject()) {
            for (var operator : condition.getAsJsonObject().entrySet()) {
                if (operator.getValue().isJsonObject()) {
                    keys.addAll(operator.getValue().getAsJsonObject().keySet());
                }
            }
        }
        return keys;
    }

    /** Whether the statements allow {@code action} on {@code resource}. */
    public static boolean allows(List<Statement> statements, String action, String resource) {
        boolean allowed = false;
        for (var statement : statements) {
            if (!matchesAction(statement, action) || !matchesAny(statement.resources(), resource, false)) {
                continue;
            }
            if (statement.effect().equals("Deny") && !statement.conditional()) {
                return false;
            }
            if (statement.effect().equals("Allow")) {
                allowed = true;
            }
        }
        return allowed;
    }

    private static boolean matchesAction(Statement statement, String action) {
        if (!statement.notActions().isEmpty()) {
            return !matchesAny(statement.notActions(), action, true);
        }
        return matchesAny(statement.actions(), action, true);
    }

    private static boolean matchesAny(List<String> patterns, String value, boolean ignoreCase) {
        for (var pattern : patterns) {
            if (wildcard(pattern, ignoreCase).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
    public static Pattern wildcard(String pattern, boolean ignoreCase) {
        var regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    private static JsonArray single(JsonElement element) {
        var array = new JsonArray();
        array.add(element);
        return array;
    }

    private static List<String> strings(JsonElement element) {
        var values = new ArrayList<String>();
        if (element == null || element.isJsonNull()) {
            return values;
        }
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        } else {
            values.add(element.getAsString());
        }
        return values;
    }
}
