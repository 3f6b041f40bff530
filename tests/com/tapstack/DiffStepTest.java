package com.tapstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request workflow's diff step, run as the runner runs it ({@code bash -e}, what a Linux runner runs a step
 * with no {@code shell} by: workflow syntax, jobs.<job_id>.steps[*].shell; the step's environment; a GITHUB_OUTPUT
 * file) with stand-ins for {@code ./tap} in the two checkouts: what it reports and which exit code it hands to the
 * step that fails the job (anything but 0 and 3).
 */
class DiffStepTest {

    @TempDir
    Path workspace;

    private record Step(String code, String report, String output) {
    }

    @SuppressWarnings("unchecked")
    private static String script() throws IOException {
        var jobs = (Map<String, Map<String, Object>>) WorkflowsTest.yaml("pull-request.yml").get("jobs");
        var steps = (List<Map<String, Object>>) jobs.get("diff").get("steps");
        return (String) steps.stream().filter(step -> "diff".equals(step.get("id"))).findFirst().orElseThrow()
                .get("run");
    }

    /** A stand-in {@code ./tap} for one checkout: prints to stderr, writes its --markdown file, exits. */
    private void tap(String checkout, int exit, String stderr, String markdown) throws IOException {
        var dir = Files.createDirectories(workspace.resolve(checkout));
        var file = dir.resolve("tap");
        Files.writeString(file, """
                #!/usr/bin/env bash
                echo "$*" >> "%s/%s.calls"
                for ((i = 1; i <= $#; i++)); do
                  if [[ ${!i} == --markdown ]]; then j=$((i + 1)); printf '%%s\\n' '%s' > "${!j}"; fi
                  if [[ ${!i} == --json ]]; then j=$((i + 1)); echo '{}' > "${!j}"; fi
                done
                echo '%s' >&2
                exit %d
                """.formatted(workspace, checkout, markdown, stderr, exit));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Step run(String stack) throws Exception {
        var temp = Files.createDirectories(workspace.resolve("runner-temp"));
        var output = workspace.resolve("github-output");
        Files.writeString(output, "");
        var builder = new ProcessBuilder("bash", "-e", "-c", script()).directory(workspace.toFile())
                .redirectErrorStream(true);
        builder.environment().put("STACK", stack);
        builder.environment().put("RUNNER_TEMP", temp.toString());
        builder.environment().put("GITHUB_OUTPUT", output.toString());
        var process = builder.start();
        var printed = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        var report = workspace.resolve("report/diff/" + stack + ".md");
        return new Step(Files.readString(output).trim(), Files.exists(report) ? Files.readString(report) : "",
                printed);
    }

    /** The step for stack dev, which the target branch has, with the two checkouts' stand-ins. */
    private Step devWith(int baseExit, String baseError, int headExit, String headMarkdown) throws Exception {
        Files.createDirectories(workspace.resolve("base"));
        Files.writeString(workspace.resolve("base/Pulumi.dev.yaml"), "config: {}\n");
        tap("base", baseExit, baseError, "");
        tap("head", headExit, "", headMarkdown);
        return run("dev");
    }

    @Test
    void aStackTheTargetBranchDoesNotHaveIsNewAndNothingIsPlannedThere() throws Exception {
        tap("base", 0, "", "");
        tap("head", 0, "", "");

        var step = run("qa");

        assertThat(step.code()).isEqualTo("code=0");
        assertThat(step.report()).contains("No such stack on the target branch: everything is new.");
        assertThat(workspace.resolve("base.calls")).doesNotExist();
    }

    @Test
    void theHeadIsDiffedAgainstTheBasesPlanAndItsExitCodeDecides() throws Exception {
        var step = devWith(0, "", 3, "### ./tap diff dev: 1 to replace");

        assertThat(step.code()).isEqualTo("code=3");
        assertThat(step.report()).contains("1 to replace");
        assertThat(Files.readString(workspace.resolve("base.calls"))).startsWith("plan dev --json ");
        assertThat(Files.readString(workspace.resolve("head.calls"))).startsWith("diff dev --base ")
                .contains("--markdown " + workspace.resolve("report/diff/dev.md"));
    }

    @Test
    void aHeadStackFileThatDoesNotLoadFailsTheJob() throws Exception {
        assertThat(devWith(0, "", 2, "").code()).isEqualTo("code=2");
    }

    @Test
    void aBaseThatDoesNotPlanIsReportedWithItsErrorAndAWarningAndLeavesTheJobGreenForItsRepair() throws Exception {
        var step = devWith(2, "error: Pulumi.dev.yaml: tap:natStrategy: \"none\" is not a NAT strategy", 0, "");

        assertThat(step.code()).isEqualTo("code=0");
        assertThat(step.report()).contains("The stack does not plan on the target branch (exit 2)")
                .contains("so this pull request has no diff")
                .contains("tap:natStrategy: \"none\" is not a NAT strategy")
                .doesNotContain("everything is new");
        assertThat(step.output()).contains("::warning title=No diff::");
        assertThat(workspace.resolve("head.calls")).doesNotExist();
    }
}
