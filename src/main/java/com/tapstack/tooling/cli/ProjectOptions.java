package com.tapstack.tooling.cli;

import java.nio.file.Path;
import org.apache.commons.cli.Option;

/** {@code --project-dir}, taken by every command that reads the project's files. */
final class ProjectOptions {

    static final Option PROJECT_DIR = CommandSpec.valued("project-dir", "DIR",
            "Directory with Pulumi.yaml and the Pulumi.<stack>.yaml files (default: the project of ./tap)");

    private ProjectOptions() {
    }

    static Path projectDir(Invocation invocation) {
        var given = invocation.path(PROJECT_DIR);
        if (given.isPresent()) {
            return given.get();
        }
        var fromLauncher = System.getenv("TAP_PROJECT_DIR");
        return Path.of(fromLauncher != null && !fromLauncher.isBlank() ? fromLauncher : ".");
    }
}
