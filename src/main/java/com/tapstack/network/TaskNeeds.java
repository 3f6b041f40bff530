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
 * ECS Exec needs ssmmessages, and kms for sessions encrypted with a key (this stack encrypts them with its key).
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
        var interfaces = new TreeMap<String, String>();
        var outside = new TreeSet<String>();
        boolean s3 = false;
        for (var service : services) {
            interfaces.put("logs", "CloudWatch Logs (awslogs)");
            boolean ecr = service.image() instanceof ImageSpec.Ecr
                    || service.image() instanceof ImageSpec.External external
                    && ECR_REGISTRY.matcher(external.reference()).matches();
            if (ecr) {
                interfaces.put("ecr.api", "ECR (image pull)");
                interfaces.put("ecr.dkr", "ECR (image pull)");
                s3 = true;
            } else if (service.image() instanceof ImageSpec.External external) {
                outside.add(external.reference());
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
