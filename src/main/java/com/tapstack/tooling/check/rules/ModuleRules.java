package com.tapstack.tooling.check.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tapstack.config.Placeholders;
import com.tapstack.tooling.check.CheckContext;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import com.tapstack.tooling.offline.PlanValues;
import com.tapstack.tooling.offline.PlannedResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The optional modules' traps: access-log buckets, alarm topics, parameters, the web ACL (TAP91x). */
public final class ModuleRules {

    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String LEGACY_BUCKET = "aws:s3/bucket:Bucket";
    static final String BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    static final String PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    static final String ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:"
            + "BucketServerSideEncryptionConfigurationV2";
    static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    static final String TOPIC = "aws:sns/topic:Topic";
    static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    static final String KEY = "aws:kms/key:Key";
    static final String PARAMETER = "aws:ssm/parameter:Parameter";
    static final String WEB_ACL = "aws:wafv2/webAcl:WebAcl";
    static final String WAF_LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
    /** Principals ELB writes access logs as: the service principal, or a regional ELB account (aws-facts A11). */
    static final String LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

    private ModuleRules() {
    }

    public static List<Rule> rules() {
        return List.of(ACCESS_LOGS_DELIVERABLE, PUBLIC_ACCESS_BLOCKED, TLS_ONLY_BUCKETS, ACCESS_LOGS_EXPIRE,
                ALARMS_CAN_PUBLISH, TOPICS_ENCRYPTED, REAL_PARAMETER_VALUES, WAF_LOG_DESTINATION, WAF_PRIORITIES);
    }

    static final Rule ACCESS_LOGS_DELIVERABLE = Rule.of("TAP911", Severity.CRITICAL,
            "Load balancer access logs can be delivered",
            "ELB checks it can write when logging is turned on, and only to an SSE-S3 bucket whose policy admits it.",
            (context, findings) -> accessLogBuckets(context).forEach(bucketName -> {
                var bucket = bucket(context, bucketName);
                if (bucket.isEmpty()) {
                    return;
                }
                for (var encryption : configurationsOf(context, ENCRYPTION, bucketName)) {
                    var algorithm = PlanValues.at(encryption.inputs(), "rules.0.applyServerSideEncryptionByDefault"
                            + ".sseAlgorithm");
                    if (algorithm != null && !"AES256".equals(String.valueOf(algorithm))) {
                        findings.report(encryption, "encrypts the access-log bucket with " + algorithm + "; ELB log"
                                + " delivery supports only SSE-S3 (AES256)");
                    }
                }
                var policies = configurationsOf(context, BUCKET_POLICY, bucketName);
                var admitsDelivery = policies.stream().anyMatch(policy -> statements(policy.inputString("policy"))
                        .stream().anyMatch(ModuleRules::allowsLogDelivery));
                if (!admitsDelivery) {
                    findings.report(bucket.get(), "receives load balancer access logs but its policy does not let"
                            + " ELB log delivery s3:PutObject; turning logging on would fail");
                }
            }));

    static final Rule PUBLIC_ACCESS_BLOCKED = Rule.of("TAP912", Severity.HIGH, "Buckets block public access",
            "Without it, one policy or ACL mistake makes the bucket's objects public (S3.2, S3.3, S3.8).",
            (context, findings) -> buckets(context).forEach(bucket -> {
                var blocks = configurationsOf(context, PUBLIC_ACCESS_BLOCK, bucketName(bucket));
                var complete = blocks.stream().anyMatch(block -> List.of("blockPublicAcls", "blockPublicPolicy",
                        "ignorePublicAcls", "restrictPublicBuckets").stream()
                        .allMatch(setting -> Boolean.TRUE.equals(block.input(setting))));
                if (!complete) {
                    findings.report(bucket, "has no public access block with all four settings on");
                }
            }));

    static final Rule TLS_ONLY_BUCKETS = Rule.of("TAP913", Severity.MEDIUM, "Buckets refuse plain HTTP",
            "A bucket policy must deny requests without TLS (S3.5).",
            (context, findings) -> buckets(context).forEach(bucket -> {
                var denies = configurationsOf(context, BUCKET_POLICY, bucketName(bucket)).stream()
                        .flatMap(policy -> statements(policy.inputString("policy")).stream())
                        .anyMatch(statement -> "Deny".equals(text(statement.get("Effect")))
                                && statement.has("Condition")
                                && statement.get("Condition").toString().contains("aws:SecureTransport"));
                if (!denies) {
                    findings.report(bucket, "has no policy statement denying requests without TLS"
                            + " (aws:SecureTransport false)");
                }
            }));

