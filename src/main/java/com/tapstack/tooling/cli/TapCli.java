package com.tapstack.tooling.cli;

import com.tapstack.config.ConfigException;
import com.tapstack.text.Suggestions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.AlreadySelectedException;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.MissingOptionException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;
import org.apache.commons.cli.help.TextHelpAppendable;

/**
 * {@code ./tap}: plan, check and generate TapStack stacks offline. Exit codes: 0 success, 1 failure,
 * 2 a command line or configuration that cannot be used (one line on stderr naming what and what is allowed).
 */
public final class TapCli {

    public static final int CONFIG_ERROR = 2;
    public static final int FAILURE = 1;
    static final String VERSION = "tap 0.1.0";
    private static final int HELP_WIDTH = 100;
    private static final String SUMMARY =
            "TapStack offline tooling: see what `pulumi up` would create, without an AWS account.";

    private TapCli() {
    }

    /** The commands, in the order `tap --help` lists them. */
    static List<TapCommand> commands() {
        return List.of(new PlanCommand(), new CostCommand(), new CheckCommand(), new DiagramCommand(),
                new NewEnvCommand(), new InitCommand(), new RulesCommand(), new ConfigCommand(), new DocsCommand(),
                new DiffCommand());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(args, out, err);
        } catch (UsageException | ConfigException e) {
            return fail(err, e.getMessage(), CONFIG_ERROR, null);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // Input is capped before it can get here (nesting, aliases, sizes); if something still does, it is a
            // bug of ours: one line, exit 1, never a trace.
            return fail(err, e.getClass().getSimpleName() + " while running tap; this is a bug, please report it"
                    + " with the stack file that caused it", FAILURE, null);
        } catch (Exception e) {
            return fail(err, e.getMessage(), FAILURE, e);
        } finally {
            out.flush();
        }
    }

    private static int fail(PrintWriter err, String message, int code, Exception trace) {
        err.println("error: " + message);
        if (trace != null && System.getenv("TAP_DEBUG") != null) {
            trace.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static int dispatch(String[] args, PrintWriter out, PrintWriter err) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            usage(out);
            return 0;
        }
        if (args[0].equals("-V") || args[0].equals("--version")) {
            out.println(VERSION);
            return 0;
        }
        var all = commands();
        var names = all.stream().map(command -> command.spec().name()).toList();
        var command = all.stream().filter(candidate -> candidate.spec().name().equals(args[0])).findFirst()
                .orElseThrow(() -> new UsageException("tap: " + args[0] + " is not a command"
                        + Suggestions.closest(args[0], names).map(name -> " (did you mean " + name + "?)").orElse("")
                        + "; allowed: " + String.join(", ", names) + " (tap --help lists them)"));
        var spec = command.spec();
        var rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("-h") || Arrays.asList(rest).contains("--help")) {
            help(spec, out);
            return 0;
        }
        return command.run(new Invocation(spec, parse(spec, rest), out, err));
    }

    private static org.apache.commons.cli.CommandLine parse(CommandSpec spec, String[] args) {
        org.apache.commons.cli.CommandLine line;
        try {
            // No partial matching: --js is a typo, not --json.
            line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(spec.options(), args);
        } catch (ParseException e) {
            throw new UsageException("tap " + spec.name() + ": " + describe(e, spec));
        }
        var operands = line.getArgList();
        var expected = spec.operands();
        if (operands.size() < expected.size()) {
            throw new UsageException("tap " + spec.name() + ": " + expected.get(operands.size()).label()
                    + " is missing; usage: " + spec.synopsis());
        }
        if (operands.size() > expected.size()) {
            throw new UsageException("tap " + spec.name() + ": " + operands.get(expected.size())
                    + " is one argument too many; usage: " + spec.synopsis());
        }
        return line;
    }

    private static String describe(ParseException e, CommandSpec spec) {
        var longNames = spec.options().getOptions().stream().map(option -> "--" + option.getLongOpt()).sorted()
                .toList();
        if (e instanceof UnrecognizedOptionException unknown) {
            var given = unknown.getOption().split("=", 2)[0];
            return given + " is not an option of this command"
                    + Suggestions.closest(given, longNames).map(name -> " (did you mean " + name + "?)").orElse("")
                    + "; allowed: " + String.join(", ", longNames);
        }
        if (e instanceof MissingOptionException missing) {
            return missing.getMissingOptions().stream().map(TapCli::nameOf).reduce((a, b) -> a + ", " + b)
                    .orElse("an option") + " is required; usage: " + spec.synopsis() + " " + requiredSynopsis(spec);
        }
        if (e instanceof MissingArgumentException noValue) {
            return "--" + noValue.getOption().getLongOpt() + " needs a value; allowed: --"
                    + noValue.getOption().getLongOpt() + " " + noValue.getOption().getArgName();
        }
        if (e instanceof AlreadySelectedException both) {
            return "--" + both.getOption().getLongOpt() + " cannot be given with --"
                    + both.getOptionGroup().getSelected() + "; allowed: one of " + both.getOptionGroup().getNames()
                    .stream().map(name -> "--" + name).sorted().reduce((a, b) -> a + ", " + b).orElse("");
        }
        return e.getMessage();
    }

    private static String nameOf(Object missing) {
        return missing instanceof Option option ? "--" + option.getLongOpt() : "--" + missing;
    }

    private static String requiredSynopsis(CommandSpec spec) {
        return String.join(" ", spec.options().getOptions().stream().filter(Option::isRequired)
                .map(option -> "--" + option.getLongOpt() + " " + option.getArgName()).toList());
    }

    /** {@code tap --help}: the commands and what each does. */
    private static void usage(PrintWriter out) {
        out.println("Usage: tap [-h] [-V] COMMAND [OPTIONS] [ARGUMENTS]");
        out.println(SUMMARY);
        out.println();
        printColumns(out, "Commands:", commands().stream()
                .map(command -> List.of(command.spec().name(), command.spec().summary())).toList());
        printColumns(out, "Options:", List.of(List.of("-h, --help", "Show this help and exit"),
                List.of("-V, --version", "Print the version and exit")));
        out.println("tap COMMAND --help shows a command's arguments and options.");
    }

    /** {@code tap COMMAND --help}: its synopsis, what it does, its operands and options. */
    private static void help(CommandSpec spec, PrintWriter out) {
        var text = new StringBuilder();
        var wrapped = new TextHelpAppendable(text);
        wrapped.setMaxWidth(HELP_WIDTH);
        wrapped.setLeftPad(0);
        wrapped.setIndent(0);
        try {
            wrapped.appendParagraph("Usage: " + spec.synopsis());
            for (var paragraph : spec.paragraphs()) {
                wrapped.appendParagraph(paragraph);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.print(text);
        var rows = new ArrayList<List<String>>();
        spec.operands().forEach(operand -> rows.add(List.of(operand.label(), operand.description())));
        printColumns(out, "Arguments:", rows);
        rows.clear();
        spec.options().getOptions().forEach(option -> rows.add(List.of(
                (option.getOpt() != null ? "-" + option.getOpt() + ", " : "") + "--" + option.getLongOpt()
                        + (option.hasArg() ? " " + option.getArgName() : ""),
                option.getDescription())));
        printColumns(out, "Options:", rows);
    }

    private static void printColumns(PrintWriter out, String heading, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.stream().mapToInt(row -> row.get(0).length()).max().orElse(0);
        out.println(heading);
        rows.forEach(row -> out.printf("  %-" + width + "s  %s%n", row.get(0), row.get(1)));
        out.println();
    }
}
