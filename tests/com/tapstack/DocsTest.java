package com.tapstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tapstack.support.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README is a front door, and the docs it leads to hold up: links resolve, the layout is the code's. */
class DocsTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");

    private static String read(String path) throws IOException {
        return Files.readString(Project.DIR.resolve(path));
    }

    @Test
    void theReadmeStaysAFrontDoorOfAtMost12Kilobytes() throws IOException {
        assertThat(Files.size(Project.DIR.resolve("README.md"))).isLessThanOrEqualTo(12 * 1024);
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        try (var docs = Files.list(Project.DIR.resolve("docs"))) {
            for (var file : Stream.concat(Stream.of(Project.DIR.resolve("README.md")), docs).toList()) {
                var matcher = LINK.matcher(Files.readString(file));
                while (matcher.find()) {
                    var target = file.getParent().resolve(matcher.group(1)).normalize();
                    assertThat(target).as(file.getFileName() + " links " + matcher.group(1)).exists();
                }
            }
        }
    }

    @Test
    void theReadmeLayoutNamesEveryPackageOfTheStackAndOnlyPackagesThatExist() throws IOException {
        var readme = read("README.md");
        var sources = Project.DIR.resolve("src/main/java/com/tapstack");
        try (var dirs = Files.list(sources)) {
            dirs.filter(Files::isDirectory).map(Path::getFileName).map(Path::toString)
                    .forEach(pkg -> assertThat(readme).as(pkg).containsPattern("(?m)^  .*\\b" + pkg + "/"));
        }
        var layout = readme.substring(readme.indexOf("App.java"), readme.indexOf("tests/com/tapstack/"));
        var mentioned = Pattern.compile("\\b([a-z]+(?:/[a-z]+)?)/").matcher(layout);
        while (mentioned.find()) {
            var pkg = mentioned.group(1).replace("<module>", "");
            if (!pkg.equals("src/main") && !pkg.equals("main/java") && !pkg.startsWith("java")) {
                assertThat(sources.resolve(pkg)).as(pkg).isDirectory();
            }
        }
    }

    @Test
    void theForkExampleInTheTestingDocIsTheTestThatRuns() throws IOException {
        var example = read("tests/com/tapstack/fork/ForkExampleTest.java");

        assertThat(read("docs/testing.md")).contains("```java\n" + example + "```");
    }
}
