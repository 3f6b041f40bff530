package com.tapstack.tooling.cli;

import com.tapstack.config.ConfigException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./tap}: plan, check and generate TapStack stacks offline. Exit codes: 0 success, 1 failure,
 * 2 configuration that cannot be deployed (one line on stderr naming the key).
 */
@Command(name = "tap", mixinStandardHelpOptions = true, version = "tap 0.1.0",
        description = "TapStack offline tooling: see what `pulumi up` would create, without an AWS account.")
public final class TapCli implements Runnable {

    public static final int CONFIG_ERROR = 2;
    public static final int FAILURE = 1;

    @Spec
    CommandSpec spec;

    /** The subcommands, in the order `tap --help` lists them. */
    static List<Object> subcommands() {
        return List.of(new PlanCommand(), new CostCommand(), new CheckCommand(), new DiagramCommand(),
                new NewEnvCommand(), new InitCommand(), new RulesCommand(), new ConfigCommand(), new DocsCommand(),
                new DiffCommand());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new TapCli());
        addSubcommands(commandLine, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof ConfigException) {
                err.println("error: " + exception.getMessage());
                err.flush();
                return CONFIG_ERROR;
            }
            err.println("error: " + exception.getMessage());
            if (System.getenv("TAP_DEBUG") != null) {
                exception.printStackTrace(err);
            }
            err.flush();
            return FAILURE;
        });
        try {
            return commandLine.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // Input is capped before it can get here (nesting, aliases, sizes); if something still does, it is a
            // bug of ours: one line, exit 1, never a trace.
            err.println("error: " + e.getClass().getSimpleName() + " while running tap; this is a bug, please report"
                    + " it with the stack file that caused it");
            err.flush();
            return FAILURE;
        }
    }

    /**
     * Registers only the subcommand the command line names, or all of them when it names none (help, a typo: the
     * usage and picocli's suggestions list them all). picocli reads a command's annotations when it is added, and
     * that, not the parsing, is most of its start-up: every ./tap run is a fresh JVM, so it pays only for the
     * command it runs (bench/run measures it).
     */
    private static void addSubcommands(CommandLine commandLine, String[] args) {
        var all = subcommands();
        var named = all.stream()
                .filter(command -> args.length > 0 && nameOf(command).equals(args[0]))
                .findFirst();
        named.ifPresentOrElse(commandLine::addSubcommand, () -> all.forEach(commandLine::addSubcommand));
    }

    private static String nameOf(Object command) {
        return command.getClass().getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
