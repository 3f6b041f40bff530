package com.tapstack.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Checks;
import com.tapstack.support.Fixtures;
import com.tapstack.support.PlanAssertions;
import com.tapstack.support.PlanEditor;
import com.tapstack.tooling.offline.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ECS Exec only on a writable root, and the root helper container that hands writable volumes to the service's
 * user runs chown itself (no shell) with every capability but CHOWN dropped.
 */
class ExecAndRootContainersTest {

    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String P = Fixtures.project().name() + "-";
    private static final List<String> ALL_BUT_CHOWN = List.of("AUDIT_WRITE", "FOWNER", "FSETID",
            "KILL", "MKNOD", "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Plan plan, String service, String name) {
        var containers = (List<Map<String, Object>>) PlanAssertions.json(plan.named(TASK, P + service
                + "-task-definition"), "containerDefinitions");
        return containers.stream().filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theHelperRunsChownWithoutAShellAndKeepsOnlyChownAndDacOverride() {
        var prepare = container(Fixtures.plan(Fixtures.SMALL), "storefront", ContainerDefinitions.PREPARE_CONTAINER);

        assertThat(prepare.get("user")).isEqualTo("0");
        assertThat(prepare.get("entryPoint")).isEqualTo(List.of("chown"));
        assertThat(prepare.get("command")).isEqualTo(List.of("1000", "/tmp", "/var/cache/app"));
        assertThat(prepare.get("linuxParameters")).isEqualTo(Map.of("capabilities", Map.of("drop", ALL_BUT_CHOWN)));
        assertThat(prepare.get("readonlyRootFilesystem")).isEqualTo(true);
        assertThat(prepare.get("essential")).isEqualTo(false);
    }

    @Test
    void withoutAUserTheHelperOpensThePathsLikeTmpAndKeepsOnlyDacOverride() {
        var plan = Fixtures.plan(Fixtures.SMALL, Fixtures.values(Fixtures.SMALL)
                .removeIn(Fixtures.key("services"), "storefront.user"));
        var prepare = container(plan, "storefront", ContainerDefinitions.PREPARE_CONTAINER);

        assertThat(prepare.get("entryPoint")).isEqualTo(List.of("chmod"));
        assertThat(prepare.get("command")).isEqualTo(List.of("1777", "/tmp", "/var/cache/app"));
        assertThat(prepare.get("linuxParameters")).isEqualTo(Map.of("capabilities",
                Map.of("drop", ContainerDefinitions.DEFAULT_CAPABILITIES.stream()
                        .filter(cap -> !cap.equals("DAC_OVERRIDE")).toList())));
    }

    @Test
    void tap123ARootContainerWithEveryCapabilityIsAMediumFinding() {
        var edited = PlanEditor.of(Fixtures.plan(Fixtures.SMALL)).container(P + "storefront-task-definition",
                ContainerDefinitions.PREPARE_CONTAINER, c -> {
                    c.remove("linuxParameters");
                    return c;
                });

        assertThat(Checks.findings(edited.build(), false, "TAP123")).singleElement().satisfies(f -> assertThat(
                f.message()).isEqualTo("container prepare-writable-paths runs as root with all 14 default"
                + " capabilities; drop those it does not need (linuxParameters.capabilities.drop)"));
    }

    @Test
    void execRunsOnAWritableRootAndTap119CatchesExecOnAReadOnlyOne() {
        var plan = Fixtures.plan(Fixtures.SMALL);
        assertThat(plan.named("aws:ecs/service:Service", P + "orders").input("enableExecuteCommand")).isEqualTo(true);
        assertThat(container(plan, "orders", "orders").get("readonlyRootFilesystem")).isEqualTo(false);
        assertThat(Checks.findings(plan, false)).extracting(f -> f.rule().id()).isEmpty();

        var edited = PlanEditor.of(plan).container(P + "orders-task-definition", "orders", c -> {
            c.put("readonlyRootFilesystem", true);
            return c;
        });
        assertThat(Checks.findings(edited.build(), false, "TAP119")).singleElement().satisfies(f -> assertThat(
                f.message()).isEqualTo("has ECS Exec on, but container orders has a read-only root filesystem; turn"
                + " exec off or set readonlyRootFilesystem: false for this service"));
    }

    @Test
    void tap110AcceptsTheWritableRootExecNeedsOnlyOutsideProtectedEnvironments() {
        var plan = Fixtures.plan(Fixtures.SMALL);

        assertThat(Checks.findings(plan, false, "TAP110")).isEmpty();
        assertThat(Checks.findings(plan, true, "TAP110")).extracting(f -> f.resource().name(), f -> f.message())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(P + "orders-task-definition", "container orders"
                        + " has a writable root filesystem; ECS Exec needs it, so turn exec off in this protected"
                        + " environment and set readonlyRootFilesystem and list the paths it writes in writablePaths"));
    }

}
