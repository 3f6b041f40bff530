package com.tapstack.tooling.cli;

import com.tapstack.tooling.cost.CostReport;

final class CostCommand implements TapCommand {

    static final CommandSpec SPEC = CommandSpec.named("cost", "A stack's monthly cost at list prices",
                    "Plans the stack offline and prints its monthly cost at list prices, per resource family, from the"
                            + " price table shipped with the project (region, currency and date stated).")
            .operand(StackArgument.OPERAND).options(ProjectOptions.PROJECT_DIR).build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation invocation) {
        var planned = new StackArgument(invocation).plan();
        invocation.out().print(CostReport.of(planned.plan(), planned.config()));
        return 0;
    }
}
