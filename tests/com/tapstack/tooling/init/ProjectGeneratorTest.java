package com.tapstack.tooling.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation from a small project built in the test's directory: the tree, every rewritten file, the modes. */
class ProjectGeneratorTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    private static InitRequest request(Path target, String name, String javaPackage, String groupId, String from) {
        return new InitRequest(target, name, Optional.ofNullable(javaPackage), Optional.ofNullable(groupId),
                Optional.ofNullable(from));
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> !Files.isDirectory(f)).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void generatesTheProjectWithEveryRenameAndWithoutWhatOnlyTheSourceNeeds() throws Exception {
        var source = SyntheticProject.create(dir.resolve("tap"));
        var target = dir.resolve("out/ledger");

        var generated = ProjectGenerator.generate(source, request(target, "ledger", "org.acme.ledger", null, null), DAY);

        assertThat(tree(target)).containsExactly(
                ".ci/run",
                ".gitignore",
                "Pulumi.dev.yaml",
                "Pulumi.prod.yaml",
                "Pulumi.yaml",
                "README.md",
                "bench/run",
                "docs/guide.md",
                "pom.xml",
                "src/main/java/org/acme/ledger/App.java",
                "src/main/java/org/acme/ledger/stack/Stack.java",
                "src/main/resources/org/acme/ledger/data.json.gz",
                "src/main/resources/org/acme/ledger/rules.yaml",
                "tap",
                "tests/fixtures/demo/Pulumi.small.yaml",
                "tests/fixtures/demo/Pulumi.yaml",
                "tests/org/acme/ledger/AppTest.java");
        assertThat(generated.files()).isEqualTo(17);
        assertThat(generated.binaryFiles()).isEqualTo(1);
        assertThat(generated.oldName()).isEqualTo("tap");
        assertThat(generated.javaPackage()).isEqualTo(new JavaPackageRename("com.example.tap", "org.acme.ledger"));
        assertThat(generated.oldCoordinates()).isEqualTo("com.example.tap:tap");
        assertThat(generated.newCoordinates()).isEqualTo("org.acme.ledger:ledger");
        assertThat(generated.stacks()).containsExactly("Pulumi.dev.yaml", "Pulumi.prod.yaml");
        assertThat(generated.leftOut()).containsExactly("bench/peer");
        // Written next to the target and moved into place: nothing else is left in the parent.
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("ledger");
        }

        assertThat(Files.readString(target.resolve("Pulumi.yaml"))).isEqualTo("""
                name: ledger
                runtime: java
                # Every key lives in the project namespace (`ledger:`); check with ./tap plan <stack>.
                #   ledger:services  (mapping, default {})
                config:
                  azCount:
                    type: integer
                    default: 3
                    description: zones to span, those in ledger:availabilityZones
                """);
        assertThat(Files.readString(target.resolve("Pulumi.dev.yaml"))).isEqualTo("""
                # Dev. CI sets `pulumi config set ledger:environmentSuffix pr1`.
                config:
                  aws:region: us-east-1
                  ledger:environment: dev
                  ledger:services:
                    api:
                      environment:
                        URL: http://api.dev.ledger.local:8080
                """);
        assertThat(Files.readString(target.resolve("Pulumi.prod.yaml"))).isEqualTo("config:\n  ledger:environment: prod\n");
        assertThat(Files.readString(target.resolve("pom.xml")))
                .contains("    <groupId>org.acme.ledger</groupId>\n    <artifactId>ledger</artifactId>\n"
                        + "    <version>0.3.0</version>\n    <name>ledger</name>\n")
                .contains("<!-- ./tap runs org.acme.ledger.tooling.cli.TapCli -->",
                        "<mainClass>org.acme.ledger.App</mainClass>",
                        "<groupId>com.pulumi</groupId>\n            <artifactId>pulumi</artifactId>");
        assertThat(Files.readString(target.resolve("README.md"))).isEqualTo("""
                # ledger

                Generated by `./tap init` from Tap Example 0.3.0 (commit abc1234) on 2026-12-01, with --name ledger\
                 --package org.acme.ledger.

                # Tap Example

                Run `./tap plan dev`; set the owner with `pulumi config set ledger:owner me`.
                Sources: src/main/java/org/acme/ledger/, the component `tap:stack:Stack`.
                """);
        assertThat(Files.readString(target.resolve("docs/guide.md")))
                .isEqualTo("Keys: `ledger:services`, e.g. api.dev.ledger.local.\n");
        // Code keeps its string literals (keys, type tokens): only the package moves.
        assertThat(Files.readString(target.resolve("src/main/java/org/acme/ledger/App.java"))).isEqualTo("""
                package org.acme.ledger;

                import org.acme.ledger.stack.Stack;

                /** Run by ./tap; reads tap:services. */
                public final class App {
                    static final String TYPE = "tap:stack:Stack";
                    static final String KEY = "tap:services";
                    static final String RESOURCE = "/org/acme/ledger/data.json.gz";
                }
                """);
        assertThat(Files.readString(target.resolve("tests/org/acme/ledger/AppTest.java")))
                .isEqualTo("package org.acme.ledger;\n\nimport org.acme.ledger.stack.Stack;\n\nclass AppTest {\n"
                        + "    String key = \"tap:services\";\n}\n");
        assertThat(Files.readString(target.resolve("src/main/resources/org/acme/ledger/rules.yaml")))
                .isEqualTo("# read by tap:waf\n");
        assertThat(Files.readAllBytes(target.resolve("src/main/resources/org/acme/ledger/data.json.gz")))
                .isEqualTo(SyntheticProject.GZIPPED);
        assertThat(Files.readString(target.resolve("tap"))).isEqualTo("""
                #!/usr/bin/env bash
                # ./tap: the launcher
                echo "tap: building" >&2
                exec java -cp target/classes org.acme.ledger.tooling.cli.TapCli "$@"
                """);
        assertThat(Files.readString(target.resolve(".ci/run")))
                .isEqualTo("#!/usr/bin/env bash\nmvn test\n./tap plan dev\n./tap check dev\n");
        // The tests' own frozen projects are copied as they are.
        assertThat(Files.readString(target.resolve("tests/fixtures/demo/Pulumi.yaml")))
                .isEqualTo("name: demo\n# com.example.tap, tap:owner\n");
        assertThat(Files.readString(target.resolve("tests/fixtures/demo/Pulumi.small.yaml")))
                .isEqualTo("config:\n  tap:environment: small\n");

        assertThat(mode(target.resolve("tap"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(target.resolve(".ci/run"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(target.resolve("bench/run"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(target.resolve("README.md"))).isEqualTo(mode(source.resolve("README.md")));
        assertThat(Files.isExecutable(target.resolve("README.md"))).isFalse();
        assertThat(mode(target)).isEqualTo(mode(source));
    }

    @Test
    void keepsThePackageByDefaultAndTakesTheGroupIdFromIt() throws Exception {
        var source = SyntheticProject.create(dir.resolve("tap"));
        var target = dir.resolve("shop");

        var generated = ProjectGenerator.generate(source, request(target, "shop", null, null, null), DAY);

        assertThat(generated.javaPackage().changes()).isFalse();
        assertThat(generated.newCoordinates()).isEqualTo("com.example.tap:shop");
        assertThat(target.resolve("src/main/java/com/example/tap/App.java")).exists();
        assertThat(Files.readString(target.resolve("pom.xml"))).contains("<groupId>com.example.tap</groupId>",
                "<artifactId>shop</artifactId>", "<mainClass>com.example.tap.App</mainClass>");
        assertThat(Files.readString(target.resolve("Pulumi.dev.yaml"))).contains("  shop:environment: dev\n");
    }

    @Test
    void fromOneStackCopiesOnlyItsFileAndAGroupIdOfItsOwn() throws Exception {
        var source = SyntheticProject.create(dir.resolve("tap"));
        var target = dir.resolve("ledger");

        var generated = ProjectGenerator.generate(source, request(target, "ledger", "org.acme.ledger", "org.acme",
                "prod"), DAY);

        assertThat(generated.stacks()).containsExactly("Pulumi.prod.yaml");
        assertThat(target.resolve("Pulumi.prod.yaml")).exists();
        assertThat(target.resolve("Pulumi.dev.yaml")).doesNotExist();
        assertThat(target.resolve("tests/fixtures/demo/Pulumi.small.yaml")).exists();
        assertThat(Files.readString(target.resolve("pom.xml"))).contains("<groupId>org.acme</groupId>");
        assertThat(Files.readString(target.resolve("README.md"))).contains(", with --name ledger --package"
                + " org.acme.ledger --group-id org.acme --from prod.\n");
    }

    @Test
    void aGeneratedProjectGeneratesAgainFromItsOwnNameAndPackage() throws Exception {
        var source = SyntheticProject.create(dir.resolve("tap"));
        var first = dir.resolve("ledger");
        ProjectGenerator.generate(source, request(first, "ledger", "org.acme.ledger", null, null), DAY);
        var second = dir.resolve("books");

        var generated = ProjectGenerator.generate(first, request(second, "books", "net.books", null, null), DAY);

        assertThat(generated.oldName()).isEqualTo("ledger");
        assertThat(generated.javaPackage()).isEqualTo(new JavaPackageRename("org.acme.ledger", "net.books"));
        assertThat(generated.oldCoordinates()).isEqualTo("org.acme.ledger:ledger");
        assertThat(generated.leftOut()).isEmpty();
        assertThat(Files.readString(second.resolve("Pulumi.dev.yaml"))).contains("  books:environment: dev\n",
                "http://api.dev.books.local:8080");
        assertThat(Files.readString(second.resolve("src/main/java/net/books/App.java"))).startsWith("package net.books;")
                .contains("\"tap:stack:Stack\"");
        // No .git in the first generation: no commit to name. The first generation's header is history: kept as
        // it was written, not renamed.
        assertThat(Files.readString(second.resolve("README.md"))).startsWith("# books\n\nGenerated by `./tap init`"
                + " from ledger 0.3.0 on 2026-12-01, with --name books --package net.books.\n\n# ledger\n\n"
                + "Generated by `./tap init` from Tap Example 0.3.0 (commit abc1234) on 2026-12-01, with --name ledger"
                + " --package org.acme.ledger.\n\n# Tap Example\n\nRun `./tap plan dev`; set the owner with"
                + " `pulumi config set books:owner me`.\nSources: src/main/java/net/books/,");
    }

    @Test
    void aFailureLeavesNothingBehind() throws Exception {
        var source = SyntheticProject.create(dir.resolve("tap"));
        SyntheticProject.write(source, "zz/script", "# repository-only: begin\nnever closed\n");
        var target = Files.createDirectories(dir.resolve("out/ledger"));

        assertThatThrownBy(() -> ProjectGenerator.generate(source, request(target, "ledger", null, null, null), DAY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("zz/script: line 3: ends inside a repository-only block");
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("ledger");
        }
        try (Stream<Path> inTarget = Files.list(target)) {
            assertThat(inTarget).isEmpty();
        }
    }
}
