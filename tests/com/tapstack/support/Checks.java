package com.tapstack.support;

import com.tapstack.tooling.check.Checker;
import com.tapstack.tooling.check.Finding;
import com.tapstack.tooling.check.RuleCatalog;
import com.tapstack.tooling.offline.Plan;
import java.util.List;

/** Runs the rule catalogue over a plan in tests. */
public final class Checks {

    private Checks() {
    }

    /** All findings of the catalogue, for a plan of an unprotected (or protected) environment. */
    public static List<Finding> findings(Plan plan, boolean protectedEnvironment) {
        return Checker.check(plan, protectedEnvironment, List.of(), "Pulumi." + plan.stack() + ".yaml",
                RuleCatalog.all()).findings();
    }

    /** Findings of one rule. */
    public static List<Finding> findings(Plan plan, boolean protectedEnvironment, String ruleId) {
        return findings(plan, protectedEnvironment).stream().filter(f -> f.rule().id().equals(ruleId)).toList();
    }

    /** Findings of one rule on the dev plan as edited (dev is unprotected). */
    public static List<Finding> dev(PlanEditor edited, String ruleId) {
        return findings(edited.build(), false, ruleId);
    }

    /** Findings of one rule on the prod plan as edited (prod is protected). */
    public static List<Finding> prod(PlanEditor edited, String ruleId) {
        return findings(edited.build(), true, ruleId);
    }

    public static PlanEditor editDev() {
        return PlanEditor.of(Reference.plan("dev"));
    }

    public static PlanEditor editProd() {
        return PlanEditor.of(Reference.plan("prod"));
    }

    public static boolean anyRule(String id) {
        return RuleCatalog.byId(id).isPresent();
    }
}
