package com.tapstack.tooling.cli;

import com.tapstack.tooling.offline.PlanExport;
import com.tapstack.tooling.offline.PlanSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", description = {
        "Runs the stack program offline against the built-in AWS simulator and prints what `pulumi up` would",
        "create. No AWS account, credentials, Pulumi CLI or network are used."})
final class PlanCommand implements Callable<Integer> {

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the whole resource graph, shaped like `pulumi stack export`, to FILE")
    Path json;

    @Mixin
    StackArgument stack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var identity = stack.planDeployIdentity();
        if (identity.isPresent()) {
            out.print(PlanSummary.render(identity.get()));
            if (json != null) {
                StackArgument.write(json, PlanExport.toJson(identity.get(), Instant.now()));
                out.println("\nWrote the plan graph to " + json);
            }
            out.flush();
            return 0;
        }
        var planned = stack.plan();
        var plan = planned.plan();
        out.print(PlanSummary.render(plan));
        out.print("\n" + com.tapstack.tooling.cost.CostReport.of(plan, planned.config()));
        if (json != null) {
            StackArgument.write(json, PlanExport.toJson(plan, Instant.now()));
            out.println("\nWrote the plan graph to " + json);
        }
        out.flush();
        return 0;
    }
}
