package com.tapstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.tooling.check.RuleCatalog;
import com.tapstack.stack.ConfigLoader;
import com.tapstack.support.Stacks;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README and Pulumi.yaml document what the code does: every rule and every configuration key. */
class ReadmeTest {

    @Test
    void theReadmeListsEveryRuleWithItsSeverityAndTitle() throws Exception {
        var readme = Files.readString(Stacks.PROJECT_DIR.resolve("README.md"));

        RuleCatalog.all().forEach(rule -> assertThat(readme)
                .contains("| " + rule.id() + " | " + rule.severity().label() + " | " + rule.title() + " |"));
    }

    @Test
    void theForkExampleInTheReadmeIsTheTestThatRuns() throws Exception {
        var readme = Files.readString(Stacks.PROJECT_DIR.resolve("README.md"));
        var example = Files.readString(Stacks.PROJECT_DIR.resolve("tests/com/tapstack/fork/ForkExampleTest.java"));

        assertThat(readme).contains("```java\n" + example + "```");
    }

    @Test
    void everyConfigurationKeyIsDocumentedInTheReadmeAndPulumiYaml() throws Exception {
        var readme = Files.readString(Stacks.PROJECT_DIR.resolve("README.md"));
        var project = Files.readString(Stacks.PROJECT_DIR.resolve("Pulumi.yaml"));

        ConfigLoader.KNOWN_KEYS.forEach(key -> {
            assertThat(readme).as(key).contains("`tap:" + key + "`");
            assertThat(project).as(key).containsPattern("(?m)^(  " + key + ":|#   tap:" + key + " )");
        });
    }
}
