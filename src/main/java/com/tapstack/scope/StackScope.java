package com.tapstack.scope;

import com.pulumi.core.Output;
import com.tapstack.aws.AwsAccount;
import com.tapstack.naming.NameLimit;
import com.tapstack.naming.Naming;
import com.tapstack.naming.StackTags;
import java.util.Map;

/**
 * What every component of one deployment shares, and nothing else: where it deploys, how its resources are named
 * and tagged, whether it is protected, and which file its configuration came from (for errors raised while it
 * deploys). Components receive their own settings as arguments; none of them sees the whole configuration.
 *
 * @param project    the Pulumi project: first part of every physical name
 * @param environment second part of every physical name
 * @param region     the AWS region
 * @param protect    stateful resources refuse deletion
 * @param configFile the stack file the configuration was read from
 * @param naming     the deployment's names, known once the suffix is (it may be generated)
 * @param account    the AWS account, looked up
 * @param tags       the tags every resource gets
 */
public record StackScope(String project, String environment, String region, boolean protect, String configFile,
                         Output<Naming> naming, Output<AwsAccount> account, StackTags tags) {

    /** A scope whose names end in {@code suffix}. */
    public static StackScope of(String project, String environment, String region, boolean protect,
                                String configFile, Output<String> suffix, Output<AwsAccount> account, StackTags tags) {
        return new StackScope(project, environment, region, protect, configFile,
                suffix.applyValue(s -> new Naming(project, environment, s)), account, tags);
    }

    /** {@code <project>-<environment>-<suffix>-<part>}, shortened to fit {@code limit}. */
    public Output<String> name(String part, NameLimit limit) {
        return naming.applyValue(n -> n.name(part, limit));
    }

    /** The tags of every resource. */
    public Output<Map<String, String>> commonTags() {
        return naming.applyValue(tags::common);
    }

    /** Tags with a {@code Name} tag of {@code <prefix><part>}. */
    public Output<Map<String, String>> tagsNamed(String part) {
        return tagsNamed(part, Map.of());
    }

    /** Tags with a {@code Name} tag and resource-specific extras (e.g. a subnet's {@code Tier}). */
    public Output<Map<String, String>> tagsNamed(String part, Map<String, String> extra) {
        return naming.applyValue(n -> tags.named(n, n.name(part, NameLimit.TAG_VALUE), extra));
    }

    /** The key of a setting under the project's namespace, as errors name it: {@code shop:services.web}. */
    public String key(String path) {
        return project + ":" + path;
    }
}
