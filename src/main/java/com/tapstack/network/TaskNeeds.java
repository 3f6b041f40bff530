package com.tapstack.network;

import com.tapstack.config.service.ImageSpec;
import com.tapstack.config.service.SecretRef;
import com.tapstack.config.service.ServiceConfig;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the tasks must reach when their subnet has no route out, by interface endpoint. From the ECS and ECR
 * developer guides (ECR "Amazon ECR interface VPC endpoints (AWS PrivateLink)", ECS "Amazon ECS interface VPC
 * endpoints", ECS Exec): Fargate 1.4.0 pulls from ECR through ecr.api and ecr.dkr plus the S3 gateway endpoint
 * (the layers live in S3); the awslogs driver needs logs; secrets need secretsmanager or ssm, whichever holds them;
 * ECS Exec needs ssmmessages, and kms for sessions encrypted with a key (this stack encrypts them with its key);
 * a queue worker and its producers need sqs, an ADOT collector sidecar xray (its traces go to X-Ray). Sidecar
 * images are pulled like the service's; with the pull through cache on, an image of a registry it caches is pulled
 * from ECR.
 * The check rule TAP602 reads the same facts from a plan (tooling/check/rules/PrivatePaths).
 *
 * @param interfaces  endpoint service suffix (ecr.api, logs...) to what needs it
 * @param s3Gateway   an image is in ECR, whose layers come from S3
 * @param outsideEcr  images in registries no VPC endpoint reaches (ghcr.io, Docker Hub)
 */
public record TaskNeeds(java.util.SortedMap<String, String> interfaces, boolean s3Gateway, Set<String> outsideEcr) {

    private static final Pattern ECR_REGISTRY = Pattern.compile("^\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com"
            + "(\\.cn)?/.*");

    public TaskNeeds {
        interfaces = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(interfaces));
        outsideEcr = Set.copyOf(new TreeSet<>(outsideEcr));
    }

    public static TaskNeeds of(Collection<ServiceConfig> services) {
        return of(services, false);
    }

    /** With {@code pullThroughCache}: the images of the public registries it caches come from ECR. */
    public static TaskNeeds of(Collection<ServiceConfig> services, boolean pullThroughCache) {
        var interfaces = new TreeMap<String, String>();
        var outside = new TreeSet<String>();
        boolean s3 = false;
        var producers = services.stream().flatMap(s -> s.queue().stream()).flatMap(q -> q.producers().stream())
                .collect(java.util.stream.Collectors.toSet());
        for (var service : services) {
            interfaces.put("logs", "CloudWatch Logs (awslogs)");
            var references = new java.util.ArrayList<String>();
            if (service.image() instanceof ImageSpec.Ecr) {
                references.add("");
            } else if (service.image() instanceof ImageSpec.External external) {
                references.add(external.reference());
            }
            service.sidecars().forEach(sidecar -> references.add(sidecar.image()));
            for (var reference : references) {
                boolean ecr = reference.isEmpty() || ECR_REGISTRY.matcher(reference).matches()
                        || pullThroughCache && com.tapstack.config.service.UpstreamImage.of(reference).isPresent();
                if (ecr) {
                    interfaces.put("ecr.api", "ECR (image pull)");
                    interfaces.put("ecr.dkr", "ECR (image pull)");
                    s3 = true;
                } else {
                    outside.add(reference);
                }
            }
            if (service.queue().isPresent() || producers.contains(service.name())) {
                interfaces.put("sqs", "SQS (queue workers and their producers)");
            }
            if (service.sidecar(com.tapstack.config.service.SidecarKind.OTEL).isPresent()) {
                interfaces.put("xray", "X-Ray (the ADOT collector's traces)");
            }
            for (var secret : service.secrets().values()) {
                if (secret instanceof SecretRef.SecretsManager) {
                    interfaces.put("secretsmanager", "Secrets Manager (secrets)");
                } else {
                    interfaces.put("ssm", "SSM (secrets)");
                }
            }
            if (service.database()) {
                interfaces.put("secretsmanager", "Secrets Manager (the database secret)");
            }
            if (service.exec()) {
                interfaces.put("ssmmessages", "Session Manager (ECS Exec)");
                interfaces.put("kms", "KMS (encrypted ECS Exec sessions)");
            }
        }
        return new TaskNeeds(interfaces, s3, outside);
    }

    /** The interface endpoints not in {@code present}. */
    public List<String> missing(Collection<String> present) {
        return interfaces.keySet().stream().filter(name -> !present.contains(name)).toList();
    }
}
