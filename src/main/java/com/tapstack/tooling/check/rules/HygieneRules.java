package com.tapstack.tooling.check.rules;

import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Names and tags (TAP7xx). */
public final class HygieneRules {

    /** Tags every taggable resource carries, for cost allocation and ownership. */
    public static final List<String> REQUIRED_TAGS = List.of("Environment", "EnvironmentSuffix", "Project",
            "ManagedBy", "CostCenter", "Owner");

    /** Type, the input holding its physical name, and AWS's limit (aws-facts A5). */
    record NameField(String input, int maxLength) {
    }

    static final Map<String, NameField> NAME_LIMITS = Map.ofEntries(
            Map.entry("aws:lb/loadBalancer:LoadBalancer", new NameField("name", 32)),
            Map.entry("aws:lb/targetGroup:TargetGroup", new NameField("name", 32)),
            Map.entry("aws:iam/role:Role", new NameField("name", 64)),
            Map.entry("aws:iam/policy:Policy", new NameField("name", 128)),
            Map.entry("aws:ecs/cluster:Cluster", new NameField("name", 255)),
            Map.entry("aws:ecs/service:Service", new NameField("name", 255)),
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", new NameField("family", 255)),
            Map.entry("aws:ecr/repository:Repository", new NameField("name", 256)),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", new NameField("name", 512)),
            Map.entry("aws:kms/alias:Alias", new NameField("name", 256)),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", new NameField("name", 255)),
            Map.entry("aws:rds/cluster:Cluster", new NameField("clusterIdentifier", 63)),
            Map.entry("aws:rds/instance:Instance", new NameField("identifier", 63)),
            Map.entry("aws:rds/clusterInstance:ClusterInstance", new NameField("identifier", 63)),
            Map.entry("aws:s3/bucket:Bucket", new NameField("bucket", 63)),
            Map.entry("aws:s3/bucketV2:BucketV2", new NameField("bucket", 63)),
            Map.entry("aws:sns/topic:Topic", new NameField("name", 256)),
            Map.entry("aws:secretsmanager/secret:Secret", new NameField("name", 512)),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", new NameField("name", 255)),
            Map.entry("aws:cloudwatch/dashboard:Dashboard", new NameField("dashboardName", 255)),
            Map.entry("aws:wafv2/webAcl:WebAcl", new NameField("name", 128)),
            Map.entry("aws:cloudwatch/eventRule:EventRule", new NameField("name", 64)),
            Map.entry("aws:appautoscaling/policy:Policy", new NameField("name", 256)));

    private static final Map<String, Boolean> TAGGABLE = new ConcurrentHashMap<>();

    private HygieneRules() {
    }

    public static List<Rule> rules() {
        return List.of(NAME_LENGTH, REQUIRED_TAG, NAME_HAS_SUFFIX);
    }

    static final Rule NAME_LENGTH = Rule.of("TAP701", Severity.CRITICAL, "Physical names fit AWS's limits",
            "AWS refuses a name past its limit at deploy time, often after half the stack exists.",
            (context, findings) -> NAME_LIMITS.forEach((type, field) -> context.all(type).forEach(resource -> {
                var name = resource.inputString(field.input());
                if (name != null && name.length() > field.maxLength()) {
                    findings.report(resource, field.input() + " " + name + " is " + name.length()
                            + " characters; AWS allows " + field.maxLength() + " (shorten " + context.key("environmentSuffix") + " or"
                            + " the service name)");
                }
            })));

    static final Rule REQUIRED_TAG = Rule.of("TAP702", Severity.MEDIUM, "Taggable resources carry the required tags",
            "Untagged resources cannot be attributed to an environment, owner or cost center.",
            (context, findings) -> context.plan().customResources().forEach(resource -> {
                if (!taggable(resource)) {
                    return;
                }
                var tags = resource.input("tags") instanceof Map<?, ?> map ? map : Map.of();
                var missing = REQUIRED_TAGS.stream().filter(tag -> tags.get(tag) == null).toList();
                if (!missing.isEmpty()) {
                    findings.report(resource, "is missing tags " + String.join(", ", missing) + "; tag it with the"
                            + " stack's common tags");
                }
            }));

    static final Rule NAME_HAS_SUFFIX = Rule.of("TAP703", Severity.MEDIUM,
            "Physical names carry the environment suffix",
            "Without the suffix a second deployment of the same environment in the account collides on names.",
            (context, findings) -> NAME_LIMITS.forEach((type, field) -> context.all(type).forEach(resource -> {
                var name = resource.inputString(field.input());
                var suffix = resource.inputAt("tags.EnvironmentSuffix");
                if (name != null && suffix != null && !name.contains("-" + suffix + "-")) {
                    findings.report(resource, field.input() + " " + name + " does not contain the environment suffix"
                            + " " + suffix + "; name it <project>-<environment>-<suffix>-<part>");
                }
            })));

    /** A resource is taggable when its pulumi-aws Args class has a {@code tags} input. */
    public static boolean taggable(PlannedResource resource) {
        if (!resource.packageName().equals("aws")) {
            return false;
        }
        return TAGGABLE.computeIfAbsent(resource.type(), type -> {
            var token = type.split(":");
            try {
                Class.forName("com.pulumi.aws." + token[1].split("/")[0] + "." + token[2] + "Args").getMethod("tags");
                return true;
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        });
    }
}
