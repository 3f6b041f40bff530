package com.tapstack.cli;

import com.tapstack.config.StackFiles;
import com.tapstack.diagram.MermaidDiagram;
import com.tapstack.offline.OfflineEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diagram", description = {
        "Draws the stack's architecture as a Mermaid flowchart from the offline plan: VPC and subnets per AZ,",
        "NAT, load balancer, services and who may call whom, Cloud Map, ECR, KMS, log groups."})
final class DiagramCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STACK", description = "Stack name (dev reads Pulumi.dev.yaml) or a stack file")
    String stack;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write to FILE instead of the terminal; a .md file gets a ```mermaid block")
    Path out;

    @Mixin
    ProjectOptions project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var loaded = StackFiles.load(project.projectDir(), stack);
        var diagram = MermaidDiagram.render(OfflineEngine.plan(loaded.config(), loaded.stackName()));
        var writer = spec.commandLine().getOut();
        if (out == null) {
            writer.print(diagram);
        } else {
            var markdown = out.getFileName().toString().endsWith(".md");
            CheckCommand.write(out, markdown ? "```mermaid\n" + diagram + "```" : diagram.stripTrailing());
            writer.println("Wrote " + out);
        }
        writer.flush();
        return 0;
    }
}
