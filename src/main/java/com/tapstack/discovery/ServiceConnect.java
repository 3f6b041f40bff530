package com.tapstack.discovery;

import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationLogConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationServiceArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationServiceClientAliasArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceConnectConfigurationServiceTimeoutArgs;
import com.pulumi.core.Output;
import com.tapstack.config.service.ServiceConfig;
import com.tapstack.config.service.ServiceConnectSettings;
import com.tapstack.scope.StackScope;
import java.util.List;
import java.util.Map;

/**
 * A service's ECS Service Connect configuration: every task gets ECS's proxy and joins the environment's namespace
 * (the same Cloud Map namespace Cloud Map DNS discovery uses: "The type of namespace doesn't affect Service
 * Connect", ECS API ServiceConnectConfiguration.namespace); a service with a port also serves one endpoint, its
 * client alias. The proxy listens on the container port (ingressPortOverride is left unset: "In awsvpc mode and
 * Fargate, the default value is the container port number", ECS API ServiceConnectService), so the security groups
 * that admit callers on that port stay as they are.
 */
public final class ServiceConnect {

    /** The proxy's log streams in its group: {@code service-connect/<container>/<task id>}. */
    public static final String LOG_STREAM_PREFIX = "service-connect";

    private ServiceConnect() {
    }

    /**
     * The name callers use: the configured alias, or the name Cloud Map DNS gives the service
     * ({@code orders.qa.shop.local}), so an environment that switches keeps its callers' addresses. That default
     * always fits the alias rule (up to 127 lowercase letters, digits, _ - and .): service, environment and project
     * names are lowercase and at most 20, 10 and 15 characters, 53 with the dots and {@code .local}.
     */
    public static String dnsName(ServiceConnectSettings endpoint, String service, StackScope scope) {
        return endpoint.dnsName().orElse(CloudMap.discoveryName(service, scope));
    }

    /**
     * The service's configuration: in the namespace {@code namespaceArn}, its endpoint if it has a port, and its
     * proxy logging to {@code logGroupName} the way its container logs.
     */
    public static ServiceServiceConnectConfigurationArgs configuration(ServiceConfig service, Output<String> namespaceArn,
                                                                       Output<String> logGroupName, String region,
                                                                       StackScope scope) {
        var args = ServiceServiceConnectConfigurationArgs.builder()
                .enabled(true)
                .namespace(namespaceArn)
                .logConfiguration(ServiceServiceConnectConfigurationLogConfigurationArgs.builder()
                        .logDriver("awslogs")
                        .options(logGroupName.applyValue(name -> logOptions(name, region)))
                        .build());
        service.serviceConnect().ifPresent(endpoint -> args.services(endpoint(service.name(), endpoint, scope)));
        return args.build();
    }

    private static ServiceServiceConnectConfigurationServiceArgs endpoint(String service, ServiceConnectSettings endpoint,
                                                                         StackScope scope) {
        var args = ServiceServiceConnectConfigurationServiceArgs.builder()
                .portName(endpoint.portName())
                .discoveryName(endpoint.discoveryName())
                .clientAlias(List.of(ServiceServiceConnectConfigurationServiceClientAliasArgs.builder()
                        .dnsName(dnsName(endpoint, service, scope))
                        .port(endpoint.port())
                        .build()));
        if (endpoint.idleTimeout().isPresent() || endpoint.perRequestTimeout().isPresent()) {
            var timeout = ServiceServiceConnectConfigurationServiceTimeoutArgs.builder();
            endpoint.idleTimeout().ifPresent(timeout::idleTimeoutSeconds);
            endpoint.perRequestTimeout().ifPresent(timeout::perRequestTimeoutSeconds);
            args.timeout(timeout.build());
        }
        return args.build();
    }

    /** awslogs, non-blocking like the application's container, so a CloudWatch Logs throttle never stalls the proxy. */
    static Map<String, String> logOptions(String logGroupName, String region) {
        return com.tapstack.logs.AwsLogsDriver.options(logGroupName, region, LOG_STREAM_PREFIX);
    }
}
