package com.tapstack.iam;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An IAM (or KMS key, or resource) policy document, rendered as the JSON AWS stores. */
public record PolicyDocument(List<Statement> statements) {

    public static final String VERSION = "2012-10-17";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    public PolicyDocument with(Statement statement) {
        var all = new java.util.ArrayList<>(statements);
        all.add(statement);
        return new PolicyDocument(all);
    }

    public String toJson() {
        var document = new LinkedHashMap<String, Object>();
        document.put("Version", VERSION);
        document.put("Statement", statements.stream().map(Statement::toMap).toList());
        return GSON.toJson(document);
    }

    /** A trust policy letting one AWS service assume a role, with the given conditions. */
    public static PolicyDocument trust(String servicePrincipal, List<Condition> conditions) {
        return of(Statement.allow("TrustService").principal("Service", servicePrincipal).actions("sts:AssumeRole")
                .conditions(conditions).build());
    }

    static Map<String, Object> conditionMap(List<Condition> conditions) {
        var byOperator = new LinkedHashMap<String, Object>();
        for (var condition : conditions) {
            @SuppressWarnings("unchecked")
            var keys = (Map<String, Object>) byOperator.computeIfAbsent(condition.operator(), k -> new LinkedHashMap<>());
            keys.put(condition.key(), condition.values().size() == 1 ? condition.values().get(0) : condition.values());
        }
        return byOperator;
    }
}
