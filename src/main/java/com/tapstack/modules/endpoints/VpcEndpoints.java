package com.tapstack.modules.endpoints;

import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tapstack.scope.StackScope;
import java.util.List;
import java.util.Map;

/**
 * Private routes to AWS APIs: an S3 gateway endpoint on the private route tables (ECR keeps image layers in
 * S3) and an interface endpoint per configured service (private DNS on), behind their own security group.
 * With them, tasks pull ECR images, write logs and read secrets without a NAT gateway.
 */
public final class VpcEndpoints extends ComponentResource {

    public static final String TYPE = "tap:endpoints:VpcEndpoints";

    private final List<Resource> endpoints = new java.util.ArrayList<>();

    public VpcEndpoints(String name, List<String> interfaces, Output<String> vpcId,
                        Output<List<String>> privateSubnetIds, Output<List<String>> privateRouteTableIds,
                        Output<List<String>> securityGroupIds, StackScope scope, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var region = scope.region();
        endpoints.add(new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpcId)
                .serviceName(serviceName(region, "s3"))
                .vpcEndpointType("Gateway")
                .routeTableIds(privateRouteTableIds)
                .tags(scope.tagsNamed("endpoint-s3"))
                .build(), child));
        for (var service : interfaces) {
            endpoints.add(new VpcEndpoint(name + "-" + service.replace('.', '-'), VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName(serviceName(region, service))
                    .vpcEndpointType("Interface")
                    .subnetIds(privateSubnetIds)
                    .securityGroupIds(securityGroupIds)
                    .privateDnsEnabled(true)
                    .tags(scope.tagsNamed("endpoint-" + service.replace('.', '-')))
                    .build(), child));
        }
        registerOutputs(Map.of());
    }

    /** Every endpoint: tasks that reach AWS through them must not start before they exist. */
    public List<Resource> endpoints() {
        return List.copyOf(endpoints);
    }

    public static String serviceName(String region, String service) {
        return "com.amazonaws." + region + "." + service;
    }
}
