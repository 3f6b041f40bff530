package com.tapstack.tooling.check;

import com.tapstack.tooling.check.rules.ComputeRules;
import com.tapstack.tooling.check.rules.DatabaseRules;
import com.tapstack.tooling.check.rules.DeploymentRules;
import com.tapstack.tooling.check.rules.DiscoveryRules;
import com.tapstack.tooling.check.rules.HygieneRules;
import com.tapstack.tooling.check.rules.IamRules;
import com.tapstack.tooling.check.rules.LifecycleRules;
import com.tapstack.tooling.check.rules.LoadBalancerRules;
import com.tapstack.tooling.check.rules.LoggingRules;
import com.tapstack.tooling.check.rules.ModuleRules;
import com.tapstack.tooling.check.rules.NetworkRules;
import com.tapstack.tooling.check.rules.QueueRules;
import com.tapstack.tooling.check.rules.PullThroughRules;
import com.tapstack.tooling.check.rules.RegistryRules;
import com.tapstack.tooling.check.rules.SidecarRules;
import com.tapstack.tooling.check.rules.StorageRules;
import com.tapstack.tooling.check.rules.ScheduleRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule {@code ./tap check} runs, in id order. */
public final class RuleCatalog {

    private static final List<Rule> ALL;

    static {
        var rules = new ArrayList<Rule>();
        rules.addAll(ComputeRules.rules());
        rules.addAll(DeploymentRules.rules());
        rules.addAll(RegistryRules.rules());
        rules.addAll(IamRules.rules());
        rules.addAll(LoggingRules.rules());
        rules.addAll(LoadBalancerRules.rules());
        rules.addAll(NetworkRules.rules());
        rules.addAll(HygieneRules.rules());
        rules.addAll(LifecycleRules.rules());
        rules.addAll(DatabaseRules.rules());
        rules.addAll(ModuleRules.rules());
        rules.addAll(DiscoveryRules.rules());
        rules.addAll(SidecarRules.rules());
        rules.addAll(QueueRules.rules());
        rules.addAll(StorageRules.rules());
        rules.addAll(ScheduleRules.rules());
        rules.addAll(PullThroughRules.rules());
        rules.sort(Comparator.comparing(Rule::id));
        ALL = List.copyOf(rules);
    }

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
