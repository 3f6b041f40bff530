package com.tapstack.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Physical names: {@code <project>-<environment>-<suffix>-<part>}. The prefix identifies one deployment and is
 * never shortened; when a name would pass its AWS limit the part is cut and a hash of the whole part appended,
 * so shortened names stay unique and stable between runs.
 */
public record Naming(String project, String environment, String suffix) {

    /** Room a part always keeps, even under the tightest limit: 3 characters, a hyphen and the hash. */
    public static final int MIN_PART_LENGTH = 3 + 1 + Naming.HASH_LENGTH;
    static final int HASH_LENGTH = 6;

    /** {@code tap-dev-x7k2p9-}: what every physical name of this deployment starts with. */
    public String prefix() {
        return project + "-" + environment + "-" + suffix + "-";
    }

    public String name(String part, NameLimit limit) {
        var full = prefix() + part;
        if (full.length() <= limit.maxLength()) {
            return full;
        }
        int room = limit.maxLength() - prefix().length();
        if (room < MIN_PART_LENGTH) {
            throw new IllegalStateException("prefix " + prefix() + " leaves no room for " + limit.description()
                    + " names; the config loader should have refused this suffix");
        }
        var head = part.substring(0, room - HASH_LENGTH - 1).replaceAll("-+$", "");
        return prefix() + head + "-" + hash(part);
    }

    /**
     * The longest suffix that still leaves {@link #MIN_PART_LENGTH} characters for a part under the tightest
     * name limit of all, for this project and environment.
     */
    public static int maxSuffixLength(String project, String environment) {
        return NameLimit.tightest().maxLength() - MIN_PART_LENGTH - (project.length() + environment.length() + 3);
    }

    /** Six hex characters of the SHA-256 of {@code text}: a short, stable fingerprint for names. */
    public static String hash(String part) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(part.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
