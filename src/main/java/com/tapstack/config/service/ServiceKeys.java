package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.BoolKey;
import com.tapstack.config.ConfigKey.ChoiceKey;
import com.tapstack.config.ConfigKey.IntChoiceKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.KeyTable;
import java.util.List;

/** The keys of one service ({@code <project>:services.<name>}): type, default, range and meaning, declared once. */
public final class ServiceKeys {

    public static final Structured IMAGE = Structured.required("image", "string or mapping", ImageReader.ALLOWED,
            "The image, always pinned by digest", ImageReader.KEYS);
    public static final BoolKey ECR_REPOSITORY = BoolKey.of("ecrRepository", false, "Create this service's ECR"
            + " repository (scan on push, immutable tags, KMS, lifecycle) for CI to push to; implied by image"
            + " repository self");
    public static final IntChoiceKey CPU = IntChoiceKey.of("cpu", FargateSize.cpuValues(), 256, "is not a Fargate"
            + " CPU size", "Task CPU units").allowed("one of " + FargateSize.joinOr(FargateSize.cpuValues().stream()
            .map(String::valueOf).toList()) + " CPU units");
    public static final IntKey MEMORY = IntKey.of("memory", 512, 122_880, 512, "Task memory in MiB")
            .dependentRange("a Fargate pair with cpu: 256 takes 512, 1024 or 2048; 512 takes 1024 to 4096; 1024 takes"
                    + " 2048 to 8192; 2048 takes 4096 to 16384; 4096 takes 8192 to 30720 (steps of 1024); 8192 takes"
                    + " 16384 to 61440 (steps of 4096); 16384 takes 32768 to 122880 (steps of 8192)");
    public static final ChoiceKey<Architecture> ARCHITECTURE = ChoiceKey.of("architecture", Architecture.class,
            Architecture.X86_64, "is not a Fargate CPU architecture", "The CPU architecture of the task (ARM64 is"
                    + " Graviton, Spot included on platform 1.4.0)");
    public static final IntKey PORT = IntKey.required("port", 1, 65_535, "The container port; required when public"
            + " or called by another service");
    public static final BoolKey PUBLIC = BoolKey.of("public", false, "Behind the load balancer (otherwise reachable"
            + " only through Cloud Map)");
    public static final ListKey PATH_PATTERNS = ListKey.of("pathPatterns", List.of(), "paths such as /api/*",
            "Listener rule paths of a public service sharing the load balancer; exactly one public service has"
                    + " neither these nor hostHeaders and takes every request no rule matches");
    public static final ListKey HOST_HEADERS = ListKey.of("hostHeaders", List.of(), "host names such as"
            + " api.example.com", "Listener rule host names of a public service sharing the load balancer");
    public static final IntKey HEALTH_CHECK_GRACE_PERIOD = IntKey.of("healthCheckGracePeriod", 0, 2_147_483_647, 60,
            "Seconds new tasks have before load balancer checks count (public services)");
    public static final IntKey DEREGISTRATION_DELAY = IntKey.of("deregistrationDelay", 0, 3600, 30,
            "Seconds of connection draining when a target leaves (public services)");
    public static final Structured ENVIRONMENT = Structured.of("environment", "mapping", "{}", "a mapping of"
            + " variable name to value", "Plain environment variables (never secrets)");
    public static final Structured SECRETS = Structured.entries("secrets", "{}", SecretReader.ALLOWED,
            "Variables read from SSM or Secrets Manager at task start", SecretReader.KEYS);
    public static final Structured PERMISSIONS = Structured.list("permissions", PermissionReader.ALLOWED,
            "Extra task role permissions", PermissionReader.KEYS);
    public static final ListKey CALLS = ListKey.of("calls", List.of(), "names of the services this one calls",
            "Services this one calls: their security groups admit it on their port");
    public static final BoolKey READONLY_ROOT_FILESYSTEM = BoolKey.of("readonlyRootFilesystem", true,
            "The container's root filesystem is read-only");
    public static final TextKey USER = TextKey.required("user", "a user name or uid, optionally with :group or"
            + " :gid, e.g. 1000:1000", "The user the container runs as (default: the image's)");
    public static final ListKey WRITABLE_PATHS = ListKey.of("writablePaths", List.of(), "at most 10 distinct"
            + " absolute paths of letters, digits and _ . @ + -, such as /tmp, not under /proc, /sys or /dev",
            "Empty task volumes at these paths, handed to the user before the service starts by a root helper that"
                    + " runs chown without a shell and keeps only CHOWN and DAC_OVERRIDE");
    public static final ListKey COMMAND = ListKey.of("command", List.of(), "the command as a list of strings",
            "Overrides the image's CMD");
    public static final ListKey ENTRY_POINT = ListKey.of("entryPoint", List.of(), "the entry point as a list of"
            + " strings", "Overrides the image's ENTRYPOINT");
    public static final BoolKey EXEC = BoolKey.of("exec", false, "ECS Exec (aws ecs execute-command), logged and"
            + " encrypted; AWS does not support it on a read-only root, so it needs readonlyRootFilesystem: false");
    public static final BoolKey DATABASE = BoolKey.of("database", false, "Uses <project>:database: may reach it,"
            + " gets DB_HOST, DB_PORT, DB_NAME, PGSSLMODE and DB_USERNAME/DB_PASSWORD (as secrets) from the"
            + " RDS-managed secret, readable by its execution role only");
    public static final Structured SIDECARS = Structured.entries("sidecars", "{}", SidecarReader.ALLOWED, "Extra"
            + " containers in the service's task: plain ones, a FireLens log router (kind firelens) or an ADOT"
            + " collector (kind otel)", Sidecar.KEYS);

    /** Every key of a service, in the order the docs list them. */
    public static final KeyTable KEYS = KeyTable.of("<project>:services.<name>", "A service", "Each entry becomes a"
            + " Fargate service, from the same code (with schedule, a scheduled task instead). Names: 1 to 20 lowercase letters, digits or hyphens, starting"
            + " with a letter.", IMAGE, ECR_REPOSITORY, CPU, MEMORY, ARCHITECTURE, PORT, PUBLIC, PATH_PATTERNS,
            HOST_HEADERS, TargetHealthCheck.BLOCK, HEALTH_CHECK_GRACE_PERIOD, DEREGISTRATION_DELAY,
            ContainerHealthCheck.BLOCK, Scaling.DESIRED_COUNT, Scaling.MIN_COUNT, Scaling.MAX_COUNT,
            Scaling.CPU_TARGET, Scaling.MEMORY_TARGET, ENVIRONMENT, SECRETS, PERMISSIONS, CALLS,
            READONLY_ROOT_FILESYSTEM, USER, WRITABLE_PATHS, COMMAND, ENTRY_POINT, EXEC, DATABASE,
            RunSettings.AZ_REBALANCING, RunSettings.STOP_TIMEOUT, RunSettings.VERSION_CONSISTENCY, RestartPolicy.BLOCK,
            ServiceConnectSettings.BLOCK, SIDECARS, QueueSettings.BLOCK, ServiceStorage.EPHEMERAL_STORAGE,
            ServiceStorage.VOLUMES, TaskSchedule.BLOCK);

    private ServiceKeys() {
    }
}
