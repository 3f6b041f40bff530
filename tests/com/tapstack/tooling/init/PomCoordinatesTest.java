package com.tapstack.tooling.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The project's own coordinates, read with a parser and written back without touching anything else. */
class PomCoordinatesTest {

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
                <!-- <groupId>in.a.comment</groupId> -->
                <modelVersion>4.0.0</modelVersion>
                <parent>
                    <groupId>org.parent</groupId>
                    <artifactId>parent</artifactId>
                    <version>7</version>
                </parent>
                <groupId>com.example.shop</groupId>
                <artifactId>shop</artifactId>
                <version>0.1.0</version>
                <name>Shop &amp; Co</name>
                <properties>
                    <mainClass>com.example.shop.App</mainClass>
                    <name>a property called name</name>
                </properties>
                <dependencies>
                    <dependency>
                        <groupId>com.pulumi</groupId>
                        <artifactId>pulumi</artifactId>
                        <version>1.36.1</version>
                    </dependency>
                </dependencies>
                <build>
                    <testSourceDirectory>tests</testSourceDirectory>
                </build>
            </project>
            """;

    @Test
    void readsTheProjectsOwnCoordinatesNotTheParentsOrADependencys() {
        var pom = PomCoordinates.read(POM);

        assertThat(pom.groupId()).contains("com.example.shop");
        assertThat(pom.artifactId()).isEqualTo("shop");
        assertThat(pom.version()).isEqualTo("0.1.0");
        assertThat(pom.name()).contains("Shop & Co");
        assertThat(pom.mainClass()).contains("com.example.shop.App");
        assertThat(pom.testSourceDirectory()).contains("tests");
        assertThat(pom.coordinates()).isEqualTo("com.example.shop:shop");
    }

    @Test
    void rewritesOnlyTheProjectsGroupIdArtifactIdAndNameAndKeepsEveryOtherByte() {
        var rewritten = PomCoordinates.rewrite(POM, "org.acme", "ledger", "ledger");

        assertThat(rewritten).isEqualTo(POM
                .replace("    <groupId>com.example.shop</groupId>", "    <groupId>org.acme</groupId>")
                .replace("    <artifactId>shop</artifactId>", "    <artifactId>ledger</artifactId>")
                .replace("<name>Shop &amp; Co</name>", "<name>ledger</name>"));
        assertThat(rewritten).contains("<groupId>org.parent</groupId>", "<groupId>com.pulumi</groupId>",
                "<!-- <groupId>in.a.comment</groupId> -->", "<name>a property called name</name>");
    }

    @Test
    void addsAGroupIdAndNameThePomInheritsOrLacks() {
        var inheriting = """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.parent</groupId><artifactId>p</artifactId><version>7</version></parent>
                  <artifactId>shop</artifactId>
                  <version>1</version>
                </project>
                """;

        assertThat(PomCoordinates.read(inheriting).groupId()).isEmpty();
        assertThat(PomCoordinates.rewrite(inheriting, "org.acme", "ledger", "ledger")).isEqualTo("""
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.parent</groupId><artifactId>p</artifactId><version>7</version></parent>
                  <groupId>org.acme</groupId>
                  <artifactId>ledger</artifactId>
                  <version>1</version>
                  <name>ledger</name>
                </project>
                """);
    }

    @Test
    void fillsAnEmptyElement() {
        assertThat(PomCoordinates.rewrite("<project><groupId>g</groupId><artifactId>a</artifactId><name/></project>",
                "org.acme", "ledger", "ledger"))
                .isEqualTo("<project><groupId>org.acme</groupId><artifactId>ledger</artifactId><name>ledger</name>"
                        + "</project>");
    }

    @Test
    void refusesAPomThatIsNotAMavenProject() {
        assertThatThrownBy(() -> PomCoordinates.read("<settings><artifactId>a</artifactId></settings>"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("pom.xml: settings: is not a Maven project; allowed: a <project> root element");
        assertThatThrownBy(() -> PomCoordinates.read("<project><groupId>g</groupId></project>"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("pom.xml: project.artifactId: is missing; allowed: a Maven project");
        assertThatThrownBy(() -> PomCoordinates.read("<project><artifactId>a</project>"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("pom.xml: xml: cannot be parsed: ");
    }
}
