package com.tapstack.tooling.diff;

/** IPv4 CIDR blocks as the diff needs them: whether two overlap. Text that is not a CIDR overlaps nothing. */
final class Cidrs {

    private Cidrs() {
    }

    static boolean overlap(String a, String b) {
        var x = parse(a);
        var y = parse(b);
        if (x == null || y == null) {
            return false;
        }
        int prefix = Math.min((int) x[1], (int) y[1]);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (x[0] & mask) == (y[0] & mask);
    }

    /** {address, prefix length}, or null. */
    private static long[] parse(String cidr) {
        var parts = cidr.split("/");
        if (parts.length != 2 || !parts[1].matches("\\d{1,2}") || Integer.parseInt(parts[1]) > 32) {
            return null;
        }
        var octets = parts[0].split("\\.");
        if (octets.length != 4) {
            return null;
        }
        long address = 0;
        for (var octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return null;
            }
            address = address << 8 | Integer.parseInt(octet);
        }
        return new long[] {address, Integer.parseInt(parts[1])};
    }
}
