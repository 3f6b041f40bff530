package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.ChoiceKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey;
import com.tapstack.config.ConfigNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container platform shared by all services: capacity providers, ECR lifecycle, and the services.
 *
 * @param spotWeight          share of tasks on FARGATE_SPOT relative to FARGATE's weight of 1; 0 = no Spot
 * @param onDemandBase        tasks per service always on on-demand FARGATE before weights apply
 * @param ecrKeepImages       images an ECR repository keeps (older ones expire)
 * @param ecrUntaggedExpiryDays days after which untagged images expire
 * @param services            the services by name, in name order
 * @param discovery           how services find each other: Cloud Map DNS or Service Connect
 */
public record PlatformConfig(int spotWeight, int onDemandBase, int ecrKeepImages, int ecrUntaggedExpiryDays,
                             Map<String, ServiceConfig> services, Discovery discovery) {

    /**
     * Task definition revisions a service can run: the current one, and the one a circuit-breaker or alarm
     * rollback returns to (Pulumi deregisters a replaced revision, and ECS keeps running it for the service).
     */
    public static final int REVISIONS_IN_USE = 2;
    /** Images kept beyond those revisions: a deployment in flight and one to spare. */
    public static final int IMAGE_MARGIN = 2;
    /** The fewest images a repository may keep so that no rollback target ever expires. */
    public static final int MIN_KEEP_IMAGES = REVISIONS_IN_USE + IMAGE_MARGIN;

    public static final IntKey SPOT_WEIGHT = IntKey.of("spotWeight", 0, 1000, 0, "Share of each service's tasks on"
            + " FARGATE_SPOT, relative to on-demand FARGATE's weight of 1 (3: three Spot tasks for every on-demand"
            + " one); 0 runs everything on demand");
    public static final IntKey ON_DEMAND_BASE = IntKey.of("onDemandBase", 0, 100_000, 0, "Tasks of each service"
            + " always placed on on-demand FARGATE before the weights apply");
    public static final IntKey ECR_KEEP_IMAGES = IntKey.of("ecrKeepImages", MIN_KEEP_IMAGES, 10_000, 30, "Images each"
            + " ECR repository keeps; older ones expire. At least the " + REVISIONS_IN_USE + " task definition"
            + " revisions a service runs or rolls back to, plus " + IMAGE_MARGIN).unit("(the " + REVISIONS_IN_USE
            + " task definition revisions a service runs or rolls back to, plus " + IMAGE_MARGIN + ")");
    public static final IntKey ECR_UNTAGGED_EXPIRY_DAYS = IntKey.of("ecrUntaggedExpiryDays", 1, 3650, 7,
            "Days after which untagged images in the ECR repositories expire (CI must tag every push)");
    public static final Structured SERVICES = Structured.entries("services", "{}", "a mapping of service name to its"
            + " settings", "The Fargate services, one entry each (the same code for every service)",
            ServiceKeys.KEYS);
    public static final ChoiceKey<Discovery> DISCOVERY = ChoiceKey.of("discovery", Discovery.class,
            Discovery.CLOUD_MAP, "is not a way services find each other", "How services find each other: cloudMap"
                    + " (A records in the private DNS namespace, resolved by the VPC's DNS) or serviceConnect (ECS"
                    + " Service Connect: a proxy in every task, endpoints in the same namespace); docs/stack.md says"
                    + " when to pick which");
    /** The platform's keys, in the order the docs list them. */
    public static final List<ConfigKey> KEYS = List.of(SPOT_WEIGHT, ON_DEMAND_BASE, ECR_KEEP_IMAGES,
            ECR_UNTAGGED_EXPIRY_DAYS, SERVICES, DISCOVERY);

    public PlatformConfig {
        services = Collections.unmodifiableMap(new TreeMap<>(services));
    }

    public boolean hasPublicServices() {
        return services.values().stream().anyMatch(ServiceConfig::isPublic);
    }

    /** On-demand FARGATE takes the base and a weight of 1; FARGATE_SPOT takes the configured weight, if any. */
    public List<CapacityShare> capacityStrategy() {
        var onDemand = new CapacityShare("FARGATE", onDemandBase, 1);
        return spotWeight == 0 ? List.of(onDemand) : List.of(onDemand, new CapacityShare("FARGATE_SPOT", 0, spotWeight));
    }

    /** One entry of a capacity provider strategy. */
    public record CapacityShare(String provider, int base, int weight) {
    }

    /** The platform at its declared defaults, without services. */
    public static PlatformConfig defaults() {
        return new PlatformConfig(SPOT_WEIGHT.defaultValue().orElseThrow(), ON_DEMAND_BASE.defaultValue().orElseThrow(),
                ECR_KEEP_IMAGES.defaultValue().orElseThrow(), ECR_UNTAGGED_EXPIRY_DAYS.defaultValue().orElseThrow(),
                Map.of(), DISCOVERY.defaultValue().orElseThrow());
    }

    /** Reads the platform keys and every service of the project namespace. */
    public static PlatformConfig read(ConfigNode tap) {
        // Below the minimum is its own message: the images a rollback needs would expire.
        int keep = tap.optionalInt(ECR_KEEP_IMAGES.name(), ECR_KEEP_IMAGES.allowed())
                .orElse(ECR_KEEP_IMAGES.defaultValue().orElseThrow());
        if (keep < MIN_KEEP_IMAGES || keep > ECR_KEEP_IMAGES.max()) {
            throw tap.invalid(ECR_KEEP_IMAGES.name(), keep < MIN_KEEP_IMAGES ? "would expire images a rollback needs"
                    : "is out of range", ECR_KEEP_IMAGES.allowed());
        }
        var servicesNode = tap.object(SERVICES.name(), SERVICES.allowed());
        var services = ServiceConfigReader.read(servicesNode);
        var discovery = DISCOVERY.read(tap);
        return new PlatformConfig(SPOT_WEIGHT.read(tap), ON_DEMAND_BASE.read(tap), keep,
                ECR_UNTAGGED_EXPIRY_DAYS.read(tap), ServiceConnectEndpoints.check(servicesNode, services, discovery),
                discovery);
    }
}
