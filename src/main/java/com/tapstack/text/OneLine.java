package com.tapstack.text;

/**
 * Text from a user's file made fit for a one-line message: control characters escaped the way Java and JSON
 * write them ({@code \n}, {@code \t}, {@code \u001b}), and long text abbreviated to its start and its length,
 * so a newline in a value never splits a message and a 300 KB value is never echoed whole.
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
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code text} escaped and, when longer than {@value #MAX_SHOWN} characters, cut to its start and length. */
    public static String shorten(String text) {
        if (text.length() <= MAX_SHOWN) {
            return escape(text);
        }
        return escape(text.substring(0, KEEP)) + "... (" + text.length() + " characters)";
    }
}
