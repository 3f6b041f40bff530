package com.tapstack.tooling.offline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifiers in AWS's formats, derived from the stack and resource name so that the same stack always plans
 * to the same ids (plans can be diffed, tests can assert them).
 */
final class FakeIds {

    private final String seed;

    FakeIds(String seed) {
        this.seed = seed;
    }

    /** {@code length} lowercase hex characters for {@code key}. */
    String hex(String key, int length) {
        var out = new StringBuilder();
        int round = 0;
        while (out.length() < length) {
            out.append(HexFormat.of().formatHex(sha256(seed + "|" + key + "|" + round++)));
        }
        return out.substring(0, length);
    }

    /** An EC2-style id: {@code vpc-0a1b2c3d4e5f67890}. */
    String ec2(String prefix, String key) {
        return prefix + "-0" + hex(prefix + key, 16);
    }

    /** A UUID-formatted id, as KMS key ids are. */
    String uuid(String key) {
        var h = hex(key, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20, 32);
    }

    /** {@code length} characters drawn from {@code alphabet}. */
    String text(String key, int length, String alphabet) {
        var bytes = sha256(seed + "|" + key);
        var out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(Byte.toUnsignedInt(bytes[i % bytes.length]) % alphabet.length()));
        }
        return out.toString();
    }

    /** A number in [0, bound) for {@code key}. */
    int number(String key, int bound) {
        var bytes = sha256(seed + "|" + key);
        return Math.floorMod((bytes[0] << 24) | ((bytes[1] & 255) << 16) | ((bytes[2] & 255) << 8) | (bytes[3] & 255), bound);
    }

    /** One digest per thread: looking SHA-256 up among the security providers costs more than hashing a name. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private static byte[] sha256(String text) {
        // digest() resets the digest for the next call.
        return SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
