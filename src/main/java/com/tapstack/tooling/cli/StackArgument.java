package com.tapstack.tooling.cli;

import com.tapstack.stack.StackConfig;
import com.tapstack.stack.StackFiles;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The STACK argument and --project-dir of every command that plans a stack, and the planning itself. */
final class StackArgument {

    @Parameters(index = "0", paramLabel = "STACK",
            description = "Stack name (dev reads Pulumi.dev.yaml) or the path of a stack file")
    String stack;

    @Mixin
    ProjectOptions project;

    /** A stack's configuration and its offline plan. */
    record Planned(StackConfig config, Path file, Plan plan) {
    }

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * Loads the stack file (a bad value stops here, with its one message; what nothing reads is a warning on
     * stderr) and plans it offline.
     */
    Planned plan() {
        var loaded = StackFiles.load(project.projectDir(), stack);
        var err = spec.commandLine().getErr();
        loaded.warnings().forEach(warning -> err.println("warning: " + warning));
        err.flush();
        return new Planned(loaded.config(), loaded.file(), OfflineEngine.plan(loaded.config(), loaded.stackName()));
    }

    /** Writes a report file, creating its directory. */
    static void write(Path file, String content) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, content + "\n");
    }
}
