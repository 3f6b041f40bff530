package com.tapstack.modules.dns;

import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import com.tapstack.modules.https.HttpsConfig;
import java.util.Optional;
import java.util.regex.Pattern;

/** An alias record {@code recordName} in Route 53 zone {@code zoneId} for the load balancer ({@code <project>:dns}). */
public record DnsConfig(String zoneId, String recordName) {

    private static final Pattern ZONE_ID = Pattern.compile("^Z[A-Z0-9]{1,31}$");

    public static final TextKey ZONE = TextKey.required("zoneId", "a Route 53 hosted zone id, e.g."
            + " Z0123456789ABCDEFGHIJ", "The hosted zone of the record (and of the certificate's validation)");
    public static final TextKey RECORD_NAME = TextKey.derived("recordName", "https.domainName", "a host name in the"
            + " zone", "The name that points at the load balancer");
    public static final KeyTable KEYS = KeyTable.of("<project>:dns", "DNS", "An alias record for the load balancer;"
            + " required by https.domainName, whose certificate is validated in the zone.", ZONE, RECORD_NAME);
    public static final Structured BLOCK = Structured.table("dns", "off", "A Route 53 alias record for the load"
            + " balancer", KEYS);

    /** The block's settings, or empty without it; {@code https} names a domain whose validation needs a zone. */
    public static Optional<DnsConfig> read(ConfigNode parent, Optional<HttpsConfig> https, String httpsKey) {
        var maybe = BLOCK.optional(parent);
        var requestedDomain = https.flatMap(HttpsConfig::domainName);
        if (maybe.isEmpty()) {
            if (requestedDomain.isPresent()) {
                throw parent.error(BLOCK.name(), "is missing, and " + parent.key(httpsKey) + ".domainName needs a"
                        + " Route 53 zone to validate the certificate in", "{zoneId: <the hosted zone of "
                        + requestedDomain.get() + ">}");
            }
            return Optional.empty();
        }
        var node = maybe.get();
        var zone = ZONE.read(node);
        if (!ZONE_ID.matcher(zone).matches()) {
            throw node.invalid(ZONE.name(), "is not a Route 53 hosted zone id", "Z followed by letters and digits");
        }
        var record = RECORD_NAME.optional(node).or(() -> requestedDomain).orElseThrow(() -> node.missing(
                RECORD_NAME.name(), "the host name that should point at the load balancer"));
        if (!HttpsConfig.HOST.matcher(record).matches()) {
            throw node.invalid(RECORD_NAME.name(), "is not a host name", HttpsConfig.HOST_RULE);
        }
        return Optional.of(new DnsConfig(zone, record));
    }
}
