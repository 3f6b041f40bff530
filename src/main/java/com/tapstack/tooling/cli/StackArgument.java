package com.tapstack.tooling.cli;

import com.tapstack.stack.StackConfig;
import com.tapstack.stack.StackFiles;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The STACK operand and --project-dir of every command that plans a stack (operand 0, option {@link
 * ProjectOptions#PROJECT_DIR} in its spec), and the planning itself.
 */
final class StackArgument {

    static final CommandSpec.Operand OPERAND = new CommandSpec.Operand("STACK",
            "Stack name (dev reads Pulumi.dev.yaml) or the path of a stack file");

    final String stack;
    private final Path projectDir;
    private final PrintWriter err;

    StackArgument(Invocation invocation) {
        this.stack = invocation.operand(0);
        this.projectDir = ProjectOptions.projectDir(invocation);
        this.err = invocation.err();
    }

    /** A stack's configuration and its offline plan. */
    record Planned(StackConfig config, Path file, Plan plan) {
    }

    /**
     * The deploy identity's project ({@code bootstrap/}, named {@code <project>-deploy-identity}), planned offline
     * as the program {@code pulumi up} would run there; empty for any other project.
     */
    java.util.Optional<com.tapstack.tooling.offline.Plan> planDeployIdentity() {
        var dir = projectDir;
        var file = dir.resolve(com.tapstack.config.ProjectFile.FILE);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        var name = com.tapstack.config.YamlFiles.readMapping(file, com.tapstack.config.ProjectFile.FILE,
                "a Pulumi project file with name and runtime").get("name");
        if (!(name instanceof String text) || !com.tapstack.bootstrap.DeployIdentityProgram.runs(text)) {
            return java.util.Optional.empty();
        }
        var stackFile = StackFiles.locate(dir, stack);
        var source = com.tapstack.config.StackFileSource.read(new com.tapstack.config.ProjectFile(text,
                java.util.Map.of()), stackFile);
        var region = source.namespace("aws").get("region");
        var account = new com.tapstack.tooling.offline.SimulatedAccount(
                com.tapstack.tooling.offline.SimulatedAccount.DEFAULT_ACCOUNT_ID,
                region instanceof String r && !r.isBlank() ? r : "us-east-1");
        return java.util.Optional.of(OfflineEngine.plan(text, StackFiles.stackName(stackFile), account,
                java.util.function.UnaryOperator.identity(),
                ctx -> com.tapstack.bootstrap.DeployIdentityProgram.define(ctx, source)));
    }

    /**
     * Loads the stack file (a bad value stops here, with its one message; what nothing reads is a warning on
     * stderr) and plans it offline.
     */
    Planned plan() {
        var loaded = StackFiles.load(projectDir, stack);
        loaded.warnings().forEach(warning -> err.println("warning: " + warning));
        err.flush();
        return new Planned(loaded.config(), loaded.file(), OfflineEngine.plan(loaded.config(), loaded.stackName()));
    }

    /** Writes a report file and says so on {@code out}. */
    static void writeReport(java.io.PrintWriter out, Path file, String content) throws IOException {
        write(file, content);
        out.println("Wrote " + file);
    }

    /** Writes a report file, creating its directory. */
    static void write(Path file, String content) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, content + "\n");
    }
}
