package com.tapstack.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OneLineTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "a\\nb | a\\\\nb | a newline",
            "team\\u202eevil | team\\\\u202eevil | a right-to-left override",
            "a\\u200bb | a\\\\u200bb | a zero-width space",
            "x\\ud800y | x\\\\ud800y | a lone high surrogate",
            "x\\udc00 | x\\\\udc00 | a lone low surrogate",
            "\\ud83d\\ude00 | \\ud83d\\ude00 | an emoji stays itself",
            "caf\\u00e9 | caf\\u00e9 | an accented letter stays itself"})
    void escapesWhatWouldSplitHideOrReorderTheLine(String text, String shown, String what) {
        assertThat(OneLine.escape(unescape(text))).isEqualTo(unescape(shown.replace("\\\\", "\u0000"))
                .replace("\u0000", "\\"));
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"120, 120", "121, 80"})
    void longTextKeepsItsStartAndSaysHowLongItWas(int length, int shownLength) {
        var shown = OneLine.shorten("x".repeat(length));

        assertThat(shown).hasSize(shownLength);
        if (length > OneLine.MAX_SHOWN) {
            assertThat(shown).isEqualTo("x".repeat(60) + "... (" + length + " characters)");
        }
    }

    /** The Java escapes of a table cell, read (\n, \\uXXXX). */
    private static String unescape(String text) {
        var out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'n') {
                out.append('\n');
                i++;
            } else if (c == '\\' && i + 5 < text.length() + 0 && text.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
