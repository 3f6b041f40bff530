package com.tapstack.tooling.cli;

import com.tapstack.tooling.diff.OfflineDiff;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diff", description = {
        "Previews an update offline: compares a base (a plan written by `./tap plan --json`, or the output of",
        "`pulumi stack export`) with the head (the stack planned now, or --head FILE) and lists what would be",
        "created, updated, replaced and deleted, hazards first. Exit 0: no hazard; 3: at least one hazard;",
        "2: bad configuration or an unreadable base or head file."})
final class DiffCommand implements Callable<Integer> {

    /** Exit code when the diff holds at least one hazard. */
    static final int HAZARD = 3;

    @Option(names = "--base", paramLabel = "FILE", required = true,
            description = "The deployed side: `./tap plan <stack> --json FILE` output or `pulumi stack export` output")
    Path base;

    @Option(names = "--head", paramLabel = "FILE",
            description = "The new side as a plan file (default: plan STACK now from the working tree)")
    Path head;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the diff as JSON")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the diff as a pull-request comment")
    Path markdown;

    @Mixin
    StackArgument stack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OfflineDiff diff;
        if (head != null) {
            diff = OfflineDiff.of(base, head, stack.stack);
        } else {
            var planned = stack.plan();
            diff = OfflineDiff.of(base, planned.plan(), "the working tree (" + planned.file().getFileName() + ")");
        }
        var out = spec.commandLine().getOut();
        out.print(diff.terminal());
        if (json != null) {
            StackArgument.writeReport(out, json, diff.json());
        }
        if (markdown != null) {
            StackArgument.writeReport(out, markdown, diff.markdown());
        }
        out.flush();
        return diff.hazardous() ? HAZARD : 0;
    }
}
