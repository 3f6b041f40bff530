package com.tapstack.modules.https;

import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HTTPS on the load balancer ({@code <project>:https}): a given certificate, or one requested for
 * {@code domainName} and validated in the DNS zone.
 */
public record HttpsConfig(Optional<String> certificateArn, Optional<String> domainName) {

    /** A lowercase host name of labels of letters, digits and inner hyphens. */
    public static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    public static final String HOST_RULE = "a lowercase host name such as app.example.com";
    private static final Pattern CERTIFICATE_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[0-9a-f-]{36}$");
    private static final String ARN_RULE = "an ACM certificate ARN in the stack's region,"
            + " arn:aws:acm:<region>:<account>:certificate/<id>";

    public static final TextKey CERTIFICATE = TextKey.required("certificateArn", ARN_RULE,
            "A certificate you have, for the HTTPS listener");
    public static final TextKey DOMAIN_NAME = TextKey.required("domainName", "a host name such as app.example.com",
            "A certificate is requested for this name and validated by DNS in <project>:dns.zoneId");
    public static final KeyTable KEYS = KeyTable.of("<project>:https", "HTTPS", "Exactly one of certificateArn and"
            + " domainName. The load balancer gets an HTTPS listener (" + "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"
            + "), port 443 opens in its security group, and HTTP redirects to HTTPS. Off by default, so a stack"
            + " deploys without a certificate; needs a public service.", CERTIFICATE, DOMAIN_NAME);
    public static final Structured BLOCK = Structured.table("https", "off", "An HTTPS listener with a given or"
            + " requested certificate", KEYS);

    /** The block's settings, or empty without it. */
    public static Optional<HttpsConfig> read(ConfigNode parent, String region, String dnsKey) {
        var maybe = BLOCK.optional(parent);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        var node = maybe.get();
        var arn = CERTIFICATE.optional(node);
        var domain = DOMAIN_NAME.optional(node);
        if (arn.isPresent() == domain.isPresent()) {
            throw node.errorHere("needs exactly one of certificateArn and domainName", "certificateArn (a certificate"
                    + " you have) or domainName (one is requested and validated in " + parent.key(dnsKey)
                    + ".zoneId)");
        }
        if (arn.isPresent()) {
            if (!CERTIFICATE_ARN.matcher(arn.get()).matches()) {
                throw node.invalid(CERTIFICATE.name(), "is not an ACM certificate ARN", ARN_RULE);
            }
            if (!arn.get().split(":")[3].equals(region)) {
                throw node.invalid(CERTIFICATE.name(), "is in another region than the load balancer (" + region
                        + ")", ARN_RULE);
            }
        }
        if (domain.isPresent() && !HOST.matcher(domain.get()).matches()) {
            throw node.invalid(DOMAIN_NAME.name(), "is not a host name", HOST_RULE);
        }
        return Optional.of(new HttpsConfig(arn, domain));
    }
}
