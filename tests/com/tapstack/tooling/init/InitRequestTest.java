package com.tapstack.tooling.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every option is refused with one line naming it, the value and what is allowed, before anything is read. */
class InitRequestTest {

    private static final String NAMES = "; allowed: 1 to 15 lowercase letters, digits or hyphens, starting with a letter";
    private static final String PACKAGES = "; allowed: dotted Java identifiers such as org.acme.ledger, each segment"
            + " [a-z_][a-z0-9_]* and not a Java keyword, outside java.* and javax.*";
    private static final String GROUP_IDS = "; allowed: letters, digits, _, - and . between non-empty segments,"
            + " e.g. org.acme";

    private static InitRequest request(String name, String javaPackage, String groupId) {
        return new InitRequest(Path.of("ledger"), name, Optional.ofNullable(javaPackage), Optional.ofNullable(groupId),
                Optional.empty());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("Ledger", null, null, "./tap init: --name: \"Ledger\" is not a Pulumi project name" + NAMES),
                Arguments.of("1ledger", null, null, "./tap init: --name: \"1ledger\" is not a Pulumi project name" + NAMES),
                Arguments.of("ledger_app", null, null, "./tap init: --name: \"ledger_app\" is not a Pulumi project name"
                        + NAMES),
                Arguments.of("a-very-long-ledger", null, null, "./tap init: --name: \"a-very-long-ledger\" is not a"
                        + " Pulumi project name" + NAMES),
                Arguments.of("", null, null, "./tap init: --name: \"\" is not a Pulumi project name" + NAMES),
                Arguments.of("ledger", "org.acme.class", null, "./tap init: --package: \"org.acme.class\" has the Java"
                        + " keyword \"class\" as a segment" + PACKAGES),
                Arguments.of("ledger", "org._", null, "./tap init: --package: \"org._\" has the Java keyword \"_\" as a"
                        + " segment" + PACKAGES),
                Arguments.of("ledger", "org.acme.true", null, "./tap init: --package: \"org.acme.true\" has the Java"
                        + " keyword \"true\" as a segment" + PACKAGES),
                Arguments.of("ledger", "java.x", null, "./tap init: --package: \"java.x\" is in the JDK's namespace"
                        + " java.*" + PACKAGES),
                Arguments.of("ledger", "javax.ledger", null, "./tap init: --package: \"javax.ledger\" is in the JDK's"
                        + " namespace javax.*" + PACKAGES),
                Arguments.of("ledger", "java", null, "./tap init: --package: \"java\" is in the JDK's namespace java.*"
                        + PACKAGES),
                Arguments.of("ledger", "org.Acme", null, "./tap init: --package: \"org.Acme\" has the segment \"Acme\","
                        + " which is not [a-z_][a-z0-9_]*" + PACKAGES),
                Arguments.of("ledger", "org.acme-co", null, "./tap init: --package: \"org.acme-co\" has the segment"
                        + " \"acme-co\", which is not [a-z_][a-z0-9_]*" + PACKAGES),
                Arguments.of("ledger", "org.2acme", null, "./tap init: --package: \"org.2acme\" has the segment"
                        + " \"2acme\", which is not [a-z_][a-z0-9_]*" + PACKAGES),
                Arguments.of("ledger", "org..acme", null, "./tap init: --package: \"org..acme\" has an empty segment"
                        + PACKAGES),
                Arguments.of("ledger", "org.acme.", null, "./tap init: --package: \"org.acme.\" has an empty segment"
                        + PACKAGES),
                Arguments.of("ledger", "", null, "./tap init: --package: \"\" is empty" + PACKAGES),
                Arguments.of("ledger", null, "org..acme", "./tap init: --group-id: \"org..acme\" has an empty segment"
                        + GROUP_IDS),
                Arguments.of("ledger", null, ".org", "./tap init: --group-id: \".org\" has an empty segment" + GROUP_IDS),
                Arguments.of("ledger", null, "org/acme", "./tap init: --group-id: \"org/acme\" has characters a Maven"
                        + " groupId cannot have" + GROUP_IDS),
                Arguments.of("ledger", null, "org acme", "./tap init: --group-id: \"org acme\" has characters a Maven"
                        + " groupId cannot have" + GROUP_IDS),
                Arguments.of("ledger", null, "", "./tap init: --group-id: \"\" is empty" + GROUP_IDS),
                Arguments.of("led\nger", null, null, "./tap init: --name: \"led\\nger\" is not a Pulumi project name"
                        + NAMES));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("refused")
    void refusesWithOneLine(String name, String javaPackage, String groupId, String message) {
        assertThatThrownBy(() -> request(name, javaPackage, groupId))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void acceptsWhatJavaAndMavenAccept() {
        assertThat(request("ledger", "org.acme.ledger", "Org.Acme-Co_1.x").arguments())
                .isEqualTo("--name ledger --package org.acme.ledger --group-id Org.Acme-Co_1.x");
        assertThat(request("l", "_ledger.v2_0", null).javaPackage()).contains("_ledger.v2_0");
        assertThat(request("ledger-2", "record.var.yield", null).javaPackage()).contains("record.var.yield");
        assertThat(request("ledger", null, null).arguments()).isEqualTo("--name ledger");
    }
}
