package com.tapstack.tooling.check.rules;

import static com.tapstack.support.Checks.dev;
import static com.tapstack.support.Checks.editDev;
import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Reference;
import com.tapstack.tooling.check.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sidecar rules on hand-edited task definitions (the quiet cases: the reference stacks and the loader's own). */
class SidecarRulesTest {

    private static final String TASK = Reference.P + "web-task-definition";

    private static Map<String, Object> sidecar(String name, boolean essential) {
        var container = new LinkedHashMap<String, Object>();
        container.put("name", name);
        container.put("image", "public.ecr.aws/aws-observability/aws-for-fluent-bit@sha256:" + "a".repeat(64));
        container.put("essential", essential);
        return container;
    }

    private static List<Map<String, Object>> with(List<Map<String, Object>> containers, Map<String, Object> extra,
                                                  Map<String, Object> webChange) {
        var all = new ArrayList<Map<String, Object>>();
        for (var container : containers) {
            var copy = new LinkedHashMap<>(container);
            if ("web".equals(copy.get("name"))) {
                copy.putAll(webChange);
            }
            all.add(copy);
        }
        all.add(extra);
        return all;
    }

    @Test
    void tap124DependenciesEcsCannotMeet() {
        var essentialWaitedToExit = dev(editDev().containers(TASK, list -> with(list, sidecar("migrate", true),
                Map.of("dependsOn", List.of(Map.of("containerName", "migrate", "condition", "SUCCESS"))))), "TAP124");
        assertThat(essentialWaitedToExit).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.resource().name()).isEqualTo(TASK);
            assertThat(f.message()).isEqualTo("container web depends on migrate (SUCCESS), which is essential and so"
                    + " never may exit; use START or HEALTHY, or make migrate not essential");
        });
        var healthyWithoutCheck = dev(editDev().containers(TASK, list -> with(list, sidecar("proxy", false),
                Map.of("dependsOn", List.of(Map.of("containerName", "proxy", "condition", "HEALTHY"))))), "TAP124");
        assertThat(healthyWithoutCheck).extracting(f -> f.message()).containsExactly("container web depends on proxy"
                + " (HEALTHY), which has no healthCheck; give it one or use START");
        var missing = dev(editDev().container(TASK, "web", c -> {
            c.put("dependsOn", List.of(Map.of("containerName", "ghost", "condition", "START")));
            return c;
        }), "TAP124");
        assertThat(missing).extracting(f -> f.message()).containsExactly("container web depends on ghost (START),"
                + " which the task does not have; name one of its containers");
        var fine = dev(editDev().containers(TASK, list -> with(list, sidecar("migrate", false),
                Map.of("dependsOn", List.of(Map.of("containerName", "migrate", "condition", "SUCCESS"))))), "TAP124");
        assertThat(fine).isEmpty();
    }

    @Test
    void tap125FireLensWithoutAnEssentialRouter() {
        var firelens = Map.<String, Object>of("logConfiguration", Map.of("logDriver", "awsfirelens", "options",
                Map.of("Name", "cloudwatch_logs")));
        var router = sidecar("log-router", false);
        router.put("firelensConfiguration", Map.of("type", "fluentbit"));
        var findings = dev(editDev().containers(TASK, list -> with(list, router, firelens)), "TAP125");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).isEqualTo("log router log-router is not essential, so the task runs on without it"
                    + " and loses the logs of web; make it essential");
        });
        var noRouter = dev(editDev().containers(TASK, list -> with(list, sidecar("other", true), firelens)), "TAP125");
        assertThat(noRouter).extracting(f -> f.message()).containsExactly("containers web log with awsfirelens, but no"
                + " container has a firelensConfiguration; add a log router (kind: firelens)");
        var essentialRouter = sidecar("log-router", true);
        essentialRouter.put("firelensConfiguration", Map.of("type", "fluentbit"));
        assertThat(dev(editDev().containers(TASK, list -> with(list, essentialRouter, firelens)), "TAP125")).isEmpty();
    }
}
