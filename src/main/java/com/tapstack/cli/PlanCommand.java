package com.tapstack.cli;

import com.tapstack.config.StackFiles;
import com.tapstack.offline.OfflineEngine;
import com.tapstack.offline.PlanExport;
import com.tapstack.offline.PlanSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", description = {
        "Runs the stack program offline against the built-in AWS simulator and prints what `pulumi up` would",
        "create. No AWS account, credentials, Pulumi CLI or network are used."})
final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STACK",
            description = "Stack name (dev reads Pulumi.dev.yaml) or the path of a stack file")
    String stack;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the whole resource graph, shaped like `pulumi stack export`, to FILE")
    Path json;

    @Mixin
    ProjectOptions project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var loaded = StackFiles.load(project.projectDir(), stack);
        var plan = OfflineEngine.plan(loaded.config(), loaded.stackName());
        var out = spec.commandLine().getOut();
        out.print(PlanSummary.render(plan));
        out.print("\n" + com.tapstack.cost.CostReport.of(plan, loaded.config()));
        if (json != null) {
            if (json.toAbsolutePath().getParent() != null) {
                Files.createDirectories(json.toAbsolutePath().getParent());
            }
            Files.writeString(json, PlanExport.toJson(plan, Instant.now()) + "\n");
            out.println("\nWrote the plan graph to " + json);
        }
        out.flush();
        return 0;
    }
}
