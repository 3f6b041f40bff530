package com.tapstack.tooling.cli;

import com.tapstack.tooling.docs.GeneratedFiles;
import java.nio.file.Files;
import org.apache.commons.cli.Option;

final class DocsCommand implements TapCommand {

    private static final Option WRITE = CommandSpec.flag("write", "Rewrite the files that differ");

    static final CommandSpec SPEC = CommandSpec.named("docs", "Check or rewrite the files generated from the code",
                    "Checks (default) or rewrites the files generated from the code: " + GeneratedFiles.CONFIGURATION
                            + ", " + GeneratedFiles.RULES + " and the config: block of " + GeneratedFiles.PULUMI_YAML
                            + ". Run it with --write after changing a key's default, range or meaning, or a rule.")
            .options(WRITE, ProjectOptions.PROJECT_DIR).build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation invocation) throws Exception {
        var out = invocation.out();
        var dir = ProjectOptions.projectDir(invocation);
        if (invocation.flag(WRITE)) {
            var written = GeneratedFiles.write(dir);
            out.println(written.isEmpty() ? "generated files are up to date" : "wrote " + String.join(", ", written));
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
            return 0;
        }
        var err = invocation.err();
        err.println("error: " + String.join(", ", stale) + " differ from what the code generates; run ./tap docs --write");
        err.flush();
        return TapCli.FAILURE;
    }
}
