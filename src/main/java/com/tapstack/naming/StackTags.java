package com.tapstack.naming;

import com.tapstack.config.StackConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place tags are merged: TapStack's own tags, then the user's {@code tap:tags} (which cannot redefine
 * TapStack's keys; the loader refuses that).
 *
 * <p>Tags are set on each resource rather than as provider default tags: the generated suffix is unknown
 * until the random provider has run, and an unknown value in the provider's configuration would leave every
 * lookup unknown during the first preview. Per-resource tags also let the offline checks see, on every
 * resource, exactly the tags AWS will receive.
 */
public final class StackTags {

    public static final String MANAGED_BY = "pulumi";

    private StackTags() {
    }

    public static Map<String, String> common(StackConfig config, Naming naming) {
        var tags = new LinkedHashMap<String, String>();
        tags.put("Environment", config.environment());
        tags.put("EnvironmentSuffix", naming.suffix());
        tags.put("Project", config.project());
        tags.put("ManagedBy", MANAGED_BY);
        tags.put("CostCenter", config.costCenter());
        tags.put("Owner", config.owner());
        tags.putAll(config.tags());
        return Collections.unmodifiableMap(tags);
    }

    /** Common tags plus a {@code Name} tag, which the EC2 console shows for VPCs, subnets and gateways. */
    public static Map<String, String> named(StackConfig config, Naming naming, String name,
                                            Map<String, String> extra) {
        var tags = new LinkedHashMap<>(common(config, naming));
        tags.put("Name", name);
        tags.putAll(extra);
        return Collections.unmodifiableMap(tags);
    }
}
