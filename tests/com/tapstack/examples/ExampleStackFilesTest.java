package com.tapstack.examples;

import static com.tapstack.support.TapRun.tap;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stack file under examples/ (one per capability, and Pulumi.full.yaml with all of them) plans and checks
 * clean against the root project, named by its path as a user would: {@code ./tap plan examples/Pulumi.x.yaml},
 * {@code ./tap check examples/Pulumi.x.yaml}. A new example is picked up without touching this test.
 */
class ExampleStackFilesTest {

    static final Path DIR = Project.DIR.resolve("examples");

    static Stream<String> examples() throws IOException {
        try (var files = Files.list(DIR)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("Pulumi\\.[^.]+\\.yaml")).sorted()
                    .map(name -> "examples/" + name).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void plansAndChecksCleanByItsPath(String path) {
        var plan = tap("plan", path);
        var check = tap("check", path);

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.err()).as("no warning").doesNotContain("warning:");
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("0 critical, 0 high").contains("PASSED");
    }

    @org.junit.jupiter.api.Test
    void theExistingVpcExampleIsAmongThem() throws IOException {
        assertThat(examples()).contains("examples/Pulumi.existing-vpc.yaml");
    }
}
