package com.tapstack.stack;

import com.tapstack.config.ConfigKey.BoolKey;
import com.tapstack.config.ConfigKey.IntChoiceKey;
import com.tapstack.config.ConfigKey.IntKey;
import com.tapstack.config.ConfigKey.ListKey;
import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigKey;
import com.tapstack.config.CostAssumptions;
import com.tapstack.config.KeyTable;
import com.tapstack.config.LogRetention;
import com.tapstack.config.Suppression;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.modules.ModulesReader;
import com.tapstack.network.NetworkConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of the project namespace ({@code <project>:...}) and the provider keys the program reads: each declared
 * once, with its type, default, range and meaning. Keys of the network, the platform and the modules are declared
 * next to their readers and listed here in the order the docs show them.
 */
public final class StackKeys {

    public static final TextKey ENVIRONMENT = TextKey.required("environment", "1 to 10 lowercase letters or digits,"
            + " starting with a letter (e.g. dev, prod)", "Environment name: second part of every physical name,"
            + " <project>-<environment>-<suffix>-<part>");
    public static final TextKey ENVIRONMENT_SUFFIX = TextKey.of("environmentSuffix", "", "empty (a suffix is"
            + " generated and kept in state) or lowercase letters and digits that keep names within AWS's limits",
            "Third part of every physical name, so two deployments of one environment in one account never collide"
                    + " (e.g. pr1234 in CI); empty: a 6-character suffix is generated once and kept in the stack's"
                    + " state");
    public static final TextKey OWNER = TextKey.required("owner", TagRulesText.VALUE_RULE, "Owner tag on every"
            + " resource: the team or person accountable for it");
    public static final TextKey COST_CENTER = TextKey.required("costCenter", TagRulesText.VALUE_RULE, "CostCenter tag"
            + " on every resource, for cost allocation");
    public static final Structured TAGS = Structured.of("tags", "mapping", "{}", TagRulesText.MAP_RULE, "Extra tags"
            + " for every taggable resource (at most 43; keys may not start with aws: or be one TapStack sets:"
            + " Name, Environment, EnvironmentSuffix, Project, ManagedBy, CostCenter, Owner)");
    public static final IntChoiceKey LOG_RETENTION_DAYS = IntChoiceKey.of("logRetentionDays", LogRetention.ALLOWED_DAYS,
            30, "is not a retention period CloudWatch Logs accepts", "Retention of every log group (VPC flow logs,"
                    + " services, database, WAF); never-expire (0) is refused");
    public static final IntKey KMS_DELETION_WINDOW_DAYS = IntKey.of("kmsDeletionWindowDays", 7, 30, 30, "Days KMS"
            + " waits before deleting the stack key once its deletion is scheduled").unit("days")
            .outOfRange("is outside the waiting period KMS accepts");
    public static final BoolKey PROTECT = BoolKey.of("protect", true, "Protected environment: stateful resources"
            + " (the key, the suffix, the database, the load balancer) refuse deletion; false for disposable"
            + " environments, so pulumi destroy removes everything");

    /** The project namespace, as the docs list it. */
    public static final KeyTable PROJECT = new KeyTable("<project>", "Stack settings", "Every key the program reads"
            + " lives in the project namespace. A key the program does not know is refused with the closest known"
            + " key. Scalar keys with a default are also declared in Pulumi.yaml, generated from this table.",
            projectKeys());

    public static final TextKey REGION = TextKey.required("region", "an AWS region name such as us-east-1 or"
            + " eu-central-1", "The region to deploy to");
    public static final ListKey ALLOWED_ACCOUNT_IDS = ListKey.derived("allowedAccountIds", "any account; offline"
            + " plans simulate 123456789012", "a list of 12-digit AWS account ids", "The provider refuses any other"
            + " account; offline plans simulate the first id");
    /** The keys read from the aws provider's namespace. */
    public static final KeyTable AWS = KeyTable.of("aws", "AWS provider settings", "Read from the aws provider's"
            + " namespace, which the provider reads too.", REGION, ALLOWED_ACCOUNT_IDS);

    private StackKeys() {
    }

    private static List<ConfigKey> projectKeys() {
        var keys = new ArrayList<ConfigKey>(List.of(ENVIRONMENT, ENVIRONMENT_SUFFIX, OWNER, COST_CENTER, TAGS,
                LOG_RETENTION_DAYS, KMS_DELETION_WINDOW_DAYS, PROTECT));
        keys.addAll(NetworkConfig.KEYS);
        keys.addAll(PlatformConfig.KEYS);
        keys.addAll(ModulesReader.BLOCKS);
        keys.add(Suppression.BLOCK);
        keys.add(CostAssumptions.BLOCK);
        return keys;
    }

    /** Texts the tag keys and the loader's tag rules share. */
    static final class TagRulesText {
        static final String VALUE_RULE = "up to 256 letters, digits, spaces and _ . : / = + - @";
        static final String MAP_RULE = "a mapping of tag key to value, e.g. Team: payments";

        private TagRulesText() {
        }
    }
}
