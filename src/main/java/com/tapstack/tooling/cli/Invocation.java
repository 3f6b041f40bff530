package com.tapstack.tooling.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** One parsed command line of one command, and where it prints. */
final class Invocation {

    private final CommandSpec spec;
    private final CommandLine line;
    private final PrintWriter out;
    private final PrintWriter err;

    Invocation(CommandSpec spec, CommandLine line, PrintWriter out, PrintWriter err) {
        this.spec = spec;
        this.line = line;
        this.out = out;
        this.err = err;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** The operand at {@code index} (the parser has checked that each is there). */
    String operand(int index) {
        return line.getArgList().get(index);
    }

    Optional<String> value(Option option) {
        return Optional.ofNullable(line.getOptionValue(option));
    }

    /** Every value of a repeatable option, in the order given. */
    List<String> values(Option option) {
        var values = line.getOptionValues(option);
        return values == null ? List.of() : List.of(values);
    }

    boolean flag(Option option) {
        return line.hasOption(option);
    }

    /** An option's value as a path; a value no file system accepts is a usage error. */
    Optional<Path> path(Option option) {
        return value(option).map(text -> toPath("--" + option.getLongOpt(), text));
    }

    /** The operand at {@code index} as a path. */
    Path operandPath(int index) {
        return toPath(spec.operands().get(index).label(), operand(index));
    }

    private Path toPath(String what, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException("tap " + spec.name() + ": " + what + " " + text + " is not a path ("
                    + e.getReason() + "); allowed: a file path");
        }
    }
}
