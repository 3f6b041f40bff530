package com.tapstack.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tapstack.config.ConfigException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Table-driven broken configuration: each case edits a real stack file's values and names the one message the
 * loader must give. Part of the test kit.
 */
public final class BrokenConfig {

    private BrokenConfig() {
    }

    /** One case: what is broken, how, and the exact message expected. */
    public static Arguments broken(String what, UnaryOperator<StackValues> edit, String message) {
        return Arguments.of(what, edit, message);
    }

    /** Loading {@code stack} with {@code edit} applied fails with exactly {@code message}, on one line. */
    public static void assertRefused(String stack, UnaryOperator<StackValues> edit, String message) {
        var values = edit.apply(Reference.values(stack)).toMap();

        assertThatThrownBy(() -> Reference.load(stack, values))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Loading the fixture stack {@code stack} with {@code edit} applied fails with exactly {@code message}. */
    public static void assertFixtureRefused(String stack, UnaryOperator<StackValues> edit, String message) {
        var values = edit.apply(Fixtures.values(stack)).toMap();

        assertThatThrownBy(() -> Fixtures.load(stack, values))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
