package com.tapstack.network;

import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 CIDR block whose host bits are zero. */
public record Ipv4Cidr(long network, int prefix) {

    private static final Pattern FORM = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32 || network < 0 || network > 0xFFFFFFFFL || (network & hostMask(prefix)) != 0) {
            throw new IllegalArgumentException("not a CIDR block: " + network + "/" + prefix);
        }
    }

    /** Parses {@code a.b.c.d/n}; empty when the text is not of that form or an octet or prefix is out of range. */
    public static Optional<Parsed> parse(String text) {
        var matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(matcher.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(matcher.group(5));
        if (prefix > 32) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(address, prefix));
    }

    /** A syntactically valid address and prefix, possibly with host bits set. */
    public record Parsed(long address, int prefix) {
        public boolean hasHostBits() {
            return (address & hostMask(prefix)) != 0;
        }

        public Ipv4Cidr network() {
            return new Ipv4Cidr(address & ~hostMask(prefix) & 0xFFFFFFFFL, prefix);
        }
    }

    /** The {@code index}-th block of {@code prefix + newBits} inside this one. */
    public Ipv4Cidr subnet(int newBits, int index) {
        int subnetPrefix = prefix + newBits;
        if (subnetPrefix > 32 || index < 0 || index >= (1L << newBits)) {
            throw new IllegalArgumentException("no subnet " + index + " of /" + subnetPrefix + " in " + this);
        }
        return new Ipv4Cidr(network + ((long) index << (32 - subnetPrefix)), subnetPrefix);
    }

    private static long hostMask(int prefix) {
        return prefix == 0 ? 0xFFFFFFFFL : (1L << (32 - prefix)) - 1;
    }

    @Override
    public String toString() {
        return ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "."
                + (network & 255) + "/" + prefix;
    }
}
