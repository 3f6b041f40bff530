package com.tapstack.tooling.cli;

import com.tapstack.tooling.newenv.EnvironmentGenerator;
import com.tapstack.tooling.offline.OfflineEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new-env", description = {
        "Writes Pulumi.<NAME>.yaml from an existing stack file with the environment renamed and the given",
        "overrides applied, validates it and plans it offline, then prints the commands to create the stack."})
final class NewEnvCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The new environment (and stack) name, e.g. staging")
    String name;

    @Option(names = "--from", paramLabel = "STACK", defaultValue = "dev",
            description = "Stack file to start from (default: ${DEFAULT-VALUE})")
    String from;

    @Option(names = "--region", paramLabel = "REGION", description = "Set aws:region")
    String region;

    @Option(names = "--suffix", paramLabel = "SUFFIX", description = "Set <project>:environmentSuffix")
    String suffix;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set any key, e.g. <project>:azCount=3 or <project>:services.web.cpu=512 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "Overwrite an existing stack file")
    boolean force;

    @Mixin
    ProjectOptions project;

    @Spec
    CommandSpec spec;

    /** The zone ids the plan's subnets were placed in. */
    private static java.util.List<String> zoneIds(com.tapstack.tooling.offline.Plan plan) {
        return plan.outputs().get("availabilityZoneIds") instanceof java.util.List<?> ids
                ? ids.stream().map(String::valueOf).toList() : java.util.List.of();
    }

    @Override
    public Integer call() throws IOException {
        var generated = EnvironmentGenerator.generate(project.projectDir(), new EnvironmentGenerator.Request(name, from,
                Optional.ofNullable(region), Optional.ofNullable(suffix), overrides));
        EnvironmentGenerator.refuseOverwrite(generated, force);
        var plan = OfflineEngine.plan(generated.config(), name);
        var zonesWereRecorded = generated.config().network().zonesRecorded();
        generated = EnvironmentGenerator.recordZones(generated, zoneIds(plan));
        EnvironmentGenerator.write(generated, force);
        var out = spec.commandLine().getOut();
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
        out.flush();
        return 0;
    }
}
