package com.tapstack.tooling.cli;

/** A command line ./tap cannot run: an unknown command or option, a missing value. Exit 2, one line. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
