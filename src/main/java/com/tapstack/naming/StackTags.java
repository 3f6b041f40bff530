package com.tapstack.naming;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place tags are merged: TapStack's own tags, then the user's {@code <project>:tags} (which cannot redefine
 * TapStack's keys; the loader refuses that).
 *
 * <p>Tags are set on each resource rather than as provider default tags: the generated suffix is unknown
 * until the random provider has run, and an unknown value in the provider's configuration would leave every
 * lookup unknown during the first preview. Per-resource tags also let the offline checks see, on every
 * resource, exactly the tags AWS will receive.
 *
 * @param owner      the Owner tag
 * @param costCenter the CostCenter tag
 * @param extra      the user's own tags
 */
public record StackTags(String owner, String costCenter, Map<String, String> extra) {

    public static final String MANAGED_BY = "pulumi";

    public StackTags {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Every resource's tags, for the deployment {@code naming} names. */
    public Map<String, String> common(Naming naming) {
        var tags = new LinkedHashMap<String, String>();
        tags.put("Environment", naming.environment());
        tags.put("EnvironmentSuffix", naming.suffix());
        tags.put("Project", naming.project());
        tags.put("ManagedBy", MANAGED_BY);
        tags.put("CostCenter", costCenter);
        tags.put("Owner", owner);
        tags.putAll(extra);
        return Collections.unmodifiableMap(tags);
    }

    /** Common tags plus a {@code Name} tag, which the EC2 console shows for VPCs, subnets and gateways. */
    public Map<String, String> named(Naming naming, String name, Map<String, String> resourceTags) {
        var tags = new LinkedHashMap<>(common(naming));
        tags.put("Name", name);
        tags.putAll(resourceTags);
        return Collections.unmodifiableMap(tags);
    }
}
