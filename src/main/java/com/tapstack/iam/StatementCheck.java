package com.tapstack.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Validates an IAM statement against AWS's Service Authorization Reference ({@link ServiceReference}), offline,
 * the way IAM Access Analyzer's policy validation does it online: every action exists; every resource matches a
 * resource type of each action (an action without resource types takes only {@code "*"}, and {@code "*"} is
 * reported for an action that has resource types: name them); every condition key is a global key or one of the
 * services the statement acts on. IAM stores a policy with any of these mistakes; the task then fails at run time
 * with AccessDenied.
 */
public final class StatementCheck {

    private StatementCheck() {
    }

    /**
     * What is wrong with one Allow or Deny statement, one line each.
     *
     * @param resourceIsItself a key policy: there {@code "*"} means "this key" and is what AWS requires
     */
    public static List<String> problems(List<String> actions, List<String> resources, List<String> conditionKeys,
                                        boolean resourceIsItself) {
        var problems = new ArrayList<String>();
        var services = new LinkedHashSet<String>();
        for (var action : actions) {
            if (action.equals("*")) {
                continue;
            }
            int colon = action.indexOf(':');
            if (colon <= 0) {
                problems.add(shown(action) + " is not an action (service:Action)");
                continue;
            }
            var prefix = action.substring(0, colon);
            var name = action.substring(colon + 1);
            if (!ServiceReference.knowsService(prefix)) {
                problems.add(shown(action) + ": " + shown(prefix) + " is not a service prefix of AWS's Service Authorization"
                        + " Reference (" + ServiceReference.DATE + ")");
                continue;
            }
            services.add(prefix);
            var matched = ServiceReference.actions(prefix, name);
            if (matched.isEmpty()) {
                problems.add(shown(action) + " is not an action of " + prefix + " (Service Authorization Reference of "
                        + ServiceReference.DATE + ")");
                continue;
            }
            if (matched.size() == 1 && !resourceIsItself) {
                resourceProblem(matched.get(0), resources).ifPresent(problems::add);
            }
        }
        for (var key : conditionKeys) {
            if (!ServiceReference.knowsConditionKey(key, List.copyOf(services))) {
                problems.add("condition key " + shown(key) + " is neither a global key nor one of "
                        + (services.isEmpty() ? "the statement's services" : String.join(", ", services)));
            }
        }
        return problems;
    }

    /** A value from a policy as a message shows it: escaped and, when long, cut (policies come from users). */
    private static String shown(String value) {
        return com.tapstack.text.OneLine.shorten(value);
    }

    private static java.util.Optional<String> resourceProblem(ServiceReference.Action action, List<String> resources) {
        var qualified = action.service() + ":" + action.name();
        var types = action.resourceTypes();
        if (types.isEmpty()) {
            var specific = resources.stream().filter(r -> !r.equals("*")).toList();
            return specific.isEmpty() || resources.contains("*") ? java.util.Optional.empty()
                    : java.util.Optional.of(qualified + " has no resource types, so only \"*\" grants it, not "
                            + String.join(", ", specific.stream().map(StatementCheck::shown).toList()));
        }
        // "*" matches every resource, of every type: too broad perhaps (other rules say so), but it grants.
        if (resources.contains("*")) {
            return java.util.Optional.empty();
        }
        boolean any = resources.stream().anyMatch(resource -> types.stream()
                .anyMatch(type -> Globs.overlap(resource, type.glob())));
        return any ? java.util.Optional.empty() : java.util.Optional.of(qualified + " takes "
                + String.join(" or ", types.stream().map(t -> t.name() + " (" + t.arnFormat() + ")").toList())
                + ", and none of " + String.join(", ", resources.stream().map(StatementCheck::shown).toList())
                + " is one");
    }
}
