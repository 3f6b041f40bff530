package com.tapstack.tooling.cli;

import com.tapstack.tooling.diagram.MermaidDiagram;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "diagram", description = {
        "Draws the stack's architecture as a Mermaid flowchart from the offline plan: VPC and subnets per AZ,",
        "NAT, load balancer, services and who may call whom, Cloud Map, ECR, KMS, log groups."})
final class DiagramCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to FILE instead of the terminal; a .md file gets a ```mermaid block")
    Path out;

    @Mixin
    StackArgument stack;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var diagram = MermaidDiagram.render(stack.plan().plan());
        var writer = spec.commandLine().getOut();
        if (out == null) {
            writer.print(diagram);
        } else {
            var markdown = out.getFileName().toString().endsWith(".md");
            StackArgument.writeReport(writer, out, markdown ? "```mermaid\n" + diagram + "```"
                    : diagram.stripTrailing());
        }
        writer.flush();
        return 0;
    }
}
