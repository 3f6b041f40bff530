package com.tapstack.discovery;

import com.pulumi.aws.servicediscovery.PrivateDnsNamespace;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespaceArgs;
import com.pulumi.aws.servicediscovery.Service;
import com.pulumi.aws.servicediscovery.ServiceArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigDnsRecordArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceHealthCheckCustomConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tapstack.scope.StackScope;

/**
 * Service discovery, all of it: the private DNS namespace of the deployment ({@code <environment>.<project>.local})
 * and each service's registration in it, which ECS keeps in step with the service's healthy tasks. Services find
 * each other as {@code <service>.<environment>.<project>.local}.
 */
public final class CloudMap {

    /** Discovery records live 10 s, so clients follow tasks that come and go within seconds. */
    public static final int DNS_TTL_SECONDS = 10;

    private CloudMap() {
    }

    /** {@code <environment>.<project>.local}: services resolve as {@code api.dev.shop.local}. */
    public static String namespaceName(StackScope scope) {
        return scope.environment() + "." + scope.project() + ".local";
    }

    /** The name a service is found by. */
    public static String discoveryName(String service, StackScope scope) {
        return service + "." + namespaceName(scope);
    }

    /** The deployment's private DNS namespace in the VPC. */
    public static PrivateDnsNamespace namespace(String logicalName, Output<String> vpcId, StackScope scope,
                                                CustomResourceOptions options) {
        return new PrivateDnsNamespace(logicalName, PrivateDnsNamespaceArgs.builder()
                .name(namespaceName(scope))
                .vpc(vpcId)
                .description("Service discovery for " + scope.project() + " " + scope.environment())
                .tags(scope.commonTags())
                .build(), options);
    }

    /** A service's A records in the namespace; the ECS service names it in its serviceRegistries. */
    public static Service register(String logicalName, String service, Output<String> namespaceId, StackScope scope,
                                   CustomResourceOptions options) {
        return new Service(logicalName, ServiceArgs.builder()
                .name(service)
                .description("Tasks of " + service)
                .dnsConfig(ServiceDnsConfigArgs.builder()
                        .namespaceId(namespaceId)
                        .dnsRecords(ServiceDnsConfigDnsRecordArgs.builder().type("A").ttl(DNS_TTL_SECONDS).build())
                        .routingPolicy("MULTIVALUE")
                        .build())
                // ECS reports task health to Cloud Map (the only health check a private namespace supports).
                .healthCheckCustomConfig(ServiceHealthCheckCustomConfigArgs.builder().failureThreshold(1).build())
                .forceDestroy(!scope.protect())
                .tags(scope.commonTags())
                .build(), options);
    }
}
