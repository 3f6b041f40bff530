package com.tapstack.tooling.check.rules;

import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the tasks of one ECS service need to reach without NAT, and which of it the VPC's endpoints provide.
 * From the ECS and ECR developer guides (vpc-endpoints, ecs-exec): Fargate 1.4.0 pulls from ECR through the
 * ecr.api and ecr.dkr interface endpoints plus the S3 gateway endpoint (layers live in S3; S3 interface endpoints
 * do not work for ECR); awslogs needs logs; secrets need secretsmanager or ssm, whichever holds them; ECS Exec
 * needs ssmmessages, and kms when its sessions are encrypted with a key. Decrypting a KMS-encrypted secret or
 * image happens on the service's side and needs no kms endpoint. Public registries (ghcr.io, Docker Hub, ECR
 * Public) have no VPC endpoint at all.
 */
record PrivatePaths(List<String> missing, List<String> missingInterfaces, List<String> unreachableImages) {

    static PrivatePaths of(CheckContext context, PlannedResource service, List<String> subnets) {
        return of(context, context.taskDefinitionOf(service), Boolean.TRUE.equals(service.input("enableExecuteCommand")),
                service.input("cluster"), subnets);
    }

    /**
     * The same for tasks started by {@code taskDefinition} in {@code cluster} (an ECS service's, or a schedule's
     * RunTask), {@code exec} when they run with ECS Exec.
     */
    static PrivatePaths of(CheckContext context, java.util.Optional<PlannedResource> taskDefinition, boolean exec,
                           Object cluster, List<String> subnets) {
        var needs = new LinkedHashMap<String, String>();
        var unreachable = new TreeSet<String>();
        boolean needsS3 = false;
        for (var container : taskDefinition.map(context::containersOf).orElse(List.of())) {
            var image = String.valueOf(container.get("image"));
            var registry = image.contains("/") ? image.substring(0, image.indexOf('/')) : "docker.io";
            if (registry.matches("\\d{12}\\.dkr\\.ecr\\." + java.util.regex.Pattern.quote(context.region())
                    + "\\.amazonaws\\.com(\\.cn)?")) {
                needs.put("ecr.api", "ECR (image pull)");
                needs.put("ecr.dkr", "ECR (image pull)");
                needsS3 = true;
            } else {
                unreachable.add(image);
            }
            if (container.get("logConfiguration") instanceof Map<?, ?> log && "awslogs".equals(log.get("logDriver"))) {
                needs.put("logs", "CloudWatch Logs (awslogs)");
            }
            for (var variable : ComputeRules.maps(container.get("environment"))) {
                var value = String.valueOf(variable.get("value"));
                if (value.startsWith("https://sqs.")) {
                    needs.put("sqs", "SQS (queue URL " + variable.get("name") + ")");
                }
                if (com.tapstack.config.service.Sidecar.COLLECTOR_CONFIG_VARIABLE.equals(variable.get("name"))) {
                    needs.put("xray", "X-Ray (the ADOT collector's traces)");
                }
            }
            for (var secret : ComputeRules.maps(container.get("secrets"))) {
                var valueFrom = String.valueOf(secret.get("valueFrom"));
                needs.put(valueFrom.contains(":secretsmanager:") ? "secretsmanager" : "ssm",
                        valueFrom.contains(":secretsmanager:") ? "Secrets Manager (secrets)" : "SSM (secrets)");
            }
        }
        if (exec) {
            needs.put("ssmmessages", "Session Manager (ECS Exec)");
            if (execEncrypted(context, cluster)) {
                needs.put("kms", "KMS (encrypted ECS Exec sessions)");
            }
        }
        var vpc = vpcOf(context, subnets);
        var missing = new ArrayList<String>();
        var missingInterfaces = new ArrayList<String>();
        needs.forEach((endpoint, what) -> {
            if (!hasInterface(context, vpc, endpoint)) {
                missing.add(endpoint + " for " + what);
                missingInterfaces.add(endpoint);
            }
        });
        if (needsS3 && !s3GatewayReaches(context, vpc, subnets)) {
            missing.add("the S3 gateway for ECR image layers");
        }
        return new PrivatePaths(missing, missingInterfaces, List.copyOf(unreachable));
    }

    private static boolean execEncrypted(CheckContext context, Object cluster) {
        return context.resolve(cluster)
                .map(resource -> resource.inputAt("configuration.executeCommandConfiguration.kmsKeyId") != null)
                .orElse(false);
    }

    private static String vpcOf(CheckContext context, List<String> subnets) {
        return subnets.stream().map(context::resolve).flatMap(java.util.Optional::stream)
                .map(subnet -> subnet.inputString("vpcId")).filter(java.util.Objects::nonNull).findFirst().orElse("");
    }

    /** An interface endpoint for the service in the VPC, with private DNS so the SDKs' default host names use it. */
    private static boolean hasInterface(CheckContext context, String vpc, String service) {
        return endpoints(context, vpc).stream().anyMatch(endpoint ->
                String.valueOf(endpoint.input("serviceName")).endsWith("." + service)
                        && "Interface".equals(endpoint.input("vpcEndpointType"))
                        && Boolean.TRUE.equals(endpoint.input("privateDnsEnabled")));
    }

    /** An S3 gateway endpoint on the route tables of every subnet. */
    private static boolean s3GatewayReaches(CheckContext context, String vpc, List<String> subnets) {
        var gateways = endpoints(context, vpc).stream()
                .filter(endpoint -> String.valueOf(endpoint.input("serviceName")).endsWith(".s3")
                        && "Gateway".equals(endpoint.input("vpcEndpointType")))
                .toList();
        return subnets.stream().allMatch(subnet -> context.routeTableOfSubnet(subnet).map(table ->
                gateways.stream().anyMatch(g -> ComputeRules.strings(g.input("routeTableIds")).contains(table)))
                .orElse(false));
    }

    private static List<PlannedResource> endpoints(CheckContext context, String vpc) {
        return context.all("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(endpoint -> vpc.equals(endpoint.inputString("vpcId"))).toList();
    }
}
