package com.tapstack.tooling.cli;

import com.tapstack.tooling.diagram.MermaidDiagram;
import java.io.IOException;
import org.apache.commons.cli.Option;

final class DiagramCommand implements TapCommand {

    private static final Option OUT = CommandSpec.valued("out", "FILE",
            "Write to FILE instead of the terminal; a .md file gets a ```mermaid block");

    static final CommandSpec SPEC = CommandSpec.named("diagram", "Draw a stack's architecture as a Mermaid flowchart",
                    "Draws the stack's architecture as a Mermaid flowchart from the offline plan: VPC and subnets per"
                            + " AZ, NAT, load balancer, services and who may call whom, Cloud Map, ECR, KMS, log"
                            + " groups.")
            .operand(StackArgument.OPERAND).options(OUT, ProjectOptions.PROJECT_DIR).build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation invocation) throws IOException {
        var diagram = MermaidDiagram.render(new StackArgument(invocation).plan().plan());
        var writer = invocation.out();
        var out = invocation.path(OUT);
        if (out.isEmpty()) {
            writer.print(diagram);
        } else {
            var markdown = out.get().getFileName().toString().endsWith(".md");
            StackArgument.writeReport(writer, out.get(), markdown ? "```mermaid\n" + diagram + "```"
                    : diagram.stripTrailing());
        }
        return 0;
    }
}
