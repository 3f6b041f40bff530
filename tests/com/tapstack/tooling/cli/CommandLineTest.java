package com.tapstack.tooling.cli;

import static com.tapstack.support.TapRun.tap;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.support.TapRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line itself: help, version, and every way to get it wrong ending in exit 2 and one line. */
class CommandLineTest {

    @Test
    void noArgumentsOrHelpListEveryCommandWithItsSummary() {
        for (var args : new String[][] {{}, {"--help"}, {"-h"}}) {
            var run = tap(args);

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("Usage: tap [-h] [-V] COMMAND [OPTIONS] [ARGUMENTS]");
            TapCli.commands().forEach(command -> assertThat(run.out())
                    .containsPattern("\\n  " + command.spec().name() + " +" + java.util.regex.Pattern.quote(
                            command.spec().summary()) + "\\n"));
        }
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(tap("--version").out()).isEqualTo("tap 0.1.0" + System.lineSeparator());
    }

    @Test
    void everyCommandHasHelpWithItsArgumentsAndOptions() {
        for (var command : TapCli.commands()) {
            var spec = command.spec();
            var run = tap(spec.name(), "--help");

            assertThat(run.exitCode()).as(spec.name()).isZero();
            assertThat(run.out()).as(spec.name()).startsWith("Usage: " + spec.synopsis()).contains("-h, --help");
            spec.operands().forEach(operand -> assertThat(run.out()).containsPattern("\\n  " + operand.label() + " +"));
            spec.options().getOptions().forEach(option -> assertThat(run.out()).contains("--" + option.getLongOpt()));
        }
    }

    @Test
    void helpAfterOtherArgumentsStillShowsHelpAndRunsNothing() {
        var run = tap("plan", "no-such-stack", "--json", "x.json", "-h");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: tap plan [OPTIONS] STACK");
        assertThat(Path.of("x.json")).doesNotExist();
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                Arguments.of(new String[] {"plna", "dev"}, "tap: plna is not a command (did you mean plan?); allowed: "
                        + "plan, cost, check, diagram, new-env, init, rules, config, docs, diff (tap --help lists them)"),
                Arguments.of(new String[] {"deploy"}, "tap: deploy is not a command; allowed: plan, cost, check,"
                        + " diagram, new-env, init, rules, config, docs, diff (tap --help lists them)"),
                Arguments.of(new String[] {"plan", "dev", "--jsn", "x"}, "tap plan: --jsn is not an option of this"
                        + " command (did you mean --json?); allowed: --help, --json, --project-dir"),
                Arguments.of(new String[] {"plan", "dev", "--js=x"}, "tap plan: --js is not an option of this command"
                        + " (did you mean --json?); allowed: --help, --json, --project-dir"),
                Arguments.of(new String[] {"rules", "-x"}, "tap rules: -x is not an option of this command; allowed:"
                        + " --help, --markdown"),
                Arguments.of(new String[] {"plan"}, "tap plan: STACK is missing; usage: tap plan [OPTIONS] STACK"),
                Arguments.of(new String[] {"plan", "dev", "prod"}, "tap plan: prod is one argument too many; usage:"
                        + " tap plan [OPTIONS] STACK"),
                Arguments.of(new String[] {"plan", "dev", "--json"}, "tap plan: --json needs a value; allowed:"
                        + " --json FILE"),
                Arguments.of(new String[] {"diff", "dev"}, "tap diff: --base is required; usage: tap diff [OPTIONS]"
                        + " STACK --base FILE"),
                Arguments.of(new String[] {"init", "../x"}, "tap init: --name is required; usage: tap init [OPTIONS]"
                        + " DIR --name PROJECT"),
                Arguments.of(new String[] {"config", "--markdown", "--pulumi-yaml"}, "tap config: --pulumi-yaml cannot"
                        + " be given with --markdown; allowed: one of --markdown, --pulumi-yaml"),
                Arguments.of(new String[] {"plan", "dev", "--json", "a\0b"}, "tap plan: --json a\0b is not a path"
                        + " (Nul character not allowed); allowed: a file path"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void aCommandLineThatCannotRunExitsWith2AndOneLine(String[] args, String message) {
        var run = tap(withProject(args));

        assertThat(run.exitCode()).isEqualTo(TapCli.CONFIG_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + message + System.lineSeparator());
    }

    /** The reference project, so that a command line that did parse would plan a stack that exists. */
    private static String[] withProject(String[] args) {
        if (args.length == 0 || !TapCli.commands().stream().anyMatch(c -> c.spec().name().equals(args[0]))
                || args[0].equals("rules") || args[0].equals("config")) {
            return args;
        }
        return Stream.concat(Stream.of(args), Stream.of("--project-dir", Reference.DIR.toString()))
                .toArray(String[]::new);
    }

    @Test
    void optionsMayComeBeforeOrAfterTheStackAndTakeTheirValueWithAnEqualsSign(@TempDir Path dir) throws Exception {
        var before = dir.resolve("before.json");
        var after = dir.resolve("after.json");

        TapRun first = tap("plan", "--json=" + before, "--project-dir", Reference.DIR.toString(), "dev");
        TapRun second = tap("plan", "dev", "--project-dir=" + Reference.DIR, "--json", after.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.size(before)).isPositive().isEqualTo(Files.size(after));
    }

    @Test
    void aRepeatedOptionKeepsEveryValueInOrder(@TempDir Path dir) throws Exception {
        Files.copy(Reference.DIR.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.copy(Reference.DIR.resolve("Pulumi.dev.yaml"), dir.resolve("Pulumi.dev.yaml"));

        var run = tap("new-env", "qa", "--project-dir", dir.toString(), "--set", Reference.NS + "owner=team-a",
                "--set", Reference.NS + "logRetentionDays=14");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var written = Files.readString(dir.resolve("Pulumi.qa.yaml"));
        assertThat(written).contains(Reference.NS + "owner: team-a").contains(Reference.NS + "logRetentionDays: 14");
    }
}
