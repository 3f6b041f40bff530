package com.tapstack.text;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the known name nearest to a mistyped one (config keys, ./tap commands and options). */
public final class Suggestions {

    private Suggestions() {
    }

    /** The known name within a few edits of {@code field} (case ignored), if one is. */
    public static Optional<String> closest(String field, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var candidate : known) {
            int distance = candidate.equalsIgnoreCase(field) ? 0 : editDistance(field.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, field.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
