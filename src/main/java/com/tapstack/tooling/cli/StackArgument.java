package com.tapstack.tooling.cli;

import com.tapstack.bootstrap.DeployIdentityProgram;
import com.tapstack.config.ProjectFile;
import com.tapstack.config.StackFileSource;
import com.tapstack.config.YamlFiles;
import com.tapstack.stack.StackConfig;
import com.tapstack.stack.StackFiles;
import com.tapstack.tooling.offline.OfflineEngine;
import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.SimulatedAccount;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
    Optional<Plan> planDeployIdentity() {
        var file = projectDir.resolve(ProjectFile.FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var name = YamlFiles.readMapping(file, ProjectFile.FILE, "a Pulumi project file with name and runtime")
                .get("name");
        if (!(name instanceof String text) || !DeployIdentityProgram.runs(text)) {
            return Optional.empty();
        }
        var stackFile = StackFiles.locate(projectDir, stack);
        var source = StackFileSource.read(new ProjectFile(text, Map.of()), stackFile);
        var region = source.namespace("aws").get("region");
        var account = new SimulatedAccount(SimulatedAccount.DEFAULT_ACCOUNT_ID,
                region instanceof String r && !r.isBlank() ? r : "us-east-1");
        return Optional.of(OfflineEngine.plan(text, StackFiles.stackName(stackFile), account, UnaryOperator.identity(),
                ctx -> DeployIdentityProgram.define(ctx, source)));
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
    static void writeReport(PrintWriter out, Path file, String content) throws IOException {
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
