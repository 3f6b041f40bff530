package com.tapstack.tooling.cli;

import com.tapstack.tooling.check.Checker;
import com.tapstack.tooling.check.report.JsonReport;
import com.tapstack.tooling.check.report.SarifReport;
import com.tapstack.tooling.check.report.StackFileLines;
import com.tapstack.tooling.check.report.TerminalReport;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.commons.cli.Option;

final class CheckCommand implements TapCommand {

    private static final Option JSON = CommandSpec.valued("json", "FILE", "Also write the findings as JSON");
    private static final Option SARIF = CommandSpec.valued("sarif", "FILE", "Also write the findings as SARIF 2.1.0");

    static final CommandSpec SPEC = CommandSpec.named("check", "Check a stack's plan against the rule catalogue",
                    "Plans the stack offline and checks the plan graph (the inputs that would be sent to AWS) against"
                            + " the rule catalogue. Exit 1 when a critical or high finding remains, 0 otherwise.")
            .operand(StackArgument.OPERAND).options(JSON, SARIF, ProjectOptions.PROJECT_DIR).build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation invocation) throws IOException {
        var json = invocation.path(JSON);
        var sarif = invocation.path(SARIF);
        var planned = new StackArgument(invocation).plan();
        var plan = planned.plan();
        var report = Checker.check(plan, planned.config());
        var out = invocation.out();
        out.print(TerminalReport.render(report));
        if (json.isPresent()) {
            StackArgument.writeReport(out, json.get(), JsonReport.render(report));
        }
        if (sarif.isPresent()) {
            var lines = new StackFileLines(planned.file().getFileName().toString(), Files.readAllLines(planned.file()),
                    plan);
            StackArgument.writeReport(out, sarif.get(), SarifReport.render(report, lines));
        }
        return report.blocking() ? TapCli.FAILURE : 0;
    }
}
