package com.tapstack.tooling.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code Pulumi.yaml} and the stack files are: {@code --project-dir}, else where ./tap lives, else here. */
final class ProjectOptions {

    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "Directory with Pulumi.yaml and the Pulumi.<stack>.yaml files (default: the project of ./tap)")
    Path projectDir;

    Path projectDir() {
        if (projectDir != null) {
            return projectDir;
        }
        var fromLauncher = System.getenv("TAP_PROJECT_DIR");
        return Path.of(fromLauncher != null && !fromLauncher.isBlank() ? fromLauncher : ".");
    }
}
