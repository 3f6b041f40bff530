package com.tapstack.modules.parameters;

import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.scope.StackScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SSM parameters from real values in the stack file, under {@code /<project>/<environment>/<suffix>/}: one path
 * per deployment, so environments and deployments never read each other's values. SecureStrings are
 * encrypted with the stack key and their value stays a Pulumi secret end to end.
 */
public final class StackParameters extends ComponentResource {

    public static final String TYPE = "tap:parameters:StackParameters";

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    public StackParameters(String name, Map<String, ParameterConfig> configs, Output<String> kmsKeyArn,
                           StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        configs.values().forEach(parameter -> {
            var value = parameter.valueIsSecret() || parameter.secure()
                    ? Output.ofSecret(parameter.plaintext()) : Output.of(parameter.plaintext());
            var args = ParameterArgs.builder()
                    .name(scope.naming().applyValue(n -> path(scope.project(), scope.environment(), n.suffix(),
                            parameter.name())))
                    .description("Set from " + scope.configFile() + " (" + scope.key("parameters." + parameter.name()) + ")")
                    .type(parameter.secure() ? "SecureString" : "String")
                    .tier("Standard")
                    .value(value)
                    .tags(scope.commonTags());
            if (parameter.secure()) {
                args.keyId(kmsKeyArn);
            }
            parameters.put(parameter.name(), new Parameter(name + "-" + parameter.name(), args.build(),
                    CustomResourceOptions.builder().parent(this).build()));
        });
        var outputs = new LinkedHashMap<String, Output<?>>();
        parameters.forEach((key, parameter) -> outputs.put(key, parameter.arn()));
        registerOutputs(Map.copyOf(outputs));
    }

    /** {@code /<project>/<environment>/<suffix>/<name>}. */
    public static String path(String project, String environment, String suffix, String name) {
        return "/" + project + "/" + environment + "/" + suffix + "/" + name;
    }

    /** ARN of every parameter by name. */
    public Output<Map<String, String>> arns() {
        var entries = parameters.entrySet().stream()
                .map(e -> e.getValue().arn().applyValue(arn -> Map.entry(e.getKey(), arn))).toList();
        return Output.all(entries).applyValue(list -> {
            var map = new LinkedHashMap<String, String>();
            list.forEach(e -> map.put(e.getKey(), e.getValue()));
            return (Map<String, String>) map;
        });
    }
}
