package com.tapstack.cli;

import com.tapstack.config.StackFiles;
import com.tapstack.cost.CostReport;
import com.tapstack.offline.OfflineEngine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "cost", description = {
        "Plans the stack offline and prints its monthly cost at list prices, per resource family, from the price",
        "table shipped with the project (region, currency and date stated)."})
final class CostCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STACK",
            description = "Stack name (dev reads Pulumi.dev.yaml) or the path of a stack file")
    String stack;

    @Mixin
    ProjectOptions project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var loaded = StackFiles.load(project.projectDir(), stack);
        var config = loaded.config();
        var plan = OfflineEngine.plan(config, loaded.stackName());
        var out = spec.commandLine().getOut();
        out.print(CostReport.of(plan, config));
        out.flush();
        return 0;
    }
}
