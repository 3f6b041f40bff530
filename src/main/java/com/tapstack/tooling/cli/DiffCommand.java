package com.tapstack.tooling.cli;

import com.tapstack.tooling.diff.OfflineDiff;
import java.io.IOException;
import org.apache.commons.cli.Option;

final class DiffCommand implements TapCommand {

    /** Exit code when the diff holds at least one hazard. */
    static final int HAZARD = 3;

    private static final Option BASE = CommandSpec.requiredValued("base", "FILE",
            "The deployed side: `./tap plan <stack> --json FILE` output or `pulumi stack export` output");
    private static final Option HEAD = CommandSpec.valued("head", "FILE",
            "The new side as a plan file (default: plan STACK now from the working tree)");
    private static final Option JSON = CommandSpec.valued("json", "FILE", "Also write the diff as JSON");
    private static final Option MARKDOWN = CommandSpec.valued("markdown", "FILE",
            "Also write the diff as a pull-request comment");

    static final CommandSpec SPEC = CommandSpec.named("diff", "Preview an update offline: what would be created, updated, replaced or deleted",
                    "Previews an update offline: compares a base (a plan written by `./tap plan --json`, or the"
                            + " output of `pulumi stack export`) with the head (the stack planned now, or --head FILE)"
                            + " and lists what would be created, updated, replaced and deleted, hazards first.",
                    "Exit 0: no hazard; 3: at least one hazard; 2: bad configuration or an unreadable base or head"
                            + " file.")
            .operand(StackArgument.OPERAND).options(BASE, HEAD, JSON, MARKDOWN, ProjectOptions.PROJECT_DIR).build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation invocation) throws IOException {
        var stack = new StackArgument(invocation);
        var base = invocation.path(BASE).orElseThrow();
        var head = invocation.path(HEAD);
        var json = invocation.path(JSON);
        var markdown = invocation.path(MARKDOWN);
        var deployed = OfflineDiff.readBase(base);
        OfflineDiff diff;
        if (head.isPresent()) {
            diff = deployed.against(head.get(), stack.stack);
        } else {
            var planned = stack.plan();
            diff = deployed.against(planned.plan(), "the working tree (" + planned.file().getFileName() + ")");
        }
        var out = invocation.out();
        out.print(diff.terminal());
        if (json.isPresent()) {
            StackArgument.writeReport(out, json.get(), diff.json());
        }
        if (markdown.isPresent()) {
            StackArgument.writeReport(out, markdown.get(), diff.markdown());
        }
        return diff.hazardous() ? HAZARD : 0;
    }
}
