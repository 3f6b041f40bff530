package com.tapstack.tooling.init;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;

/**
 * A small project to generate from, in a test's temporary directory: the project name {@code tap} (as this
 * repository's, so the launcher {@code ./tap} sits next to {@code tap:} keys) and the package
 * {@code com.example.tap}, not this repository's, so a generated project's copy of the tests still renames it.
 */
final class SyntheticProject {

    static final String SHA = "abc1234def5678abc1234def5678abc1234def56";
    static final byte[] GZIPPED = gzip("{\"services\": {}}");

    private SyntheticProject() {
    }

    static Path create(Path dir) throws IOException {
        write(dir, "Pulumi.yaml", """
                name: tap
                runtime: java
                # Every key lives in the project namespace (`tap:`); check with ./tap plan <stack>.
                #   tap:services  (mapping, default {})
                config:
                  azCount:
                    type: integer
                    default: 3
                    description: zones to span, those in tap:availabilityZones
                """);
        write(dir, "Pulumi.dev.yaml", """
                # Dev. CI sets `pulumi config set tap:environmentSuffix pr1`.
                config:
                  aws:region: us-east-1
                  tap:environment: dev
                  tap:services:
                    api:
                      environment:
                        URL: http://api.dev.tap.local:8080
                """);
        write(dir, "Pulumi.prod.yaml", "config:\n  tap:environment: prod\n");
        write(dir, "pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project>
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>com.example.tap</groupId>
                    <artifactId>tap</artifactId>
                    <version>0.3.0</version>
                    <name>Tap Example</name>
                    <properties>
                        <!-- ./tap runs com.example.tap.tooling.cli.TapCli -->
                        <mainClass>com.example.tap.App</mainClass>
                    </properties>
                    <dependencies>
                        <dependency>
                            <groupId>com.pulumi</groupId>
                            <artifactId>pulumi</artifactId>
                        </dependency>
                    </dependencies>
                    <build>
                        <testSourceDirectory>tests</testSourceDirectory>
                    </build>
                </project>
                """);
        write(dir, "README.md", """
                # Tap Example

                Run `./tap plan dev`; set the owner with `pulumi config set tap:owner me`.
                Sources: src/main/java/com/example/tap/, the component `tap:stack:Stack`.
                """);
        write(dir, "docs/guide.md", "Keys: `tap:services`, e.g. api.dev.tap.local.\n");
        write(dir, "src/main/java/com/example/tap/App.java", """
                package com.example.tap;

                import com.example.tap.stack.Stack;

                /** Run by ./tap; reads tap:services. */
                public final class App {
                    static final String TYPE = "tap:stack:Stack";
                    static final String KEY = "tap:services";
                    static final String RESOURCE = "/com/example/tap/data.json.gz";
                }
                """);
        write(dir, "src/main/java/com/example/tap/stack/Stack.java", "package com.example.tap.stack;\n\npublic final"
                + " class Stack {\n}\n");
        Files.write(Files.createDirectories(dir.resolve("src/main/resources/com/example/tap")).resolve("data.json.gz"),
                GZIPPED);
        write(dir, "src/main/resources/com/example/tap/rules.yaml", "# read by tap:waf\n");
        write(dir, "tests/com/example/tap/AppTest.java", "package com.example.tap;\n\nimport com.example.tap.stack.Stack;"
                + "\n\nclass AppTest {\n    String key = \"tap:services\";\n}\n");
        write(dir, "tests/fixtures/demo/Pulumi.yaml", "name: demo\n# com.example.tap, tap:owner\n");
        write(dir, "tests/fixtures/demo/Pulumi.small.yaml", "config:\n  tap:environment: small\n");
        executable(dir, "tap", """
                #!/usr/bin/env bash
                # ./tap: the launcher
                echo "tap: building" >&2
                exec java -cp target/classes com.example.tap.tooling.cli.TapCli "$@"
                """);
        executable(dir, ".ci/run", """
                #!/usr/bin/env bash
                mvn test
                ./tap plan dev
                # repository-only: begin
                ./tap init "$tmp/ledger" --name ledger
                # repository-only: end
                ./tap check dev
                """);
        executable(dir, "bench/run", "#!/usr/bin/env bash\n./tap plan \"$1\"\n");
        write(dir, "bench/peer/replay.js", "// the peer\n");
        write(dir, ".gitignore", "/target/\n*.iml\n.idea/\n");
        write(dir, "tap.iml", "<module/>\n");
        write(dir, ".idea/workspace.xml", "<project/>\n");
        write(dir, "target/classes/App.class", "not copied\n");
        write(dir, ".git/HEAD", "ref: refs/heads/main\n");
        write(dir, ".git/refs/heads/main", SHA + "\n");
        return dir;
    }

    static void write(Path dir, String relative, String text) throws IOException {
        var file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void executable(Path dir, String relative, String text) throws IOException {
        write(dir, relative, text);
        Files.setPosixFilePermissions(dir.resolve(relative), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static byte[] gzip(String text) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