    static final Rule ACCESS_LOGS_EXPIRE = Rule.of("TAP914", Severity.MEDIUM, "Access logs expire",
            "Access logs without a lifecycle rule are kept, and paid for, forever (seed 002).",
            (context, findings) -> accessLogBuckets(context).forEach(bucketName -> bucket(context, bucketName)
                    .ifPresent(bucket -> {
                        var expires = configurationsOf(context, LIFECYCLE, bucketName).stream().anyMatch(lifecycle ->
                                lifecycle.input("rules") instanceof List<?> rules && rules.stream().anyMatch(rule ->
                                        rule instanceof Map<?, ?> map && "Enabled".equals(map.get("status"))
                                                && map.get("expiration") != null));
                        if (!expires) {
                            findings.report(bucket, "keeps access logs forever; add a lifecycle rule with an"
                                    + " expiration (" + context.key("albLogs.expirationDays") + ")");
                        }
                    })));

    static final Rule ALARMS_CAN_PUBLISH = Rule.of("TAP915", Severity.HIGH, "Alarms can publish to their topic",
            "CloudWatch cannot use the AWS managed SNS key, or a key whose policy leaves it out: alarms fire silently.",
            (context, findings) -> {
                var topics = new HashSet<PlannedResource>();
                context.all(ALARM).forEach(alarm -> {
                    for (var field : List.of("alarmActions", "okActions", "insufficientDataActions")) {
                        if (alarm.input(field) instanceof List<?> actions) {
                            actions.forEach(action -> context.resolve(action)
                                    .filter(r -> r.type().equals(TOPIC)).ifPresent(topics::add));
                        }
                    }
                });
                topics.forEach(topic -> {
                    var keyId = topic.inputString("kmsMasterKeyId");
                    if (keyId == null) {
                        return;
                    }
                    if (keyId.endsWith("alias/aws/sns")) {
                        findings.report(topic, "is encrypted with the AWS managed key alias/aws/sns, which CloudWatch"
                                + " may not use; encrypt it with a customer managed key that admits CloudWatch");
                        return;
                    }
                    context.resolve(keyId).filter(r -> r.type().equals(KEY)).ifPresent(key -> {
                        var admits = statements(key.inputString("policy")).stream().anyMatch(statement ->
                                "Allow".equals(text(statement.get("Effect")))
                                        && principalIncludes(statement, "Service", "cloudwatch.amazonaws.com")
                                        && actionsInclude(statement, "kms:GenerateDataKey"));
                        if (!admits) {
                            findings.report(topic, "is encrypted with a key whose policy does not let CloudWatch"
                                    + " (cloudwatch.amazonaws.com) kms:GenerateDataKey* and kms:Decrypt");
                        }
                    });
                });
            });

    static final Rule TOPICS_ENCRYPTED = Rule.of("TAP916", Severity.MEDIUM, "SNS topics are encrypted",
            "Alarm messages name resources and accounts; SNS.1 asks for encryption at rest.",
            (context, findings) -> context.all(TOPIC).forEach(topic -> {
                if (topic.input("kmsMasterKeyId") == null) {
                    findings.report(topic, "is not encrypted; set kmsMasterKeyId to the stack key");
                }
            }));

    static final Rule REAL_PARAMETER_VALUES = Rule.of("TAP917", Severity.HIGH, "Parameters hold real values",
            "A parameter created with a placeholder breaks the service that reads it at runtime (seed 000).",
            (context, findings) -> context.all(PARAMETER).forEach(parameter -> {
                var value = parameter.input("value");
                if (value instanceof String text && Placeholders.isPlaceholder(text)) {
                    findings.report(parameter, "holds " + (text.isBlank() ? "nothing" : "the placeholder \""
                            + text + "\"") + "; set the real value (" + context.key("parameters") + ")");
                }
            }));

    static final Rule WAF_LOG_DESTINATION = Rule.of("TAP918", Severity.CRITICAL,
            "WAF logs go to a log group named aws-waf-logs-*",
            "WAF refuses any other log group name as a logging destination.",
            (context, findings) -> context.all(WAF_LOGGING).forEach(logging -> {
                if (logging.input("logDestinationConfigs") instanceof List<?> destinations) {
                    for (var destination : destinations) {
                        var arn = String.valueOf(destination);
                        var marker = ":log-group:";
                        if (arn.contains(marker)) {
                            var name = arn.substring(arn.indexOf(marker) + marker.length()).replaceAll(":\\*$", "");
                            if (!name.startsWith("aws-waf-logs-")) {
                                findings.report(logging, "logs to log group " + name + "; WAF requires names that"
                                        + " start with aws-waf-logs-");
                            }
                        }
                    }
                }
            }));

