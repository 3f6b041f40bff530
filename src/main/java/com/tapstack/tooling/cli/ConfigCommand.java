package com.tapstack.tooling.cli;

import com.tapstack.tooling.docs.ConfigReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "config", description = "Prints the configuration reference, generated from the key tables.")
final class ConfigCommand implements Callable<Integer> {

    static final class Format {
        @Option(names = "--markdown", description = "As docs/configuration.md (default)")
        boolean markdown;

        @Option(names = "--pulumi-yaml", description = "As the config: block of Pulumi.yaml")
        boolean pulumiYaml;
    }

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(format.pulumiYaml ? ConfigReference.pulumiYamlConfig() : ConfigReference.markdown());
        out.flush();
        return 0;
    }
}
