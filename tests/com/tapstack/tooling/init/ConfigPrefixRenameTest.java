package com.tapstack.tooling.init;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The project-name rule on small strings: keys, mentions and namespaces renamed, the launcher and types not. */
class ConfigPrefixRenameTest {

    private static final ConfigPrefixRename TAP_TO_LEDGER = new ConfigPrefixRename("tap", "ledger");

    @Test
    void renamesStackFileKeysTheirCommentsAndTheCloudMapNamespace() {
        var stack = """
                # Check it with ./tap plan dev; CI sets `pulumi config set tap:environmentSuffix pr1`.
                config:
                  aws:region: us-east-1
                  tap:environment: dev
                  tap:services:
                    web:
                      environment:
                        API_URL: http://api.dev.tap.local:8080
                        OTHER: http://api.dev.tap.localhost:8080
                """;

        assertThat(TAP_TO_LEDGER.inText(stack)).isEqualTo("""
                # Check it with ./tap plan dev; CI sets `pulumi config set ledger:environmentSuffix pr1`.
                config:
                  aws:region: us-east-1
                  ledger:environment: dev
                  ledger:services:
                    web:
                      environment:
                        API_URL: http://api.dev.ledger.local:8080
                        OTHER: http://api.dev.tap.localhost:8080
                """);
    }

    @Test
    void renamesTheResourceACheckSuppressionNames() {
        // A plan's logical names start with the project's: tap-web-task-definition becomes ledger-web-task-definition.
        var stack = """
                  tap:checkSuppressions:
                    - rule: TAP110
                      resource: tap-web-task-definition
                      reason: the router writes on its root
                    - {rule: TAP506, resource: "tap-alb", reason: no domain yet}
                    - {rule: TAP507, resource: tapestry-alb, reason: another project's}
                """;

        assertThat(TAP_TO_LEDGER.inText(stack)).isEqualTo("""
                  ledger:checkSuppressions:
                    - rule: TAP110
                      resource: ledger-web-task-definition
                      reason: the router writes on its root
                    - {rule: TAP506, resource: "ledger-alb", reason: no domain yet}
                    - {rule: TAP507, resource: tapestry-alb, reason: another project's}
                """);
    }

    @Test
    void renamesTheProjectFilesNameAndItsConfigBlockComments() {
        var project = """
                name: tap
                runtime: java
                # Every key lives in the project namespace (`tap:`), e.g.
                #   tap:tags  (mapping, default {})
                config:
                  azCount:
                    description: the zones recorded in tap:availabilityZones (see ./tap plan)
                """;

        assertThat(TAP_TO_LEDGER.inProjectFile(project)).isEqualTo("""
                name: ledger
                runtime: java
                # Every key lives in the project namespace (`ledger:`), e.g.
                #   ledger:tags  (mapping, default {})
                config:
                  azCount:
                    description: the zones recorded in ledger:availabilityZones (see ./tap plan)
                """);
        assertThat(TAP_TO_LEDGER.inProjectFile("name: \"tap\" # the project\n")).isEqualTo("name: \"ledger\" # the project\n");
        assertThat(TAP_TO_LEDGER.inProjectFile("name: tapstack\n")).isEqualTo("name: tapstack\n");
    }

    @Test
    void renamesOnlyMentionsThatStartAKey() {
        var text = "tap:owner 'tap:owner' \"tap:owner\" (tap:owner) `tap:owner` x tap:owner";

        assertThat(TAP_TO_LEDGER.inText(text))
                .isEqualTo("ledger:owner 'ledger:owner' \"ledger:owner\" (ledger:owner) `ledger:owner` x ledger:owner");
    }

    @Test
    void leavesTheLauncherOtherWordsAndComponentTypeTokensAlone() {
        var text = "./tap: the launcher; `./tap plan`; echo \"tap: building\"; tap:Owner; mytap:owner; /tap:x;"
                + " tap:1; (`tap:stack:TapStack`) and tap:service:FargateService; arn:aws:tap:owner";

        assertThat(TAP_TO_LEDGER.inText(text)).isEqualTo(text);
    }

    @Test
    void renamesAConfigKeyWhoseNameIsAlsoAComponentModule() {
        // tap:database is a key; tap:database:Database is the module's component type.
        assertThat(TAP_TO_LEDGER.inText("tap:database: {engine: aurora} is a tap:database:Database"))
                .isEqualTo("ledger:database: {engine: aurora} is a tap:database:Database");
    }

    @Test
    void markdownKeepsFencedJavaAsTheJavaSourceItMirrors() {
        var readme = """
                Set `tap:services` with `pulumi config set tap:services.web.cpu 512`:

                ```java
                var plan = Stacks.plan("dev", Stacks.values("dev").setIn("tap:services", "reports", x).toMap());
                ```

                ```bash
                pulumi config set tap:owner me   # then ./tap plan dev
                ```
                """;

        assertThat(TAP_TO_LEDGER.inMarkdown(readme)).isEqualTo("""
                Set `ledger:services` with `pulumi config set ledger:services.web.cpu 512`:

                ```java
                var plan = Stacks.plan("dev", Stacks.values("dev").setIn("tap:services", "reports", x).toMap());
                ```

                ```bash
                pulumi config set ledger:owner me   # then ./tap plan dev
                ```
                """);
    }

    @Test
    void theSameNameChangesNothing() {
        var kept = new ConfigPrefixRename("tap", "tap");

        assertThat(kept.changes()).isFalse();
        assertThat(kept.inProjectFile("name: tap\n  tap:owner: x\n")).isEqualTo("name: tap\n  tap:owner: x\n");
    }
}
