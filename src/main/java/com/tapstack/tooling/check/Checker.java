package com.tapstack.tooling.check;

import com.tapstack.config.ConfigException;
import com.tapstack.config.Suppression;
import com.tapstack.stack.StackConfig;
import com.tapstack.tooling.offline.EngineUrn;
import com.tapstack.tooling.offline.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs the rule catalogue over a plan and applies the stack's suppressions. */
public final class Checker {

    private Checker() {
    }

    public static CheckReport check(Plan plan, StackConfig config) {
        return check(plan, config.protect(), config.checkSuppressions(), config.configFile(), RuleCatalog.all());
    }

    public static CheckReport check(Plan plan, boolean protectedEnvironment, List<Suppression> suppressions,
                                    String configFile, List<Rule> rules) {
        validate(plan, suppressions, configFile);
        var context = new CheckContext(plan, protectedEnvironment);
        var active = new ArrayList<Finding>();
        var suppressed = new ArrayList<CheckReport.Suppressed>();
        for (var rule : rules) {
            for (var finding : rule.check(context)) {
                suppressions.stream().filter(s -> matches(s, finding)).findFirst().ifPresentOrElse(
                        s -> suppressed.add(new CheckReport.Suppressed(finding, s)),
                        () -> active.add(finding));
            }
        }
        active.sort(Comparator.comparing((Finding f) -> f.severity().ordinal())
                .thenComparing(f -> f.rule().id())
                .thenComparing(f -> f.resource().urn()));
        return new CheckReport(plan.project(), plan.stack(), rules, active, suppressed);
    }

    private static boolean matches(Suppression suppression, Finding finding) {
        return suppression.rule().equals(finding.rule().id())
                && names(suppression, finding.resource().name(), finding.resource().urn());
    }

    /** By logical name, or by URN: also one copied from an earlier TapStack, with the root stack's type in it. */
    private static boolean names(Suppression suppression, String name, String urn) {
        return suppression.resource().equals(name)
                || EngineUrn.withoutRootStackType(suppression.resource()).equals(urn);
    }

    /** A suppression must name a rule that exists and a resource of the plan, or it is a stale entry. */
    private static void validate(Plan plan, List<Suppression> suppressions, String configFile) {
        for (int i = 0; i < suppressions.size(); i++) {
            var suppression = suppressions.get(i);
            var key = plan.project() + ":checkSuppressions[" + i + "]";
            if (RuleCatalog.byId(suppression.rule()).isEmpty()) {
                throw new ConfigException(configFile, key + ".rule", "\"" + suppression.rule() + "\" is not a rule of"
                        + " ./tap check", "one of " + String.join(", ", RuleCatalog.all().stream().map(Rule::id).toList()));
            }
            var known = plan.find(r -> names(suppression, r.name(), r.urn()));
            if (known.isEmpty()) {
                throw new ConfigException(configFile, key + ".resource", "\"" + suppression.resource() + "\" is not a"
                        + " resource of the plan", "a logical name as ./tap check prints it, or a URN");
            }
        }
    }
}
