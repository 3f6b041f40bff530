package com.tapstack.tooling.cli;

/** One ./tap command: what it accepts and what it does with it. */
interface TapCommand {

    CommandSpec spec();

    /** Runs the command; returns the exit code. */
    int run(Invocation invocation) throws Exception;
}
