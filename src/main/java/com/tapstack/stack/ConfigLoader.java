package com.tapstack.stack;

import com.tapstack.aws.AwsRegions;
import com.tapstack.config.ConfigException;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.ConfigSource;
import com.tapstack.config.CostAssumptions;
import com.tapstack.config.SecretValue;
import com.tapstack.config.StackFileSource;
import com.tapstack.config.Suppression;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.config.service.SecretRef;
import com.tapstack.modules.ModulesConfig;
import com.tapstack.modules.ModulesReader;
import com.tapstack.modules.database.DatabaseConfig;
import com.tapstack.modules.https.HttpsConfig;
import com.tapstack.modules.parameters.ParameterConfig;
import com.tapstack.modules.storage.StorageConfig;
import com.tapstack.naming.NameLimit;
import com.tapstack.naming.Naming;
import com.tapstack.network.ExistingVpcConfig;
import com.tapstack.network.NetworkConfig;
import com.tapstack.text.OneLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The only place configuration is read: turns a {@link ConfigSource} into a validated {@link StackConfig}, or
 * throws one {@link ConfigException} for the first value that cannot be deployed. Every key is read through its
 * declaration ({@link StackKeys} and the tables it lists), which holds its one default.
 */
public final class ConfigLoader {

    /** Every key the program reads in the project namespace; any other key is a typo and refused. */
    public static final Set<String> KNOWN_KEYS = StackKeys.PROJECT.names();

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("^[a-z][a-z0-9]{0,9}$");
    private static final Pattern SUFFIX = Pattern.compile("^[a-z0-9]+$");
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");

    /** Namespaces of the providers the program uses and of the Pulumi CLI itself: their keys are not ours to read. */
    static final Set<String> OTHER_READERS = Set.of("aws", "random", "pulumi");

    private ConfigLoader() {
    }

