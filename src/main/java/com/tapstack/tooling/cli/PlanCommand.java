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
            // The deploy identity (bootstrap/) has no stack configuration to price.
            out.print(PlanSummary.render(identity.get()));
            writeGraph(out, identity.get());
        } else {
            var planned = stack.plan();
            out.print(PlanSummary.render(planned.plan()));
            out.print("\n" + com.tapstack.tooling.cost.CostReport.of(planned.plan(), planned.config()));
            writeGraph(out, planned.plan());
        }
        out.flush();
        return 0;
    }

    private void writeGraph(java.io.PrintWriter out, com.tapstack.tooling.offline.Plan plan) throws IOException {
        if (json != null) {
            StackArgument.write(json, PlanExport.toJson(plan, Instant.now()));
            out.println("\nWrote the plan graph to " + json);
        }
    }
}
