package com.tapstack.tooling.init;

import com.tapstack.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The source project's Java package, read rather than assumed (a generated project generates again from its own
 * package): the package of the pom's {@code mainClass}, narrowed to the package every file under
 * {@code src/main/java} shares, so {@code com.tapstack.App} and sources under {@code com/tapstack/} give
 * {@code com.tapstack}.
 */
public final class SourcePackage {

    public static final String JAVA_ROOT = "src/main/java";

    private SourcePackage() {
    }

    public static String detect(Path projectDir, PomCoordinates pom) throws IOException {
        var fromPom = pom.mainClass().flatMap(JavaPackageRename::packageOf).map(SourcePackage::segments);
        var fromSources = sharedBySources(projectDir.resolve(JAVA_ROOT));
        List<String> detected;
        if (fromPom.isPresent() && fromSources.isPresent()) {
            detected = common(fromPom.get(), fromSources.get());
        } else {
            detected = fromPom.or(() -> fromSources).orElse(List.of());
        }
        if (detected.isEmpty()) {
            throw new ConfigException(PomCoordinates.FILE, "properties.mainClass",
                    pom.mainClass().map(InitRequest::shown).orElse("(not set)") + " and the sources under "
                            + JAVA_ROOT + " share no Java package to rename",
                    "a project whose classes are in one package, such as com.tapstack");
        }
        return String.join(".", detected);
    }

    /** The directories every {@code .java} file under {@code javaRoot} is in, as package segments. */
    private static Optional<List<String>> sharedBySources(Path javaRoot) throws IOException {
        if (!Files.isDirectory(javaRoot)) {
            return Optional.empty();
        }
        List<String> shared = null;
        try (Stream<Path> files = Files.walk(javaRoot)) {
            for (var file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                var dir = javaRoot.relativize(file).getParent();
                var segments = new ArrayList<String>();
                if (dir != null) {
                    dir.forEach(part -> segments.add(part.toString()));
                }
                shared = shared == null ? segments : common(shared, segments);
            }
        }
        return Optional.ofNullable(shared);
    }

    private static List<String> segments(String javaPackage) {
        return Arrays.asList(javaPackage.split("\\."));
    }

    private static List<String> common(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return List.copyOf(a.subList(0, n));
    }
}
