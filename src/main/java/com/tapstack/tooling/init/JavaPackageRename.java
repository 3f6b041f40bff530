package com.tapstack.tooling.init;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a Java package: its dotted form ({@code com.tapstack.tooling} → {@code org.acme.ledger.tooling}) and its
 * slashed form ({@code src/main/java/com/tapstack/} → {@code src/main/java/org/acme/ledger/}) in any text, and
 * the files under a source root. Both forms are bounded: {@code com.tapstackish}, {@code xcom.tapstack} and
 * {@code github.com/tapstack} (a host, not a package) are left alone.
 */
public record JavaPackageRename(String from, String to) {

    /** Before a match: not part of a longer name, and not a host name's dot (github.com/tapstack). */
    private static final String BEFORE = "(?<![A-Za-z0-9_$.])";
    /** After a match: the name ends there (a dot or slash may follow, for a subpackage or a path). */
    private static final String AFTER = "(?![A-Za-z0-9_$])";
    /**
     * After a one-segment package ({@code ledger}), which is also a plain word (the project name, a directory):
     * only where it is clearly the package, before a class or subpackage, a {@code ;} or, slashed, a {@code /}.
     */
    private static final String AFTER_ONE_SEGMENT_DOTTED = "(?=\\.[A-Za-z_$]|;)";
    private static final String AFTER_ONE_SEGMENT_SLASHED = "(?=/)";

    public JavaPackageRename {
        if (from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("a package rename needs both packages: " + from + " -> " + to);
        }
    }

    public boolean changes() {
        return !from.equals(to);
    }

    /** {@code text} with every dotted and slashed mention of the package moved. */
    public String apply(String text) {
        if (!changes()) {
            return text;
        }
        var oneSegment = !from.contains(".");
        var dotted = replace(text, from, to, oneSegment ? AFTER_ONE_SEGMENT_DOTTED : AFTER);
        return replace(dotted, slashed(from), slashed(to), oneSegment ? AFTER_ONE_SEGMENT_SLASHED : AFTER);
    }

    /**
     * Where a file goes: {@code <root>/com/tapstack/x} moves to {@code <root>/org/acme/ledger/x} for each source
     * root; any other path stays. Paths are relative and written with {@code /}.
     */
    public String relocate(String path, List<String> sourceRoots) {
        if (!changes()) {
            return path;
        }
        for (var root : sourceRoots) {
            var prefix = root + "/" + slashed(from) + "/";
            if (path.startsWith(prefix)) {
                return root + "/" + slashed(to) + "/" + path.substring(prefix.length());
            }
        }
        return path;
    }

    /** The package of a class name, e.g. {@code com.tapstack} of {@code com.tapstack.App}. */
    public static Optional<String> packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 ? Optional.of(className.substring(0, dot)) : Optional.empty();
    }

    private static String slashed(String javaPackage) {
        return javaPackage.replace('.', '/');
    }

    private static String replace(String text, String from, String to, String after) {
        return Pattern.compile(BEFORE + Pattern.quote(from) + after).matcher(text)
                .replaceAll(Matcher.quoteReplacement(to));
    }
}
