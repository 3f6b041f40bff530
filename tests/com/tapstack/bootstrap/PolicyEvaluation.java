package com.tapstack.bootstrap;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tapstack.iam.Globs;
import com.tapstack.iam.PolicyDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IAM's decision on one call on one resource from a role's identity policies, as far as the tests need it: an
 * explicit Deny wins over any Allow, and without an Allow the call is refused. Conditions on {@code
 * aws:ResourceTag/<key>} are evaluated against the resource's tags with StringEquals, StringNotEquals and Null;
 * as IAM does, a negated operator holds for a tag the resource does not carry (IAM user guide, condition
 * operators: "If the policy condition requires that the key is not matched ... and the right key is not present,
 * the condition is true"). Any other condition key (the region, the request's tags, the service a role is passed
 * to) is taken as holding: it depends on the request, which a resource and its tags do not describe.
 */
final class PolicyEvaluation {

    enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    private static final String RESOURCE_TAG = "aws:ResourceTag/";

    /** A statement with its action and resource globs compiled once: the tests ask for thousands of decisions. */
    private record Statement(String sid, String effect, List<Pattern> actions, List<Pattern> resources,
                             JsonObject statement) {

        static Statement of(JsonObject statement) {
            return new Statement(statement.has("Sid") ? statement.get("Sid").getAsString() : "",
                    statement.get("Effect").getAsString(), globs(statement.get("Action")),
                    globs(statement.get("Resource")), statement);
        }

        private static List<Pattern> globs(com.google.gson.JsonElement element) {
            return DeployIdentityTest.strings(element).stream().map(Globs::toRegex).toList();
        }

        boolean applies(String action, String arn, Map<?, ?> tags) {
            return actions.stream().anyMatch(a -> a.matcher(action).matches())
                    && resources.stream().anyMatch(r -> r.matcher(arn).matches())
                    && conditionsHold(statement, tags);
        }
    }

    private final List<Statement> statements;

    private PolicyEvaluation(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    static PolicyEvaluation of(Collection<PolicyDocument> documents) {
        var statements = new ArrayList<Statement>();
        for (var document : documents) {
            JsonParser.parseString(document.toJson()).getAsJsonObject().getAsJsonArray("Statement")
                    .forEach(element -> statements.add(Statement.of(element.getAsJsonObject())));
        }
        return new PolicyEvaluation(statements);
    }

    Decision decide(String action, String arn, Map<?, ?> tags) {
        if (denying(action, arn, tags).isPresent()) {
            return Decision.EXPLICIT_DENY;
        }
        return statements.stream().anyMatch(st -> st.effect().equals("Allow") && st.applies(action, arn, tags))
                ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** The Sid of a Deny statement that refuses the call, if any. */
    Optional<String> denying(String action, String arn, Map<?, ?> tags) {
        return statements.stream().filter(st -> st.effect().equals("Deny") && st.applies(action, arn, tags))
                .map(Statement::sid).findFirst();
    }

    private static boolean conditionsHold(JsonObject statement, Map<?, ?> tags) {
        if (!statement.has("Condition")) {
            return true;
        }
        for (var operator : statement.getAsJsonObject("Condition").entrySet()) {
            for (var condition : operator.getValue().getAsJsonObject().entrySet()) {
                if (!condition.getKey().startsWith(RESOURCE_TAG)) {
                    continue;
                }
                var tag = tags.get(condition.getKey().substring(RESOURCE_TAG.length()));
                var values = DeployIdentityTest.strings(condition.getValue());
                var holds = switch (operator.getKey()) {
                    case "StringEquals" -> tag != null && values.contains(String.valueOf(tag));
                    case "StringNotEquals" -> tag == null || !values.contains(String.valueOf(tag));
                    case "Null" -> values.equals(List.of(String.valueOf(tag == null)));
                    default -> throw new IllegalArgumentException("not evaluated here: " + operator.getKey() + " on "
                            + condition.getKey());
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }
}
