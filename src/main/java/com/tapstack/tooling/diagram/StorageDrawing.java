package com.tapstack.tooling.diagram;

import com.tapstack.tooling.offline.Plan;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The EFS part of the diagram: a node per file system, an edge from each service whose task definition mounts it
 * (read from the task definitions' volumes, so only what would really be mounted), and the stack key encrypting it.
 */
final class StorageDrawing {

    private static final String FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";

    private StorageDrawing() {
    }

    static List<String> nodes(Plan plan) {
        var lines = new ArrayList<String>();
        for (var fileSystem : plan.byType(FILE_SYSTEM)) {
            var name = fileSystem.inputAt("tags.Name");
            lines.add("  " + node(fileSystem) + "[(\"EFS " + (name == null ? fileSystem.name() : name) + "<br/>"
                    + fileSystem.input("throughputMode") + ", encrypted\")]");
        }
        return lines;
    }

    static List<String> edges(Plan plan, Function<PlannedResource, String> serviceNode) {
        var lines = new ArrayList<String>();
        var fileSystems = plan.byType(FILE_SYSTEM);
        for (var starter : TaskStarters.of(plan, serviceNode)) {
            var definition = starter.taskDefinition();
            if (definition.isEmpty() || !(definition.get().input("volumes") instanceof List<?> volumes)) {
                continue;
            }
            for (var volume : volumes) {
                if (volume instanceof Map<?, ?> map && map.get("efsVolumeConfiguration") instanceof Map<?, ?> efs) {
                    fileSystems.stream().filter(fs -> fs.id().orElse("").equals(efs.get("fileSystemId"))).findFirst()
                            .ifPresent(fs -> lines.add("  " + starter.node() + " -->|\"NFS :2049\"| "
                                    + node(fs)));
                }
            }
        }
        if (!fileSystems.isEmpty() && !plan.byType("aws:kms/key:Key").isEmpty()) {
            fileSystems.forEach(fs -> lines.add("  kms -.->|encrypts| " + node(fs)));
        }
        return lines;
    }

    private static String node(PlannedResource fileSystem) {
        return MermaidDiagram.id("efs-" + fileSystem.name());
    }
}
