package com.tapstack.tooling.cli;

import com.tapstack.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code ./tap}: plan, check and generate TapStack stacks offline. Exit codes: 0 success, 1 failure,
 * 2 configuration that cannot be deployed (one line on stderr naming the key).
 */
@Command(name = "tap", mixinStandardHelpOptions = true, version = "tap 0.1.0",
        description = "TapStack offline tooling: see what `pulumi up` would create, without an AWS account.",
        subcommands = {PlanCommand.class, CostCommand.class, CheckCommand.class, DiagramCommand.class, NewEnvCommand.class,
                InitCommand.class, RulesCommand.class, ConfigCommand.class, DocsCommand.class, DiffCommand.class})
public final class TapCli implements Runnable {

    public static final int CONFIG_ERROR = 2;
    public static final int FAILURE = 1;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new TapCli());
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

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
