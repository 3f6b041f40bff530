package com.tapstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack file that imports Pulumi ESC environments: read as the CLI reads it, with a note for the offline plan. */
class EscEnvironmentTest {

    @TempDir
    Path dir;

    StackFileSource read(String yaml) throws Exception {
        var file = dir.resolve("Pulumi.prod.yaml");
        Files.writeString(file, yaml);
        return StackFileSource.read(Fixtures.project(), file);
    }

    @Test
    void importedEnvironmentsAreNamedInANoteSinceTheyCannotBeOpenedOffline() throws Exception {
        var source = read("environment:\n  - shop/prod\n  - shop/common\nconfig:\n  aws:region: eu-west-1\n");
        assertThat(source.warnings()).singleElement().satisfies(w -> assertThat(w)
                .startsWith("Pulumi.prod.yaml: environment: imports the ESC environments shop/prod, shop/common")
                .contains("cannot open offline"));
        assertThat(source.namespace("aws")).containsEntry("region", "eu-west-1");
    }

    @Test
    void theLoaderJudgesTheValuesAsItDoesWithoutEnvironments() throws Exception {
        var values = Fixtures.values(Fixtures.SMALL).set(Fixtures.key("logRetentionDays"), 8).toYaml();
        var withEsc = read("environment: [shop/prod]\n" + values);
        var plain = read(values);
        var expected = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> com.tapstack.stack.ConfigLoader.load(plain, Fixtures.project().name()), ConfigException.class);
        assertThat(expected).hasMessageContaining(Fixtures.key("logRetentionDays"));
        assertThatThrownBy(() -> com.tapstack.stack.ConfigLoader.load(withEsc, Fixtures.project().name()))
                .isInstanceOf(ConfigException.class).hasMessage(expected.getMessage());
    }

    @Test
    void anythingButAListOfNamesIsRefusedInOneLine() {
        assertThatThrownBy(() -> read("environment: shop/prod\nconfig: {}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("Pulumi.prod.yaml: environment: \"shop/prod\" is not a list of ESC environment names;"
                        + " allowed: a list such as [tap/prod] (project/environment)");
        assertThatThrownBy(() -> read("environment: [shop/prod, 3]\nconfig: {}\n"))
                .hasMessageContaining("is not a list of ESC environment names");
    }
}
