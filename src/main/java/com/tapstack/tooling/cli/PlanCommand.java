package com.tapstack.tooling.cli;

import static com.tapstack.tooling.cli.CommandSpec.valued;

import com.tapstack.tooling.offline.PlanExport;
import com.tapstack.tooling.offline.PlanSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.commons.cli.Option;

final class PlanCommand implements TapCommand {

    private static final Option JSON = valued("json", "FILE",
            "Also write the whole resource graph, shaped like `pulumi stack export`, to FILE");

    static final CommandSpec SPEC = CommandSpec.named("plan", "Plan a stack offline: what `pulumi up` would create, and what it costs",
                    "Runs the stack program offline against the built-in AWS simulator and prints what `pulumi up`"
                            + " would create. No AWS account, credentials, Pulumi CLI or network are used.")
            .operand(StackArgument.OPERAND).options(JSON, ProjectOptions.PROJECT_DIR).build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation invocation) throws IOException {
        var stack = new StackArgument(invocation);
        var json = invocation.path(JSON).orElse(null);
        var out = invocation.out();
        var identity = stack.planDeployIdentity();
        if (identity.isPresent()) {
            // The deploy identity (bootstrap/) has no stack configuration to price.
            out.print(PlanSummary.render(identity.get()));
            writeGraph(out, identity.get(), json);
        } else {
            var planned = stack.plan();
            out.print(PlanSummary.render(planned.plan()));
            out.print("\n" + com.tapstack.tooling.cost.CostReport.of(planned.plan(), planned.config()));
            writeGraph(out, planned.plan(), json);
        }
        out.flush();
        return 0;
    }

    private static void writeGraph(java.io.PrintWriter out, com.tapstack.tooling.offline.Plan plan, Path json)
            throws IOException {
        if (json != null) {
            StackArgument.write(json, PlanExport.toJson(plan, Instant.now()));
            out.println("\nWrote the plan graph to " + json);
        }
    }
}
