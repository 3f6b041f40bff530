package com.tapstack.tooling.cli;

import com.tapstack.tooling.docs.ConfigReference;
import org.apache.commons.cli.Option;

final class ConfigCommand implements TapCommand {

    private static final Option MARKDOWN = CommandSpec.flag("markdown", "As docs/configuration.md (default)");
    private static final Option PULUMI_YAML = CommandSpec.flag("pulumi-yaml", "As the config: block of Pulumi.yaml");

    static final CommandSpec SPEC = CommandSpec.named("config", "Print the configuration reference",
            "Prints the configuration reference, generated from the key tables.").oneOf(MARKDOWN, PULUMI_YAML).build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation invocation) {
        invocation.out().print(invocation.flag(PULUMI_YAML) ? ConfigReference.pulumiYamlConfig()
                : ConfigReference.markdown());
        return 0;
    }
}
