package com.tapstack.bootstrap;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import com.tapstack.config.ConfigException;
import com.tapstack.config.ConfigSource;

/**
 * The deploy identity as a Pulumi program of its own ({@code bootstrap/Pulumi.yaml}, project
 * {@code <stack project>-deploy-identity}), run once per AWS account by someone allowed to create IAM roles.
 * It ships in the same jar as the stack; the jar's main class (App) starts it when the project's name ends with
 * {@value DeployIdentityConfig#PROJECT_ENDING}.
 */
public final class DeployIdentityProgram {

    private DeployIdentityProgram() {
    }

    public static boolean runs(String projectName) {
        return projectName.endsWith(DeployIdentityConfig.PROJECT_ENDING);
    }

    /** Defines the program for a configuration source; the outputs are what the workflows need. */
    public static DeployIdentity define(Context ctx, ConfigSource source) {
        var region = source.namespace("aws").get("region");
        if (!(region instanceof String text) || text.isBlank()) {
            throw new ConfigException(source.origin(), "aws:region", "is not set", "the region the roles are for,"
                    + " e.g. pulumi config set aws:region us-east-1");
        }
        var config = DeployIdentityConfig.read(source, ctx.projectName());
        var identity = new DeployIdentity(ctx.projectName(), config, text, ComponentResourceOptions.builder().build());
        ctx.export("oidcProviderArn", identity.providerArn());
        identity.roleArns().forEach((environment, arn) -> ctx.export("deployRoleArn-" + environment, arn));
        identity.previewRoleArns().forEach((environment, arn) -> ctx.export("previewRoleArn-" + environment, arn));
        return identity;
    }
}