    /** A loaded stack and what its file holds that nothing reads or a reader would not expect. */
    public record Loaded(StackConfig config, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /** Loads, and lists keys of namespaces nothing reads, and the source's own warnings, one line each. */
    public static Loaded loadWithWarnings(ConfigSource source, String project) {
        var config = load(source, project);
        var warnings = new ArrayList<String>();
        if (source instanceof StackFileSource file) {
            warnings.addAll(file.warnings());
        }
        for (var key : new TreeSet<>(source.keys())) {
            var namespace = key.substring(0, Math.max(0, key.indexOf(':')));
            if (!namespace.equals(project) && !OTHER_READERS.contains(namespace)) {
                warnings.add(source.originOf(key) + ": " + OneLine.shorten(key) + ": nothing reads the namespace "
                        + OneLine.shorten(namespace) + ": (this program reads " + project + ": and its providers aws:"
                        + " and random:); it is ignored");
            }
        }
        return new Loaded(config, warnings);
    }

    public static StackConfig load(ConfigSource source, String project) {
        var tap = ConfigNode.namespace(source, project);
        tap.rejectUnknownFields(KNOWN_KEYS);
        refuseSecretsOutsideParameters(tap);
        var aws = ConfigNode.namespace(source, "aws");

        var environment = environment(tap);
        var region = region(aws);
        var network = NetworkConfig.read(tap);
        var platform = PlatformConfig.read(tap);
        var modules = ModulesReader.read(tap, region, platform.hasPublicServices());
        crossCheck(tap, platform, modules);
        com.tapstack.modules.pullthrough.PullThroughCacheConfig.requireCredentials(tap, platform,
                modules.pullThroughCache());
        checkPartitions(tap, region, platform, modules);
        SecurityGroupQuotas.check(tap, platform, modules);
        ExistingVpcConfig.checkPublicSubnets(tap, network.existingVpc(), platform.hasPublicServices());
        if (platform.hasPublicServices() && network.azCount() < 2) {
            throw tap.invalid(NetworkConfig.AZ_COUNT.name(), "is too few for the load balancer a public service needs"
                    + " (AWS requires subnets in two AZs)", "2 to " + NetworkConfig.MAX_AZ_COUNT + " when a service"
                    + " is public");
        }
        return new StackConfig(
                source.origin(),
                project,
                environment,
                suffix(tap, project, environment),
                region,
                accountIds(aws),
                StackKeys.LOG_RETENTION_DAYS.read(tap),
                StackKeys.KMS_DELETION_WINDOW_DAYS.read(tap),
                StackKeys.PROTECT.read(tap),
                tagValue(tap, StackKeys.OWNER.name(), StackKeys.OWNER.read(tap)),
                tagValue(tap, StackKeys.COST_CENTER.name(), StackKeys.COST_CENTER.read(tap)),
                TagRules.userTags(tap.object(StackKeys.TAGS.name(), StackKeys.TAGS.allowed())),
                network,
                platform,
                modules,
                Suppression.read(tap),
                CostAssumptions.read(tap));
    }

    /**
     * Only parameter values may be Pulumi secrets. Pulumi marks a whole top-level key secret when any value
     * inside it is, so a secret in, say, the services would make every setting of every service secret under
     * {@code pulumi up}; refusing it here gives the same answer offline and under the engine.
     */
    private static void refuseSecretsOutsideParameters(ConfigNode tap) {
        var parameters = ParameterConfig.BLOCK.name();
        for (var key : new TreeSet<>(tap.fields())) {
            if (!key.equals(parameters) && SecretValue.within(tap.raw(key).orElse(null))) {
                throw tap.error(key, "holds a Pulumi secret, and no value of this key is secret", "plain values;"
                        + " a secret goes in " + tap.key(parameters) + " as a SecureString, or in SSM or Secrets"
                        + " Manager referenced from a service's secrets");
            }
        }
    }

    /** What services ask of the modules exists: the database they use, the parameters they read. */
    private static void crossCheck(ConfigNode tap, PlatformConfig platform, ModulesConfig modules) {
        var services = PlatformConfig.SERVICES.name();
        for (var service : platform.services().values()) {
            if (service.database() && modules.database().isEmpty()) {
                throw tap.error(services + "." + service.name() + ".database", "is true but the stack has no database",
                        "a " + tap.key(DatabaseConfig.BLOCK.name()) + " block, or database: false");
            }
            service.secrets().forEach((variable, ref) -> {
                if (ref instanceof SecretRef.StackParameter parameter
                        && !modules.parameters().containsKey(parameter.name())) {
                    throw tap.error(services + "." + service.name() + ".secrets." + variable + ".parameter",
                            "\"" + parameter.name() + "\" is not in " + tap.key(ParameterConfig.BLOCK.name()), "one of "
                                    + (modules.parameters().isEmpty() ? "(none defined)"
                                    : String.join(", ", new TreeSet<>(modules.parameters().keySet()))));
                }
            });
        }
        StorageConfig.checkMounts(tap, services, platform.services(), modules.storage());
    }

    /**
     * Every ARN the stack file names belongs to the region's partition: IAM and ECS refuse a policy or a secret
     * reference to {@code arn:aws:} in us-gov-west-1, and the deploy fails only when that resource is created.
     */
    private static void checkPartitions(ConfigNode tap, String region, PlatformConfig platform, ModulesConfig modules) {
        var partition = AwsRegions.partitionOf(region).orElseThrow().id();
        var arns = new LinkedHashMap<String, String>();
        for (var service : platform.services().values()) {
            var key = PlatformConfig.SERVICES.name() + "." + service.name();
            service.secrets().forEach((variable, ref) -> {
                if (ref instanceof SecretRef.SsmParameter ssm) {
                    ssm.arn().ifPresent(arn -> arns.put(key + ".secrets." + variable, arn));
                } else if (ref instanceof SecretRef.SecretsManager secret) {
                    arns.put(key + ".secrets." + variable, secret.secretArn());
                }
                ref.kmsKeyArn().ifPresent(arn -> arns.put(key + ".secrets." + variable + ".kmsKeyArn", arn));
            });
            for (int i = 0; i < service.permissions().size(); i++) {
                int index = i;
                service.permissions().get(i).resources().stream().filter(r -> !arnPartitionIs(r, partition))
                        .findFirst().ifPresent(r -> arns.put(key + ".permissions[" + index + "].resources", r));
            }
        }
        modules.https().flatMap(HttpsConfig::certificateArn)
                .ifPresent(arn -> arns.put(HttpsConfig.BLOCK.name() + ".certificateArn", arn));
        arns.forEach((key, arn) -> {
            if (!arnPartitionIs(arn, partition)) {
                throw tap.error(key, ConfigNode.show(arn) + " is an ARN of partition " + arn.split(":", -1)[1]
                        + ", but " + region + " is in " + partition, "ARNs starting arn:" + partition + ":");
            }
        });
    }

    private static boolean arnPartitionIs(String arn, String partition) {
        var parts = arn.split(":", -1);
        return !arn.startsWith("arn:") || parts.length < 2 || parts[1].equals(partition);
    }

    private static String environment(ConfigNode tap) {
        var key = StackKeys.ENVIRONMENT;
        var environment = key.read(tap);
        if (!ENVIRONMENT_NAME.matcher(environment).matches()) {
            throw tap.invalid(key.name(), "cannot be used in resource names", key.allowed());
        }
        return environment;
    }

    private static Optional<String> suffix(ConfigNode tap, String project, String environment) {
        var key = StackKeys.ENVIRONMENT_SUFFIX;
        int max = Naming.maxSuffixLength(project, environment);
        var allowed = "empty (a suffix is generated and kept in state) or 1 to " + max
                + " lowercase letters or digits";
        var suffix = tap.optionalString(key.name(), allowed).orElse(key.defaultValue().orElseThrow());
        if (suffix.isEmpty()) {
            return Optional.empty();
        }
        if (!SUFFIX.matcher(suffix).matches()) {
            throw tap.invalid(key.name(), "has characters AWS names cannot all take", allowed);
        }
        if (suffix.length() > max) {
            var longest = new Naming(project, environment, suffix).prefix() + "x".repeat(Naming.MIN_PART_LENGTH);
            throw tap.invalid(key.name(), "is " + suffix.length() + " characters and would make names like "
                    + longest + " longer than the " + NameLimit.tightest().maxLength()
                    + " characters AWS allows for " + NameLimit.tightest().description()
                    + " names", allowed);
        }
        return Optional.of(suffix);
    }

    /** A region of AWS's region table ({@link AwsRegions}): a guessed one would plan guessed zones. */
    private static String region(ConfigNode aws) {
        var key = StackKeys.REGION;
        var region = key.read(aws);
        if (AwsRegions.partitionOf(region).isEmpty()) {
            throw aws.invalid(key.name(), "is not an AWS region (not in " + AwsRegions.SOURCE
                    + "; a region opened since: add it to com.tapstack.aws.AwsRegions)",
                    String.join(", ", AwsRegions.like(region)));
        }
        return region;
    }

    private static List<String> accountIds(ConfigNode aws) {
        var key = StackKeys.ALLOWED_ACCOUNT_IDS;
        var ids = key.read(aws);
        for (var id : ids) {
            if (!ACCOUNT_ID.matcher(id).matches()) {
                throw aws.error(key.name(), ConfigNode.show(id) + " is not a 12-digit account id", key.allowed());
            }
        }
        return ids;
    }

    private static String tagValue(ConfigNode tap, String field, String value) {
        TagRules.checkValue(value).ifPresent(problem -> {
            throw tap.invalid(field, problem, StackKeys.TagRulesText.VALUE_RULE);
        });
        return value;
    }

    /** AWS's rules for tag keys and values, and the keys TapStack sets itself. */
    static final class TagRules {
        static final String VALUE_RULE = StackKeys.TagRulesText.VALUE_RULE;
        /** Keys every resource gets from TapStack; config cannot override them. */
        static final Set<String> MANAGED_KEYS = Set.of("Name", "Environment", "EnvironmentSuffix", "Project",
                "ManagedBy", "CostCenter", "Owner");
        /** AWS allows 50 tags per resource; TapStack's own take the rest. */
        static final int MAX_USER_TAGS = 50 - MANAGED_KEYS.size();
        private static final Pattern TAG_TEXT = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

        private TagRules() {
        }

        static Optional<String> checkValue(String value) {
            if (value.length() > 256) {
                return Optional.of("is longer than the 256 characters a tag value may have");
            }
            if (!TAG_TEXT.matcher(value).matches()) {
                return Optional.of("has characters a tag value cannot have");
            }
            return Optional.empty();
        }

        static Map<String, String> userTags(ConfigNode tags) {
            var keyRule = "keys of 1 to 128 letters, digits, spaces and _ . : / = + - @, not starting with aws:,"
                    + " other than " + String.join(", ", MANAGED_KEYS.stream().sorted().toList());
            if (tags.fields().size() > MAX_USER_TAGS) {
                throw new ConfigException(tags.origin(), tags.path(), "has " + tags.fields().size()
                        + " tags, more than AWS allows next to TapStack's own", "at most " + MAX_USER_TAGS + " tags");
            }
            var result = new LinkedHashMap<String, String>();
            for (var key : tags.fields()) {
                if (MANAGED_KEYS.contains(key)) {
                    throw tags.error(key, "is set by TapStack itself (Owner and CostCenter come from "
                            + tags.namespaceKey(StackKeys.OWNER.name()) + " and "
                            + tags.namespaceKey(StackKeys.COST_CENTER.name()) + ")", keyRule);
                }
                if (key.isEmpty() || key.length() > 128 || key.toLowerCase().startsWith("aws:")
                        || !TAG_TEXT.matcher(key).matches()) {
                    throw tags.error(key, "is not a tag key AWS accepts", keyRule);
                }
                var value = tags.requireString(key, VALUE_RULE);
                checkValue(value).ifPresent(problem -> {
                    throw tags.invalid(key, problem, VALUE_RULE);
                });
                result.put(key, value);
            }
            return result;
        }
    }
}
