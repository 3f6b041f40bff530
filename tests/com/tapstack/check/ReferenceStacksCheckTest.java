package com.tapstack.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Stacks;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The quiet case of every rule: the reference stacks, which must be free of findings. */
class ReferenceStacksCheckTest {

    static Stream<Arguments> everyRuleOnEveryStack() {
        return RuleCatalog.all().stream().flatMap(rule -> Stream.of(Arguments.of(rule.id(), "dev", false),
                Arguments.of(rule.id(), "prod", true)));
    }

    @ParameterizedTest(name = "{0} is quiet on {1}")
    @MethodSource("everyRuleOnEveryStack")
    void theReferenceStacksRaiseNoFinding(String ruleId, String stack, boolean protectedEnvironment) {
        var rule = RuleCatalog.byId(ruleId).orElseThrow();

        assertThat(rule.check(new CheckContext(Stacks.plan(stack), protectedEnvironment))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theReferenceStacksPassTheWholeCheck(String stack) {
        var report = Checker.check(Stacks.plan(stack), Stacks.config(stack));

        assertThat(report.findings()).isEmpty();
        assertThat(report.blocking()).isFalse();
        assertThat(report.rules()).hasSize(RuleCatalog.all().size());
    }

    static Stream<String> stacks() {
        return Stream.of("dev", "prod");
    }
}
