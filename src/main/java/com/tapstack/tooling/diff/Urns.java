package com.tapstack.tooling.diff;

import com.tapstack.config.ConfigException;
import com.tapstack.text.OneLine;

/**
 * Pulumi URNs: {@code urn:pulumi:<stack>::<project>::<parent types $-joined>$<type>::<name>}
 * (https://www.pulumi.com/docs/iac/concepts/resources/names/#urns).
 */
final class Urns {

    record Parts(String stack, String project) {
    }

    private Urns() {
    }

    static Parts parse(String origin, String urn) {
        var parts = urn.split("::", 4);
        if (!urn.startsWith("urn:pulumi:") || parts.length != 4 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new ConfigException(origin, "urn", OneLine.shorten(urn) + " is not a Pulumi URN",
                    "urn:pulumi:<stack>::<project>::<type>::<name>");
        }
        return new Parts(parts[0].substring("urn:pulumi:".length()), parts[1]);
    }

    /** The resource's own type: the last of the {@code $}-joined type chain. */
    static String type(String urn) {
        var parts = urn.split("::", 4);
        if (parts.length < 4) {
            return "";
        }
        var chain = parts[2];
        return chain.substring(chain.lastIndexOf('$') + 1);
    }
}
