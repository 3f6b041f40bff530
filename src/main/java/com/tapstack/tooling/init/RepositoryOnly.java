package com.tapstack.tooling.init;

import com.tapstack.config.ConfigException;
import java.util.List;

/**
 * What only this repository needs and a generated project leaves out: whole paths, and the lines of scripts and
 * workflows between the markers {@code # repository-only: begin} and {@code # repository-only: end} (markers
 * included).
 */
public final class RepositoryOnly {

    /**
     * Paths (relative, {@code /}-separated, a directory with everything under it) left out of a generated project.
     * One entry per path, each with why only this repository needs it.
     */
    public static final List<String> PATHS = List.of(
            // The benchmark's peer, a Node.js program that replays plans for comparison (bench/run --peers): it
            // measures TapStack against the Node SDK; a project built on TapStack has nothing to compare.
            "bench/peer");

    public static final String BEGIN = "# repository-only: begin";
    public static final String END = "# repository-only: end";

    private RepositoryOnly() {
    }

    /** Whether {@code relative} is one of {@link #PATHS} or under one. */
    public static boolean isRepositoryOnly(String relative) {
        return PATHS.stream().anyMatch(p -> relative.equals(p) || relative.startsWith(p + "/"));
    }

    /**
     * {@code text} without its repository-only blocks. A marker is a whole line (indentation allowed); an
     * unclosed or stray marker is refused, since guessing where the block ends could drop or keep the wrong lines.
     *
     * @param file the file's relative path, for the refusal
     */
    public static String strip(String file, String text) {
        if (!text.contains(BEGIN) && !text.contains(END)) {
            return text;
        }
        var out = new StringBuilder(text.length());
        boolean inside = false;
        int lineNumber = 0;
        for (var line : text.split("(?<=\n)", -1)) {
            lineNumber++;
            var marker = line.strip();
            if (marker.equals(BEGIN)) {
                if (inside) {
                    throw unbalanced(file, lineNumber, "opens a block inside another");
                }
                inside = true;
            } else if (marker.equals(END)) {
                if (!inside) {
                    throw unbalanced(file, lineNumber, "closes a block that was not opened");
                }
                inside = false;
            } else if (!inside) {
                out.append(line);
            }
        }
        if (inside) {
            throw unbalanced(file, lineNumber, "ends inside a repository-only block");
        }
        return out.toString();
    }

    private static ConfigException unbalanced(String file, int line, String problem) {
        return new ConfigException(file, "line " + line, problem, "each \"" + BEGIN + "\" line closed by a \""
                + END + "\" line, not nested");
    }
}
