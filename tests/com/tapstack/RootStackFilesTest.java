package com.tapstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.stack.StackFiles;
import com.tapstack.support.Project;
import com.tapstack.tooling.check.Checker;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.OfflineEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one test of this project's own stack files, the ones a fork edits: every {@code Pulumi.<stack>.yaml} at the
 * root loads, plans offline and checks with no critical or high finding. Everything else is tested on fixtures of
 * the tests' own (tests/fixtures), so renaming the project, its services or its stacks breaks nothing but this.
 */
class RootStackFilesTest {

    static Stream<String> rootStacks() throws IOException {
        try (var files = Files.list(Project.DIR)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("Pulumi\\.[^.]+\\.yaml")).sorted()
                    .map(name -> name.substring("Pulumi.".length(), name.length() - ".yaml".length()))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "Pulumi.{0}.yaml")
    @MethodSource("rootStacks")
    void loadsPlansAndChecksWithNoCriticalOrHighFinding(String stack) {
        var config = StackFiles.load(Project.DIR, stack).config();
        var plan = OfflineEngine.plan(config, stack);
        var report = Checker.check(plan, config);

        assertThat(plan.customResources()).isNotEmpty();
        assertThat(report.findings()).as(stack).noneMatch(f -> f.severity() == Severity.CRITICAL
                || f.severity() == Severity.HIGH);
        assertThat(report.blocking()).isFalse();
    }
}
