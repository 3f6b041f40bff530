package com.tapstack.config;

import com.tapstack.config.modules.ModulesConfig;
import com.tapstack.config.modules.ModulesReader;
import com.tapstack.config.service.PlatformConfig;
import com.tapstack.config.service.SecretRef;
import com.tapstack.config.service.ServiceConfigReader;
import com.tapstack.naming.NameLimit;
import com.tapstack.naming.Naming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only place configuration is read: turns a {@link ConfigSource} into a validated {@link StackConfig}, or
 * throws one {@link ConfigException} for the first value that cannot be deployed.
 *
 * <p>Scalar keys get their defaults from {@code Pulumi.yaml} (the CLI applies them; offline sources apply the
 * same file), so no default is repeated here.
 */
public final class ConfigLoader {

    public static final String ENVIRONMENT = "environment";
    public static final String ENVIRONMENT_SUFFIX = "environmentSuffix";
    public static final String LOG_RETENTION_DAYS = "logRetentionDays";
    public static final String KMS_DELETION_WINDOW_DAYS = "kmsDeletionWindowDays";
    public static final String PROTECT = "protect";
    public static final String OWNER = "owner";
    public static final String COST_CENTER = "costCenter";
    public static final String TAGS = "tags";
    public static final String VPC_CIDR = "vpcCidr";
    public static final String AZ_COUNT = "azCount";
    public static final String AVAILABILITY_ZONES = "availabilityZones";
    public static final String NAT_STRATEGY = "natStrategy";
    public static final String SERVICES = "services";
    public static final String SPOT_WEIGHT = "spotWeight";
    public static final String ON_DEMAND_BASE = "onDemandBase";
    public static final String ECR_KEEP_IMAGES = "ecrKeepImages";
    public static final String ECR_UNTAGGED_EXPIRY_DAYS = "ecrUntaggedExpiryDays";
    public static final String CHECK_SUPPRESSIONS = "checkSuppressions";
    public static final String COST_ASSUMPTIONS = "costAssumptions";

    /** Every key the program reads in the project namespace; any other key is a typo and refused. */
    public static final Set<String> KNOWN_KEYS = union(Set.of(ENVIRONMENT, ENVIRONMENT_SUFFIX, LOG_RETENTION_DAYS,
            KMS_DELETION_WINDOW_DAYS, PROTECT, OWNER, COST_CENTER, TAGS, VPC_CIDR, AZ_COUNT, AVAILABILITY_ZONES,
            NAT_STRATEGY, SERVICES,
            SPOT_WEIGHT, ON_DEMAND_BASE, ECR_KEEP_IMAGES, ECR_UNTAGGED_EXPIRY_DAYS, CHECK_SUPPRESSIONS,
            COST_ASSUMPTIONS),
            ModulesReader.KEYS);
    private static final Pattern RULE_ID = Pattern.compile("^TAP\\d{3}$");

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("^[a-z][a-z0-9]{0,9}$");
    private static final Pattern SUFFIX = Pattern.compile("^[a-z0-9]+$");
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    private static final int MIN_KMS_WINDOW = 7;
    private static final int MAX_KMS_WINDOW = 30;

    private ConfigLoader() {
    }

    /** Namespaces of the providers the program uses and of the Pulumi CLI itself: their keys are not ours to read. */
    static final Set<String> OTHER_READERS = Set.of("aws", "random", "pulumi");

