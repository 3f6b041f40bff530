package com.tapstack.text;

/**
 * Text from a user's file made fit for a one-line message: control characters escaped the way Java and JSON
 * write them ({@code \n}, {@code \t}, {@code \u001b}), and long text abbreviated to its start and its length,
 * so a newline in a value never splits a message and a 300 KB value is never echoed whole. Invisible format
 * characters (bidi overrides such as U+202E, zero-width spaces) and lone surrogates are escaped too: a message
 * shows what the file holds, not a reordered or hidden version of it.
 */
public final class OneLine {

    /** Longest text shown whole; longer text keeps its first {@value #KEEP} characters. */
    public static final int MAX_SHOWN = 120;
    static final int KEEP = 60;

    private OneLine() {
    }

    /** {@code text} with control characters (and the line and paragraph separators) escaped. */
    public static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                            || Character.getType(c) == Character.FORMAT || loneSurrogate(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean loneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /** {@code text} escaped and, when longer than {@value #MAX_SHOWN} characters, cut to its start and length. */
    public static String shorten(String text) {
        if (text.length() <= MAX_SHOWN) {
            return escape(text);
        }
        return escape(text.substring(0, KEEP)) + "... (" + text.length() + " characters)";
    }
}
