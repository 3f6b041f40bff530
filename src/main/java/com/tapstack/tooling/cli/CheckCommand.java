package com.tapstack.tooling.cli;

import com.tapstack.tooling.check.Checker;
import com.tapstack.tooling.check.report.JsonReport;
import com.tapstack.tooling.check.report.SarifReport;
import com.tapstack.tooling.check.report.StackFileLines;
import com.tapstack.tooling.check.report.TerminalReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", description = {
        "Plans the stack offline and checks the plan graph (the inputs that would be sent to AWS) against the",
        "rule catalogue. Exit 1 when a critical or high finding remains, 0 otherwise."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the findings as JSON")
    Path json;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0")
    Path sarif;

    @Mixin
    StackArgument stack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var planned = stack.plan();
        var plan = planned.plan();
        var report = Checker.check(plan, planned.config());
        var out = spec.commandLine().getOut();
        out.print(TerminalReport.render(report));
        if (json != null) {
            StackArgument.writeReport(out, json, JsonReport.render(report));
        }
        if (sarif != null) {
            var lines = new StackFileLines(planned.file().getFileName().toString(), Files.readAllLines(planned.file()),
                    plan);
            StackArgument.writeReport(out, sarif, SarifReport.render(report, lines));
        }
        out.flush();
        return report.blocking() ? TapCli.FAILURE : 0;
    }
}
