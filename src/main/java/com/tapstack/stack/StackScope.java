package com.tapstack.stack;

import com.pulumi.core.Output;
import com.tapstack.aws.AwsAccount;
import com.tapstack.config.StackConfig;
import com.tapstack.naming.NameLimit;
import com.tapstack.naming.Naming;
import com.tapstack.naming.StackTags;
import java.util.Map;

/**
 * What every component of one deployment shares: its configuration, its names, its tags and the AWS account
 * it lands in. Created once by {@link TapStack}.
 */
public final class StackScope {

    private final StackConfig config;
    private final Output<Naming> naming;
    private final Output<AwsAccount> account;
    private final Output<Map<String, String>> commonTags;

    public StackScope(StackConfig config, Output<String> suffix, Output<AwsAccount> account) {
        this.config = config;
        this.naming = suffix.applyValue(s -> new Naming(config.project(), config.environment(), s));
        this.account = account;
        this.commonTags = naming.applyValue(n -> StackTags.common(config, n));
    }

    public StackConfig config() {
        return config;
    }

    public Output<Naming> naming() {
        return naming;
    }

    public Output<AwsAccount> account() {
        return account;
    }

    /** {@code <project>-<environment>-<suffix>-<part>}, shortened to fit {@code limit}. */
    public Output<String> name(String part, NameLimit limit) {
        return naming.applyValue(n -> n.name(part, limit));
    }

    public Output<Map<String, String>> tags() {
        return commonTags;
    }

    /** Tags with a {@code Name} tag of {@code <prefix><part>}. */
    public Output<Map<String, String>> tagsNamed(String part) {
        return tagsNamed(part, Map.of());
    }

    /** Tags with a {@code Name} tag and resource-specific extras (e.g. a subnet's {@code Tier}). */
    public Output<Map<String, String>> tagsNamed(String part, Map<String, String> extra) {
        return naming.applyValue(n -> StackTags.named(config, n, n.name(part, NameLimit.TAG_VALUE), extra));
    }
}