    static final Rule WAF_PRIORITIES = Rule.of("TAP919", Severity.CRITICAL, "Web ACL rules have distinct priorities",
            "WAF refuses a web ACL with two rules of the same priority.",
            (context, findings) -> context.all(WEB_ACL).forEach(acl -> {
                var seen = new HashSet<String>();
                if (acl.input("rules") instanceof List<?> rules) {
                    for (var rule : rules) {
                        if (rule instanceof Map<?, ?> map && map.get("priority") != null
                                && !seen.add(String.valueOf(map.get("priority")))) {
                            findings.report(acl, "has more than one rule with priority " + map.get("priority")
                                    + "; give each rule its own");
                        }
                    }
                }
            }));

    /** Names of the buckets load balancers write access logs to. */
    private static List<String> accessLogBuckets(CheckContext context) {
        var names = new ArrayList<String>();
        context.all(LOAD_BALANCER).forEach(lb -> {
            var enabled = lb.inputAt("accessLogs.enabled");
            var bucket = lb.inputAt("accessLogs.bucket");
            if (bucket != null && !Boolean.FALSE.equals(enabled)) {
                names.add(String.valueOf(bucket));
            }
        });
        return names;
    }

    private static List<PlannedResource> buckets(CheckContext context) {
        var all = new ArrayList<>(context.all(BUCKET));
        all.addAll(context.all(LEGACY_BUCKET));
        return all;
    }

    private static Optional<PlannedResource> bucket(CheckContext context, String name) {
        return buckets(context).stream().filter(b -> name.equals(bucketName(b))).findFirst();
    }

    private static String bucketName(PlannedResource bucket) {
        return bucket.inputString("bucket") != null ? bucket.inputString("bucket") : bucket.id().orElse(bucket.name());
    }

    /** The configuration resources of one type (policy, encryption, ...) that apply to the bucket. */
    private static List<PlannedResource> configurationsOf(CheckContext context, String type, String bucketName) {
        return context.all(type).stream().filter(r -> bucketName.equals(r.inputString("bucket"))).toList();
    }

    private static boolean allowsLogDelivery(JsonObject statement) {
        if (!"Allow".equals(text(statement.get("Effect"))) || !actionsInclude(statement, "s3:PutObject")) {
            return false;
        }
        return principalIncludes(statement, "Service", LOG_DELIVERY_SERVICE)
                || principalValues(statement, "AWS").stream().anyMatch(p -> p.matches("^arn:aws[a-z-]*:iam::\\d{12}:root$"
                        + "|^\\d{12}$"));
    }

    private static boolean actionsInclude(JsonObject statement, String action) {
        return values(statement.get("Action")).stream().anyMatch(a -> a.equals("*") || a.equalsIgnoreCase(action)
                || a.endsWith("*") && action.toLowerCase().startsWith(a.substring(0, a.length() - 1).toLowerCase()));
    }

    private static boolean principalIncludes(JsonObject statement, String kind, String value) {
        return principalValues(statement, kind).contains(value);
    }

    private static List<String> principalValues(JsonObject statement, String kind) {
        var principal = statement.get("Principal");
        if (principal == null || !principal.isJsonObject()) {
            return List.of();
        }
        return values(principal.getAsJsonObject().get(kind));
    }

    private static List<JsonObject> statements(String policyJson) {
        var result = new ArrayList<JsonObject>();
        if (policyJson == null) {
            return result;
        }
        try {
            var raw = JsonParser.parseString(policyJson).getAsJsonObject().get("Statement");
            var list = raw == null ? new JsonArray() : raw.isJsonArray() ? raw.getAsJsonArray() : single(raw);
            list.forEach(element -> {
                if (element.isJsonObject()) {
                    result.add(element.getAsJsonObject());
                }
            });
        } catch (RuntimeException e) {
            // An unparsable policy admits nothing; IAM rules report the syntax.
        }
        return result;
    }

    private static JsonArray single(JsonElement element) {
        var array = new JsonArray();
        array.add(element);
        return array;
    }

    private static List<String> values(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return List.of();
        }
        if (element.isJsonArray()) {
            var list = new ArrayList<String>();
            element.getAsJsonArray().forEach(e -> list.add(e.getAsString()));
            return list;
        }
        return List.of(element.getAsString());
    }

    private static String text(JsonElement element) {
        return element == null || element.isJsonNull() ? null : element.getAsString();
    }
}