    /** A loaded stack and what its file holds that nothing reads or a reader would not expect. */
    public record Loaded(StackConfig config, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /** Loads, and lists keys of namespaces nothing reads, and the source's own warnings, one line each. */
    public static Loaded loadWithWarnings(ConfigSource source, String project) {
        var config = load(source, project);
        var warnings = new java.util.ArrayList<String>();
        if (source instanceof StackFileSource file) {
            warnings.addAll(file.warnings());
        }
        for (var key : new java.util.TreeSet<>(source.keys())) {
            var namespace = key.substring(0, Math.max(0, key.indexOf(':')));
            if (!namespace.equals(project) && !OTHER_READERS.contains(namespace)) {
                warnings.add(source.originOf(key) + ": " + com.tapstack.text.OneLine.shorten(key) + ": nothing reads the"
                        + " namespace " + com.tapstack.text.OneLine.shorten(namespace) + ": (this program reads "
                        + project + ": and its providers aws: and random:); it is ignored");
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
        var network = NetworkConfigReader.read(tap);
        var platform = platform(tap);
        var modules = ModulesReader.read(tap, region, platform.hasPublicServices());
        crossCheck(tap, platform, modules);
        checkPartitions(tap, region, platform, modules);
        SecurityGroupQuotas.check(tap, platform, modules);
        if (platform.hasPublicServices() && network.azCount() < 2) {
            throw tap.invalid(AZ_COUNT, "is too few for the load balancer a public service needs (AWS requires"
                    + " subnets in two AZs)", "2 to " + NetworkConfig.MAX_AZ_COUNT + " when a service is public");
        }
        return new StackConfig(
                source.origin(),
                project,
                environment,
                suffix(tap, project, environment),
                region,
                accountIds(aws),
                logRetentionDays(tap),
                kmsDeletionWindowDays(tap),
                tap.requireBoolean(PROTECT),
                tagValue(tap, OWNER, tap.requireString(OWNER, TagRules.VALUE_RULE)),
                tagValue(tap, COST_CENTER, tap.requireString(COST_CENTER, TagRules.VALUE_RULE)),
                TagRules.userTags(tap.object(TAGS, TagRules.MAP_RULE)),
                network,
                platform,
                modules,
                suppressions(tap),
                CostAssumptions.read(tap));
    }

    /**
     * Only parameter values may be Pulumi secrets. Pulumi marks a whole top-level key secret when any value
     * inside it is, so a secret in, say, tap:services would make every setting of every service secret under
     * {@code pulumi up}; refusing it here gives the same answer offline and under the engine.
     */
    private static void refuseSecretsOutsideParameters(ConfigNode tap) {
        for (var key : new java.util.TreeSet<>(tap.fields())) {
            if (!key.equals(ModulesReader.PARAMETERS) && SecretValue.within(tap.raw(key).orElse(null))) {
                throw tap.error(key, "holds a Pulumi secret, and no value of this key is secret", "plain values;"
                        + " a secret goes in " + tap.key(ModulesReader.PARAMETERS) + " as a SecureString, or in SSM or"
                        + " Secrets Manager referenced from a service's secrets");
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** What services ask of the modules exists: the database they use, the parameters they read. */
    private static void crossCheck(ConfigNode tap, PlatformConfig platform, ModulesConfig modules) {
        for (var service : platform.services().values()) {
            if (service.database() && modules.database().isEmpty()) {
                throw tap.error(SERVICES + "." + service.name() + ".database", "is true but the stack has no database",
                        "a tap:database block, or database: false");
            }
            service.secrets().forEach((variable, ref) -> {
                if (ref instanceof SecretRef.StackParameter parameter
                        && !modules.parameters().containsKey(parameter.name())) {
                    throw tap.error(SERVICES + "." + service.name() + ".secrets." + variable + ".parameter",
                            "\"" + parameter.name() + "\" is not in tap:parameters", "one of "
                                    + (modules.parameters().isEmpty() ? "(none defined)"
                                    : String.join(", ", new java.util.TreeSet<>(modules.parameters().keySet()))));
                }
            });
        }
    }

    /**
     * Every ARN the stack file names belongs to the region's partition: IAM and ECS refuse a policy or a secret
     * reference to {@code arn:aws:} in us-gov-west-1, and the deploy fails only when that resource is created.
     */
    private static void checkPartitions(ConfigNode tap, String region, PlatformConfig platform, ModulesConfig modules) {
        var partition = com.tapstack.aws.AwsRegions.partitionOf(region).orElseThrow().id();
        var arns = new LinkedHashMap<String, String>();
        for (var service : platform.services().values()) {
            var key = SERVICES + "." + service.name();
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
        modules.https().flatMap(ModulesConfig.HttpsConfig::certificateArn)
                .ifPresent(arn -> arns.put(ModulesReader.HTTPS + ".certificateArn", arn));
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

    private static java.util.List<Suppression> suppressions(ConfigNode tap) {
        var allowed = "a list of {rule: TAP<nnn>, resource: <logical name or URN>, reason: <why it does not apply>}";
        var result = new java.util.ArrayList<Suppression>();
        for (var node : tap.objectList(CHECK_SUPPRESSIONS, allowed)) {
            node.rejectUnknownFields(Set.of("rule", "resource", "reason"));
            var rule = node.requireString("rule", "a rule id such as TAP301 (`./tap check` lists them)");
            if (!RULE_ID.matcher(rule).matches()) {
                throw node.invalid("rule", "is not a rule id", "TAP followed by three digits, e.g. TAP301");
            }
            var resource = node.requireString("resource", "the logical name (or URN) of the resource it is about");
            var reason = node.requireString("reason", "why the rule does not apply to this resource");
            if (reason.isBlank()) {
                throw node.invalid("reason", "is empty", "why the rule does not apply to this resource");
            }
            result.add(new Suppression(rule, resource, reason));
        }
        return result;
    }

    private static PlatformConfig platform(ConfigNode tap) {
        return new PlatformConfig(
                range(tap, SPOT_WEIGHT, 0, 1000),
                range(tap, ON_DEMAND_BASE, 0, 100_000),
                keepImages(tap),
                range(tap, ECR_UNTAGGED_EXPIRY_DAYS, 1, 3650),
                ServiceConfigReader.read(tap.object(SERVICES, "a mapping of service name to its settings")));
    }

    /** Enough images that the lifecycle policy never expires one a running or rollback revision uses. */
    private static int keepImages(ConfigNode tap) {
        var min = com.tapstack.registry.EcrLifecycle.MIN_KEEP_IMAGES;
        var allowed = min + " to 10000 (the " + com.tapstack.registry.EcrLifecycle.REVISIONS_IN_USE
                + " task definition revisions a service runs or rolls back to, plus "
                + com.tapstack.registry.EcrLifecycle.MARGIN + ")";
        int value = tap.requireInt(ECR_KEEP_IMAGES, allowed);
        if (value < min || value > 10_000) {
            throw tap.invalid(ECR_KEEP_IMAGES, value < min ? "would expire images a rollback needs" : "is out of range",
                    allowed);
        }
        return value;
    }

    private static int range(ConfigNode tap, String field, int min, int max) {
        var allowed = min + " to " + max;
        int value = tap.requireInt(field, allowed);
        if (value < min || value > max) {
            throw tap.invalid(field, "is out of range", allowed);
        }
        return value;
    }

    private static String environment(ConfigNode tap) {
        var allowed = "1 to 10 lowercase letters or digits, starting with a letter (e.g. dev, prod)";
        var environment = tap.requireString(ENVIRONMENT, allowed);
        if (!ENVIRONMENT_NAME.matcher(environment).matches()) {
            throw tap.invalid(ENVIRONMENT, "cannot be used in resource names", allowed);
        }
        return environment;
    }

    private static Optional<String> suffix(ConfigNode tap, String project, String environment) {
        int max = Naming.maxSuffixLength(project, environment);
        var allowed = "empty (a suffix is generated and kept in state) or 1 to " + max
                + " lowercase letters or digits";
        var suffix = tap.optionalString(ENVIRONMENT_SUFFIX, allowed).orElse("");
        if (suffix.isEmpty()) {
            return Optional.empty();
        }
        if (!SUFFIX.matcher(suffix).matches()) {
            throw tap.invalid(ENVIRONMENT_SUFFIX, "has characters AWS names cannot all take", allowed);
        }
        if (suffix.length() > max) {
            var longest = new Naming(project, environment, suffix).prefix() + "x".repeat(Naming.MIN_PART_LENGTH);
            throw tap.invalid(ENVIRONMENT_SUFFIX, "is " + suffix.length() + " characters and would make names like "
                    + longest + " longer than the " + NameLimit.tightest().maxLength()
                    + " characters AWS allows for " + NameLimit.tightest().description()
                    + " names", allowed);
        }
        return Optional.of(suffix);
    }

    /** A region of AWS's region table ({@link com.tapstack.aws.AwsRegions}): a guessed one would plan guessed zones. */
    private static String region(ConfigNode aws) {
        var allowed = "an AWS region name such as us-east-1 or eu-central-1";
        var region = aws.requireString("region", allowed);
        if (com.tapstack.aws.AwsRegions.partitionOf(region).isEmpty()) {
            throw aws.invalid("region", "is not an AWS region (not in " + com.tapstack.aws.AwsRegions.SOURCE
                    + "; a region opened since: add it to com.tapstack.aws.AwsRegions)",
                    String.join(", ", com.tapstack.aws.AwsRegions.like(region)));
        }
        return region;
    }

    private static List<String> accountIds(ConfigNode aws) {
        var allowed = "a list of 12-digit AWS account ids";
        var ids = aws.stringList("allowedAccountIds", allowed);
        for (var id : ids) {
            if (!ACCOUNT_ID.matcher(id).matches()) {
                throw aws.error("allowedAccountIds", ConfigNode.show(id) + " is not a 12-digit account id", allowed);
            }
        }
        return ids;
    }

    private static int logRetentionDays(ConfigNode tap) {
        var allowed = LogRetention.allowedValues();
        int days = tap.requireInt(LOG_RETENTION_DAYS, allowed);
        if (!LogRetention.isAllowed(days)) {
            throw tap.invalid(LOG_RETENTION_DAYS, "is not a retention period CloudWatch Logs accepts", allowed);
        }
        return days;
    }

    private static int kmsDeletionWindowDays(ConfigNode tap) {
        var allowed = MIN_KMS_WINDOW + " to " + MAX_KMS_WINDOW + " days";
        int days = tap.requireInt(KMS_DELETION_WINDOW_DAYS, allowed);
        if (days < MIN_KMS_WINDOW || days > MAX_KMS_WINDOW) {
            throw tap.invalid(KMS_DELETION_WINDOW_DAYS, "is outside the waiting period KMS accepts", allowed);
        }
        return days;
    }

    private static String tagValue(ConfigNode tap, String field, String value) {
        TagRules.checkValue(value).ifPresent(problem -> {
            throw tap.invalid(field, problem, TagRules.VALUE_RULE);
        });
        return value;
    }

    /** Reads the flat network keys into a {@link NetworkConfig}. */
    static final class NetworkConfigReader {
        private NetworkConfigReader() {
        }

        /** A zone id: the region's short form, then -az and a number (use1-az1, apne1-az4, euc1-az2). */
        private static final Pattern ZONE_ID = Pattern.compile("^[a-z]{2,5}[0-9]{1,2}-az[0-9]{1,2}$");

        static NetworkConfig read(ConfigNode tap) {
            int azCount = azCount(tap);
            return new NetworkConfig(vpcCidr(tap, azCount), azCount, natStrategy(tap), zoneIds(tap, azCount));
        }

        /**
         * The recorded zones: ids, not names, because a zone name maps to a different physical zone in every
         * account while a zone id names the same one everywhere. Whether the region offers them is checked
         * against the account's zones when the stack runs.
         */
        private static List<String> zoneIds(ConfigNode tap, int azCount) {
            var allowed = "a list of " + azCount + " distinct availability zone ids (" + tap.key(AZ_COUNT) + ") such as use1-az1;"
                    + " `aws ec2 describe-availability-zones --query 'AvailabilityZones[].ZoneId'` lists them";
            var ids = tap.stringList(AVAILABILITY_ZONES, allowed);
            for (var id : ids) {
                if (!ZONE_ID.matcher(id).matches()) {
                    throw tap.error(AVAILABILITY_ZONES, ConfigNode.show(id) + " is not an availability zone id"
                            + (id.matches("^[a-z]{2}-[a-z]+-\\d[a-z]$") ? " (it is a zone name, which means another"
                            + " zone in every account)" : ""), allowed);
                }
            }
            if (new java.util.HashSet<>(ids).size() != ids.size()) {
                throw tap.error(AVAILABILITY_ZONES, "lists a zone twice", allowed);
            }
            for (var id : ids) {
                if (NetworkConfig.FARGATE_UNSUPPORTED_ZONE_IDS.contains(id)) {
                    throw tap.error(AVAILABILITY_ZONES, ConfigNode.show(id) + " is a zone where Fargate does not run"
                            + " tasks", allowed + ", other than " + String.join(", ",
                            new java.util.TreeSet<>(NetworkConfig.FARGATE_UNSUPPORTED_ZONE_IDS)));
                }
            }
            if (!ids.isEmpty() && ids.size() != azCount) {
                throw tap.error(AVAILABILITY_ZONES, "lists " + ids.size() + " zones but " + tap.key(AZ_COUNT) + " is " + azCount,
                        allowed);
            }
            return ids;
        }

        private static int azCount(ConfigNode tap) {
            var allowed = NetworkConfig.MIN_AZ_COUNT + " to " + NetworkConfig.MAX_AZ_COUNT;
            int count = tap.requireInt(AZ_COUNT, allowed);
            if (count < NetworkConfig.MIN_AZ_COUNT || count > NetworkConfig.MAX_AZ_COUNT) {
                throw tap.invalid(AZ_COUNT, "is not a number of availability zones a VPC can span here", allowed);
            }
            return count;
        }

        private static Ipv4Cidr vpcCidr(ConfigNode tap, int azCount) {
            int longest = NetworkConfig.longestVpcPrefix(azCount);
            var allowed = "an IPv4 network address with a prefix from /" + NetworkConfig.LARGEST_VPC_PREFIX + " to /"
                    + longest + " (for " + azCount + " AZs), e.g. 10.0.0.0/16";
            var text = tap.requireString(VPC_CIDR, allowed);
            var parsed = Ipv4Cidr.parse(text)
                    .orElseThrow(() -> tap.invalid(VPC_CIDR, "is not an IPv4 CIDR block", allowed));
            if (parsed.hasHostBits()) {
                throw tap.invalid(VPC_CIDR, "has host bits set (did you mean " + parsed.network() + "?)", allowed);
            }
            if (parsed.prefix() < NetworkConfig.LARGEST_VPC_PREFIX) {
                throw tap.invalid(VPC_CIDR, "is larger than the /16 AWS allows for a VPC", allowed);
            }
            if (parsed.prefix() > longest) {
                int subnetPrefix = parsed.prefix() + NetworkConfig.subnetBits(azCount);
                throw tap.invalid(VPC_CIDR, "is too small for " + azCount + " public and " + azCount
                        + " private subnets (each would be /" + subnetPrefix + ", AWS's smallest subnet is /"
                        + NetworkConfig.SMALLEST_SUBNET_PREFIX + ")", allowed);
            }
            return parsed.network();
        }

        private static NatStrategy natStrategy(ConfigNode tap) {
            var allowed = NatStrategy.allowedValues();
            var value = tap.requireString(NAT_STRATEGY, allowed);
            return NatStrategy.fromConfig(value)
                    .orElseThrow(() -> tap.invalid(NAT_STRATEGY, "is not a NAT strategy", allowed));
        }
    }

    /** AWS's rules for tag keys and values, and the keys TapStack sets itself. */
    static final class TagRules {
        static final String VALUE_RULE = "up to 256 letters, digits, spaces and _ . : / = + - @";
        static final String MAP_RULE = "a mapping of tag key to value, e.g. Team: payments";
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
                    throw tags.error(key, "is set by TapStack itself (Owner and CostCenter come from tap:owner and"
                            + " tap:costCenter)", keyRule);
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
