package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.BoolKey;
import com.tapstack.config.ConfigKey.ChoiceKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.KeyTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One extra container of a service's task ({@code <project>:services.<name>.sidecars.<sidecar>}), validated by
 * {@link SidecarReader}. It runs inside the task's Fargate size; its own cpu and memory, when set, are carved out
 * of it.
 *
 * @param name                   the container's name, unique in the task
 * @param kind                   a ready-made sidecar the stack wires up (FireLens router, ADOT collector), or none
 * @param image                  any registry's reference pinned by {@code @sha256:<64 hex>}
 * @param essential              ECS stops the task when this container stops
 * @param dependsOn              what the service container waits for before it starts, if anything
 * @param cpu                    CPU units reserved for it
 * @param memory                 hard memory limit in MiB
 * @param memoryReservation      soft memory limit in MiB
 * @param command                overrides the image's CMD
 * @param environment            plain environment variables
 * @param healthCheck            its own health check (HEALTHY needs one)
 * @param readonlyRootFilesystem its root filesystem is read-only (the service's setting unless set)
 */
public record Sidecar(String name, Optional<SidecarKind> kind, String image, boolean essential,
                      Optional<DependencyCondition> dependsOn, Optional<Integer> cpu, Optional<Integer> memory,
                      Optional<Integer> memoryReservation, List<String> command, Map<String, String> environment,
                      Optional<ContainerHealthCheck> healthCheck, boolean readonlyRootFilesystem) {

    /** The init container that prepares writable paths; no sidecar may take its name. */
    public static final String INIT_CONTAINER = "prepare-writable-paths";
    /**
     * The ADOT collector's configuration variable: when set, the collector reads its configuration from it instead
     * of the image's --config file (aws-otel-collector pkg/config/config_factory.go).
     */
    public static final String COLLECTOR_CONFIG_VARIABLE = "AOT_CONFIG_CONTENT";

    public static final ChoiceKey<SidecarKind> KIND = ChoiceKey.derived("kind", SidecarKind.class, "none", "is not a"
            + " ready-made sidecar", "firelens: a FireLens log router the service container's logs go through to its"
            + " log group; otel: an ADOT collector for traces (X-Ray) and metrics (EMF); none: a plain container");
    public static final TextKey IMAGE = TextKey.required("image", "an image reference ending in @sha256:<64 hex"
            + " digits> (`docker buildx imagetools inspect <image>:<tag>` prints it)", "The sidecar's image, pinned by"
            + " digest (AWS publishes public.ecr.aws/aws-observability/aws-for-fluent-bit for firelens and"
            + " public.ecr.aws/aws-observability/aws-otel-collector for otel; the digest is yours to choose)");
    public static final BoolKey ESSENTIAL = BoolKey.of("essential", false, "ECS stops the task when the sidecar"
            + " stops; a firelens router is always essential (a task whose router stopped would lose its logs)");
    public static final ChoiceKey<DependencyCondition> DEPENDS_ON = ChoiceKey.derived("dependsOn",
            DependencyCondition.class, "START for firelens and otel, none otherwise", "is not an ECS dependency"
                    + " condition", "What the service container waits for: the sidecar started, exited (COMPLETE),"
                    + " exited with 0 (SUCCESS; both only when not essential) or is healthy (HEALTHY, needs its"
                    + " containerHealthCheck)");
    public static final IntKey CPU = IntKey.derived("cpu", 1, 16_384, "none (a share of the task's)", "CPU units reserved for the sidecar, out of"
            + " the task's; all sidecars together leave the service container some");
    public static final IntKey MEMORY = IntKey.derived("memory", 6, 122_880, "none", "Hard memory limit in MiB: the"
            + " sidecar is stopped above it");
    public static final IntKey MEMORY_RESERVATION = IntKey.derived("memoryReservation", 6, 122_880, "none", "Soft memory"
            + " limit in MiB, below memory when both are set; AWS's FireLens example reserves 50");
    public static final ListKey COMMAND = ListKey.of("command", List.of(), "the command as a list of strings",
            "Overrides the image's CMD (not for otel, whose configuration the stack writes)");
    public static final Structured ENVIRONMENT = Structured.of("environment", "mapping", "{}", "a mapping of"
            + " variable name to value", "Plain environment variables (never secrets)");
    public static final BoolKey READONLY_ROOT_FILESYSTEM = BoolKey.of("readonlyRootFilesystem", true, "The"
            + " sidecar's root filesystem is read-only; unless set, the service's readonlyRootFilesystem (true unless"
            + " the service sets false)");

    public static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.sidecars.<sidecar>", "A sidecar",
            "An extra container in the service's task, within its Fargate size. Names: 1 to 32 lowercase letters,"
                    + " digits or hyphens, starting with a letter, other than the service's and "
                    + INIT_CONTAINER + ". At most one firelens and one otel sidecar per service.",
            KIND, IMAGE, ESSENTIAL, DEPENDS_ON, CPU, MEMORY, MEMORY_RESERVATION, COMMAND, ENVIRONMENT,
            ContainerHealthCheck.BLOCK, READONLY_ROOT_FILESYSTEM);

    /** The image AWS publishes for a ready-made kind, as the loader names it when the image is missing. */
    public static String officialImage(SidecarKind kind) {
        return switch (kind) {
            case FIRELENS -> "public.ecr.aws/aws-observability/aws-for-fluent-bit";
            case OTEL -> "public.ecr.aws/aws-observability/aws-otel-collector";
        };
    }

    public Sidecar {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    public boolean is(SidecarKind value) {
        return kind.equals(Optional.of(value));
    }

    /** The memory it may take from the task: its hard limit, else its reservation, else none. */
    public int memoryTaken() {
        return memory.or(() -> memoryReservation).orElse(0);
    }
}
