package com.tapstack.tooling.cli;

import com.tapstack.tooling.cost.CostReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "cost", description = {
        "Plans the stack offline and prints its monthly cost at list prices, per resource family, from the price",
        "table shipped with the project (region, currency and date stated)."})
final class CostCommand implements Callable<Integer> {

    @Mixin
    StackArgument stack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var planned = stack.plan();
        var out = spec.commandLine().getOut();
        out.print(CostReport.of(planned.plan(), planned.config()));
        out.flush();
        return 0;
    }
}
