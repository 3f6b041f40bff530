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

    /** What each capability of issue 15 puts in a plan: the full example must keep every one of them on. */
    static Stream<org.junit.jupiter.params.provider.Arguments> capabilities() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("Service Connect", "\"serviceConnectConfiguration\""),
                org.junit.jupiter.params.provider.Arguments.of("a scheduled task", "aws:scheduler/schedule:Schedule"),
                org.junit.jupiter.params.provider.Arguments.of("a queue worker", "\"redrivePolicy\""),
                org.junit.jupiter.params.provider.Arguments.of("a FireLens sidecar", "firelensConfiguration"),
                org.junit.jupiter.params.provider.Arguments.of("an ADOT sidecar", "AOT_CONFIG_CONTENT"),
                org.junit.jupiter.params.provider.Arguments.of("ephemeral storage", "\"ephemeralStorage\""),
                org.junit.jupiter.params.provider.Arguments.of("ephemeral storage encryption",
                        "\"fargateEphemeralStorageKmsKeyId\""),
                org.junit.jupiter.params.provider.Arguments.of("EFS", "aws:efs/accessPoint:AccessPoint"),
                org.junit.jupiter.params.provider.Arguments.of("the pull through cache",
                        "aws:ecr/pullThroughCacheRule:PullThroughCacheRule"),
                org.junit.jupiter.params.provider.Arguments.of("a restart policy", "restartAttemptPeriod"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capabilities")
    void theFullExampleTurnsEveryCapabilityOn(String capability, String inPlan) throws IOException {
        assertThat(fullExamplePlan()).as(capability).contains(inPlan);
    }

    @org.junit.jupiter.api.io.TempDir
    static Path planDir;
    private static String fullExamplePlan;

    /** {@code ./tap plan examples/Pulumi.full.yaml --json}, run once: every capability is looked up in its output. */
    private static synchronized String fullExamplePlan() throws IOException {
        if (fullExamplePlan == null) {
            var json = planDir.resolve("full.json");
            var plan = tap("plan", "examples/Pulumi.full.yaml", "--json", json.toString());
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            fullExamplePlan = Files.readString(json);
        }
        return fullExamplePlan;
    }

    @org.junit.jupiter.api.Test
    void theExistingVpcExampleIsAmongThem() throws IOException {
        assertThat(examples()).contains("examples/Pulumi.existing-vpc.yaml");
    }
}
