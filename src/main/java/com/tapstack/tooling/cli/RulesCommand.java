package com.tapstack.tooling.cli;

import com.tapstack.text.TextTable;
import com.tapstack.tooling.check.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;

final class RulesCommand implements TapCommand {

    private static final Option MARKDOWN = CommandSpec.flag("markdown", "Print a Markdown table (as in docs/rules.md)");

    static final CommandSpec SPEC = CommandSpec.named("rules", "List the rules ./tap check runs",
            "Lists the rules ./tap check runs: id, severity, what must hold and why.").options(MARKDOWN).build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation invocation) {
        var out = invocation.out();
        if (invocation.flag(MARKDOWN)) {
            out.println("| Rule | Severity | What must hold | Why |");
            out.println("|---|---|---|---|");
            RuleCatalog.all().forEach(rule -> out.println("| " + rule.id() + " | " + rule.severity().label() + " | "
                    + rule.title() + " | " + rule.rationale() + " |"));
        } else {
            var rows = new ArrayList<List<String>>();
            rows.add(List.of("rule", "severity", "what must hold"));
            RuleCatalog.all().forEach(rule -> rows.add(List.of(rule.id(), rule.severity().label(), rule.title())));
            out.print(TextTable.render(rows));
        }
        return 0;
    }
}
