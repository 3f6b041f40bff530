package com.tapstack.tooling.cli;

import com.tapstack.tooling.docs.GeneratedFiles;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "docs", description = {
        "Checks (default) or rewrites the files generated from the code: " + GeneratedFiles.CONFIGURATION + ", "
                + GeneratedFiles.RULES + " and the config: block of " + GeneratedFiles.PULUMI_YAML + ".",
        "Run it with --write after changing a key's default, range or meaning, or a rule."})
final class DocsCommand implements Callable<Integer> {

    @Option(names = "--write", description = "Rewrite the files that differ")
    boolean write;

    @Mixin
    ProjectOptions project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var dir = project.projectDir();
        if (write) {
            var written = GeneratedFiles.write(dir);
            out.println(written.isEmpty() ? "generated files are up to date" : "wrote " + String.join(", ", written));
            out.flush();
            return 0;
        }
        var stale = new java.util.ArrayList<String>();
        GeneratedFiles.expected(dir).forEach((path, text) -> {
            var file = dir.resolve(path);
            try {
                if (!Files.exists(file) || !Files.readString(file).equals(text)) {
                    stale.add(path);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (stale.isEmpty()) {
            out.println("generated files are up to date");
            out.flush();
            return 0;
        }
        var err = spec.commandLine().getErr();
        err.println("error: " + String.join(", ", stale) + " differ from what the code generates; run ./tap docs --write");
        err.flush();
        return TapCli.FAILURE;
    }
}
