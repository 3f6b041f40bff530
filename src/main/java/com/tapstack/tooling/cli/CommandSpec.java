package com.tapstack.tooling.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/**
 * What one {@code ./tap} command accepts: its name, what it does, its operands (positional, all required) and its
 * options. Built once per command; the parser and the help both read it.
 */
record CommandSpec(String name, String summary, List<String> paragraphs, List<Operand> operands, Options options) {

    /** Every command takes {@code -h/--help}. */
    static final Option HELP = Option.builder("h").longOpt("help").desc("Show this help and exit").get();

    /** A positional argument. */
    record Operand(String label, String description) {
    }

    /** A command with the one line {@code tap --help} shows for it and the paragraphs its own help shows. */
    static Builder named(String name, String summary, String... paragraphs) {
        return new Builder(name, summary, List.of(paragraphs));
    }

    /** The one-line synopsis, e.g. {@code tap plan [OPTIONS] STACK}. */
    String synopsis() {
        var text = new StringBuilder("tap ").append(name).append(" [OPTIONS]");
        operands.forEach(operand -> text.append(' ').append(operand.label()));
        return text.toString();
    }

    static final class Builder {
        private final String name;
        private final String summary;
        private final List<String> paragraphs;
        private final List<Operand> operands = new ArrayList<>();
        private final Options options = new Options();

        private Builder(String name, String summary, List<String> paragraphs) {
            this.name = name;
            this.summary = summary;
            this.paragraphs = paragraphs;
        }

        Builder operand(Operand operand) {
            operands.add(operand);
            return this;
        }

        Builder options(Option... added) {
            for (var option : added) {
                options.addOption(option);
            }
            return this;
        }

        /** Options of which at most one may be given. */
        Builder oneOf(Option... exclusive) {
            var group = new OptionGroup();
            for (var option : exclusive) {
                group.addOption(option);
            }
            options.addOptionGroup(group);
            return this;
        }

        CommandSpec build() {
            options.addOption(HELP);
            return new CommandSpec(name, summary, paragraphs, List.copyOf(operands), options);
        }
    }

    /**
     * An option that takes a value, e.g. {@code --json FILE} (also {@code --json=FILE}); given more than once,
     * {@link Invocation#values} has each value and {@link Invocation#value} the first.
     */
    static Option valued(String longName, String label, String description) {
        return Option.builder().longOpt(longName).hasArg().argName(label).desc(description).get();
    }

    /** The same, and the command refuses to run without it. */
    static Option requiredValued(String longName, String label, String description) {
        return Option.builder().longOpt(longName).hasArg().argName(label).required().desc(description).get();
    }

    /** An on/off switch. */
    static Option flag(String longName, String description) {
        return Option.builder().longOpt(longName).desc(description).get();
    }
}
