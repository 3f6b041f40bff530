package com.tapstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of the code, read from the sources: which package of {@code com.tapstack} uses which (imports and
 * qualified names, javadoc links included, since they are compile-time references too).
 */
class ArchitectureTest {

    private static final String ROOT = "com.tapstack";
    private static final Pattern REFERENCE = Pattern.compile("\\b(com\\.tapstack(?:\\.[a-z]+)*)\\.[A-Z]");
    /** Packages every component may use: they import no component themselves. */
    private static final Set<String> LEAVES = Set.of("aws", "config", "config.service", "iam", "naming", "random",
            "scope", "text");

    /** Package (without the root) to the packages it uses. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        var sources = Project.DIR.resolve("src/main/java");
        try (var files = Files.walk(sources)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var pkg = packageOf(sources, file);
                var used = USES.computeIfAbsent(pkg, k -> new TreeSet<>());
                var matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    var target = shortName(matcher.group(1));
                    if (!target.equals(pkg)) {
                        used.add(target);
                    }
                }
            }
        }
    }

    private static String packageOf(Path sources, Path file) {
        return shortName(sources.relativize(file.getParent()).toString().replace('/', '.'));
    }

    private static String shortName(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }

    private static boolean tooling(String pkg) {
        return pkg.equals("tooling") || pkg.startsWith("tooling.");
    }

    @Test
    void theStackCodeNeverUsesTheOfflineTooling() {
        USES.forEach((pkg, used) -> {
            if (!tooling(pkg)) {
                assertThat(used).as(pkg).noneMatch(ArchitectureTest::tooling);
            }
        });
    }

    @Test
    void onlyTheProgramAndTheToolingUseTheStackWiring() {
        USES.forEach((pkg, used) -> {
            if (!pkg.isEmpty() && !tooling(pkg) && !pkg.equals("stack")) {
                assertThat(used).as(pkg + " uses stack (components get their settings as arguments)")
                        .doesNotContain("stack");
            }
        });
    }

    @Test
    void leafPackagesUseOnlyOtherLeaves() {
        for (var leaf : LEAVES) {
            assertThat(USES.getOrDefault(leaf, Set.of())).as(leaf).isSubsetOf(LEAVES);
        }
        assertThat(USES.get("scope")).as("the deployment scope").isSubsetOf(Set.of("aws", "naming"));
    }

    @Test
    void aModuleIsUsedOnlyByTheModuleListTheStackTheToolingAndModulesItBuildsOn() {
        // dns builds on https (its record defaults to https's domain, which it validates); nothing else.
        var allowedBetweenModules = Map.of("modules.dns", Set.of("modules.https"));
        USES.forEach((pkg, used) -> used.stream().filter(target -> target.startsWith("modules.")).forEach(module -> {
            var allowed = pkg.equals("modules") || pkg.equals("stack") || tooling(pkg)
                    || allowedBetweenModules.getOrDefault(pkg, Set.of()).contains(module);
            assertThat(allowed).as(pkg + " uses " + module).isTrue();
        }));
        USES.forEach((pkg, used) -> {
            if (pkg.startsWith("modules.")) {
                assertThat(used).as(pkg).doesNotContain("modules");
            }
        });
    }

    @Test
    void theStackPackagesFormNoCycle() {
        var graph = new HashMap<String, Set<String>>();
        USES.forEach((pkg, used) -> {
            if (!tooling(pkg)) {
                graph.put(pkg, used);
            }
        });
        var cycle = findCycle(graph);
        assertThat(cycle).as("a cycle between packages").isEmpty();
    }

    /** A cycle of the graph as its packages in order, or empty. */
    private static List<String> findCycle(Map<String, Set<String>> graph) {
        var state = new HashMap<String, Integer>();
        var path = new ArrayList<String>();
        for (var start : new TreeSet<>(graph.keySet())) {
            var cycle = visit(start, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> graph, Map<String, Integer> state,
                                      List<String> path) {
        var seen = state.getOrDefault(node, 0);
        if (seen == 2) {
            return List.of();
        }
        if (seen == 1) {
            return new ArrayList<>(path.subList(path.indexOf(node), path.size()));
        }
        state.put(node, 1);
        path.add(node);
        for (var next : graph.getOrDefault(node, Set.of())) {
            var cycle = visit(next, graph, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }

    @Test
    void theSourcesWereRead() {
        assertThat(USES).containsKeys("", "stack", "scope", "service", "network", "modules.waf", "tooling.cli");
    }
}
