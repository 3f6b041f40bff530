package com.tapstack.tooling.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import com.tapstack.config.Suppression;
import com.tapstack.support.PlanEditor;
import com.tapstack.support.Reference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final String REASON = "CI deletes this repository's images before destroy";

    /**
     * A suppression may name its resource by URN, also one copied from a report of an earlier TapStack, whose URNs had
     * the root stack's type in front of every child's (the engine's do not: EngineUrn).
     */
    @Test
    void aSuppressionByUrnMatchesAlsoInTheOldFormWithTheRootStacksType() {
        var plan = PlanEditor.of(Reference.plan("dev"))
                .set("aws:ecr/repository:Repository", Reference.P + "registry-web", "forceDelete", false).build();
        var urn = plan.named("aws:ecr/repository:Repository", Reference.P + "registry-web").urn();
        var oldForm = urn.replace("::tap:stack:TapStack$", "::" + com.tapstack.tooling.offline.Plan.STACK_TYPE
                + "$tap:stack:TapStack$");
        assertThat(oldForm).isNotEqualTo(urn);

        for (var named : List.of(urn, oldForm)) {
            var report = Checker.check(plan, false, List.of(new Suppression("TAP802", named, REASON)),
                    "Pulumi.dev.yaml", RuleCatalog.all());
            assertThat(report.findings()).as(named).isEmpty();
            assertThat(report.suppressed()).as(named).hasSize(1);
        }
    }

    @Test
    void aSuppressedFindingMovesToTheSuppressedListWithItsReasonAndNoLongerBlocks() {
        var plan = PlanEditor.of(Reference.plan("dev"))
                .set("aws:ecr/repository:Repository", Reference.P + "registry-web", "forceDelete", false).build();

        var report = Checker.check(plan, false, List.of(new Suppression("TAP802", Reference.P + "registry-web", REASON)),
                "Pulumi.dev.yaml", RuleCatalog.all());

        assertThat(report.findings()).isEmpty();
        assertThat(report.blocking()).isFalse();
        assertThat(report.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.finding().rule().id()).isEqualTo("TAP802");
            assertThat(s.suppression().reason()).isEqualTo(REASON);
        });
    }

    @Test
    void suppressionsComeFromTheStackFileAndNeedAReason() {
        var values = Reference.values("dev").set(Reference.NS + "checkSuppressions", List.of(Map.of("rule", "TAP802",
                "resource", Reference.P + "registry-web", "reason", REASON)));
        assertThat(Reference.load("dev", values.toMap()).checkSuppressions())
                .containsExactly(new Suppression("TAP802", Reference.P + "registry-web", REASON));

        var withoutReason = Reference.values("dev").set(Reference.NS + "checkSuppressions",
                List.of(Map.of("rule", "TAP802", "resource", Reference.P + "registry-web")));
        assertThatThrownBy(() -> Reference.load("dev", withoutReason.toMap())).isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.dev.yaml: " + Reference.NS + "checkSuppressions[0].reason: is missing (set it in Pulumi.dev.yaml or"
                        + " with `pulumi config set --path '" + Reference.NS + "checkSuppressions[0].reason' <value>`); allowed: why the rule"
                        + " does not apply to this resource");
    }

    @Test
    void aSuppressionOfAnUnknownRuleOrResourceIsAConfigError() {
        var plan = Reference.plan("dev");

        assertThatThrownBy(() -> Checker.check(plan, false, List.of(new Suppression("TAP999", Reference.P + "alb", REASON)),
                "Pulumi.dev.yaml", RuleCatalog.all())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Pulumi.dev.yaml: " + Reference.NS + "checkSuppressions[0].rule: \"TAP999\" is not a rule of"
                        + " ./tap check; allowed: one of TAP101, ");
        assertThatThrownBy(() -> Checker.check(plan, false, List.of(new Suppression("TAP802", Reference.P + "gone", REASON)),
                "Pulumi.dev.yaml", RuleCatalog.all())).isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.dev.yaml: " + Reference.NS + "checkSuppressions[0].resource: \"" + Reference.P + "gone\" is not a resource of the"
                        + " plan; allowed: a logical name as ./tap check prints it, or a URN");
    }
}
