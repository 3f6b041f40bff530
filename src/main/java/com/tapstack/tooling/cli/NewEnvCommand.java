package com.tapstack.tooling.cli;

import com.tapstack.tooling.newenv.EnvironmentGenerator;
import com.tapstack.tooling.offline.OfflineEngine;
import java.io.IOException;
import org.apache.commons.cli.Option;

final class NewEnvCommand implements TapCommand {

    private static final String DEFAULT_FROM = "dev";
    private static final Option FROM = CommandSpec.valued("from", "STACK",
            "Stack file to start from (default: " + DEFAULT_FROM + ")");
    private static final Option REGION = CommandSpec.valued("region", "REGION", "Set aws:region");
    private static final Option SUFFIX = CommandSpec.valued("suffix", "SUFFIX", "Set <project>:environmentSuffix");
    private static final Option SET = CommandSpec.valued("set", "KEY=VALUE",
            "Set any key, e.g. <project>:azCount=3 or <project>:services.web.cpu=512 (repeatable)");
    private static final Option FORCE = CommandSpec.flag("force", "Overwrite an existing stack file");

    static final CommandSpec SPEC = CommandSpec.named("new-env", "Write a new environment's stack file from an existing one, checked and planned",
                    "Writes Pulumi.<NAME>.yaml from an existing stack file with the environment renamed and the given"
                            + " overrides applied, validates it and plans it offline, then prints the commands to"
                            + " create the stack.")
            .operand(new CommandSpec.Operand("NAME", "The new environment (and stack) name, e.g. staging"))
            .options(FROM, REGION, SUFFIX, SET, FORCE, ProjectOptions.PROJECT_DIR).build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** The zone ids the plan's subnets were placed in. */
    private static java.util.List<String> zoneIds(com.tapstack.tooling.offline.Plan plan) {
        return plan.outputs().get("availabilityZoneIds") instanceof java.util.List<?> ids
                ? ids.stream().map(String::valueOf).toList() : java.util.List.of();
    }

    @Override
    public int run(Invocation invocation) throws IOException {
        var name = invocation.operand(0);
        var force = invocation.flag(FORCE);
        var generated = EnvironmentGenerator.generate(ProjectOptions.projectDir(invocation),
                new EnvironmentGenerator.Request(name, invocation.value(FROM).orElse(DEFAULT_FROM),
                        invocation.value(REGION), invocation.value(SUFFIX), invocation.values(SET)));
        EnvironmentGenerator.refuseOverwrite(generated, force);
        var plan = OfflineEngine.plan(generated.config(), name);
        var zonesWereRecorded = generated.config().network().zonesRecorded();
        generated = EnvironmentGenerator.recordZones(generated, zoneIds(plan));
        EnvironmentGenerator.write(generated, force);
        var out = invocation.out();
        out.println("Wrote " + generated.file().getFileName() + " (environment " + name + ", from "
                + generated.source().getFileName() + ", region " + generated.config().region() + ").");
        out.println("It passes the stack loader and plans offline: " + plan.customResources().size() + " resources.");
        if (!zonesWereRecorded && generated.config().network().zonesRecorded()) {
            out.println("Recorded its availability zones by id: " + String.join(", ",
                    generated.config().network().zoneIds()) + ". Check that your account offers them:");
            out.println("  aws ec2 describe-availability-zones --region " + generated.config().region()
                    + " --query 'AvailabilityZones[].ZoneId'");
        }
        out.println();
        out.println("Next:");
        out.println("  ./tap plan " + name + " && ./tap check " + name);
        out.println("  pulumi stack init " + name);
        out.println("  pulumi up --stack " + name);
        return 0;
    }
}
