package com.tapstack.tooling.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.tooling.offline.PlanExport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inputs compared as the provider compares them, leaf by leaf. */
class PropertyDifferTest {

    static List<String> paths(Map<String, Object> before, Map<String, Object> after, String... ignored) {
        return PropertyDiffer.diff(before, after, List.of(ignored)).changes().stream()
                .map(c -> c.path() + ": " + c.shownBefore() + " => " + c.shownAfter()).toList();
    }

    static Map<String, Object> secret(String plaintext) {
        return plaintext == null
                ? Map.of(PlanExport.SECRET_SIG_KEY, PlanExport.SECRET_SIG_VALUE, "ciphertext", "AAAAbase64")
                : Map.of(PlanExport.SECRET_SIG_KEY, PlanExport.SECRET_SIG_VALUE, "plaintext", plaintext);
    }

    @Test
    void leavesOfNestedMapsAndListsAreNamedByTheirPath() {
        var before = Map.<String, Object>of("healthCheck", Map.of("path", "/", "interval", 30L),
                "subnets", List.of("a", "b"), "tags", Map.of("Owner", "x"));
        var after = Map.<String, Object>of("healthCheck", Map.of("path", "/health", "interval", 30L),
                "subnets", List.of("a"), "tags", Map.of("Owner", "x", "cost center", "7"));
        assertThat(paths(before, after)).containsExactly(
                "healthCheck.path: \"/\" => \"/health\"",
                "subnets[1]: \"b\" => (none)",
                "tags[\"cost center\"]: (none) => \"7\"");
    }

    @Test
    void numbersAreNumbersHoweverWrittenAndEmptyIsAbsent() {
        assertThat(paths(Map.of("port", 8080L, "delay", "30", "list", List.of(), "map", Map.of()),
                Map.of("port", 8080.0, "delay", 30L))).isEmpty();
        assertThat(paths(Map.of("port", 8080L), Map.of("port", 8081L))).containsExactly("port: 8080 => 8081");
    }

    @Test
    void jsonDocumentsInStringsAreComparedAsDocuments() {
        var before = Map.<String, Object>of("policy", "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Allow\", \"Action\": \"s3:GetObject\"}]}");
        var reordered = Map.<String, Object>of("policy", "{\"Statement\":[{\"Action\":\"s3:GetObject\",\"Effect\":"
                + "\"Allow\"}],\"Version\":\"2012-10-17\"}");
        var changed = Map.<String, Object>of("policy", "{\"Statement\":[{\"Action\":\"s3:PutObject\",\"Effect\":"
                + "\"Allow\"}],\"Version\":\"2012-10-17\"}");
        assertThat(paths(before, reordered)).isEmpty();
        assertThat(paths(before, changed)).containsExactly(
                "policy.Statement[0].Action: \"s3:GetObject\" => \"s3:PutObject\"");
    }

    @Test
    void secretsAreMaskedAndComparedOnlyWhereTheirPlainTextIsThere() {
        assertThat(paths(Map.of("password", secret("\"old\"")), Map.of("password", secret("\"new\""))))
                .containsExactly("password: [secret] => [secret]");
        assertThat(paths(Map.of("password", secret("\"same\"")), Map.of("password", secret("\"same\"")))).isEmpty();
        var uncompared = PropertyDiffer.diff(Map.of("password", secret(null)), Map.of("password", secret("\"x\"")),
                List.of());
        assertThat(uncompared.changes()).isEmpty();
        assertThat(uncompared.uncomparedSecrets()).containsExactly("password");
    }

    @Test
    void theBridgesKeysAndDefaultsAndIgnoredPathsAreNoChange() {
        var before = Map.<String, Object>of("__defaults", List.of("name", "logGroupClass"), "name", "lg-1a2b3c",
                "logGroupClass", "STANDARD", "tagsAll", Map.of("a", "b"), "desiredCount", 2L,
                "nested", Map.of("__defaults", List.of("mode"), "mode", "x"));
        var after = Map.<String, Object>of("desiredCount", 5L, "nested", Map.of());
        assertThat(paths(before, after, "desiredCount")).isEmpty();
        assertThat(paths(before, after)).containsExactly("desiredCount: 2 => 5");
        // A user-set value left out is a change: Check computes the default anew.
        assertThat(paths(Map.of("name", "mine"), Map.of())).containsExactly("name: \"mine\" => (none)");
    }

    @Test
    void aValueMadeFromAReplacedResourceIsKnownAfterApply() {
        var change = PropertyDiffer.diff(Map.of("vpcId", "vpc-1"), Map.of("vpcId", PropertyDiffer.AFTER_APPLY),
                List.of()).changes();
        assertThat(change).singleElement().satisfies(c -> {
            assertThat(c.shownAfter()).isEqualTo("(known after apply)");
            assertThat(c.kind()).isEqualTo(PropertyChange.Kind.CHANGED);
        });
        // Unknown to the planner alone (made from resources left alone): the same value.
        assertThat(paths(Map.of("arn", "arn:x"), Map.of("arn", PlanExport.UNKNOWN_SENTINEL))).isEmpty();
    }

    @Test
    void tablePathsCoverListElementsAndNestedKeys() {
        var path = PropertyPath.of("loadBalancers").index(0).key("containerName");
        assertThat(path.within("loadBalancers[*].containerName")).isTrue();
        assertThat(path.within("loadBalancers")).isTrue();
        assertThat(path.within("loadBalancers[*].targetGroupArn")).isFalse();
        assertThat(PropertyPath.of("networkConfiguration").key("subnets").within("networkConfiguration.subnets"))
                .isTrue();
        assertThat(PropertyPath.of("name").within("namePrefix")).isFalse();
    }
}
