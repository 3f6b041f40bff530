package com.tapstack.tooling.cli;

import com.tapstack.text.TextTable;
import com.tapstack.tooling.check.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rules", description = "Lists the rules ./tap check runs: id, severity, what must hold and why.")
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print a Markdown table (as in docs/rules.md)")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (markdown) {
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
        out.flush();
        return 0;
    }
}
