package com.tapstack.iam;

import java.util.regex.Pattern;

/**
 * IAM's wildcards: {@code *} any run of characters, {@code ?} any one. Also whether two such patterns can match
 * one and the same text, which is how a policy's resource ({@code ...:log-group:app:*}) is compared with a resource
 * type's ARN format ({@code ...:log-group:*:log-stream:*}).
 */
public final class Globs {

    private Globs() {
    }

    public static Pattern toRegex(String glob) {
        // Literal runs are quoted whole: one quoted character per node made each match walk a node per letter.
        var regex = new StringBuilder();
        int literal = 0;
        for (int i = 0; i <= glob.length(); i++) {
            char c = i < glob.length() ? glob.charAt(i) : '*';
            if (c != '*' && c != '?') {
                continue;
            }
            if (i > literal) {
                regex.append(Pattern.quote(glob.substring(literal, i)));
            }
            if (i < glob.length()) {
                regex.append(c == '*' ? ".*" : ".");
            }
            literal = i + 1;
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Whether some text matches both patterns. */
    public static boolean overlap(String a, String b) {
        int n = a.length();
        int m = b.length();
        var reached = new boolean[n + 1][m + 1];
        reached[0][0] = true;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (!reached[i][j]) {
                    continue;
                }
                boolean starA = i < n && a.charAt(i) == '*';
                boolean starB = j < m && b.charAt(j) == '*';
                if (starA) {
                    reached[i + 1][j] = true;
                    if (j < m) {
                        reached[i][j + 1] = true;
                    }
                }
                if (starB) {
                    reached[i][j + 1] = true;
                    if (i < n) {
                        reached[i + 1][j] = true;
                    }
                }
                if (i < n && j < m && !starA && !starB) {
                    char x = a.charAt(i);
                    char y = b.charAt(j);
                    if (x == y || x == '?' || y == '?') {
                        reached[i + 1][j + 1] = true;
                    }
                }
            }
        }
        return reached[n][m];
    }
}
