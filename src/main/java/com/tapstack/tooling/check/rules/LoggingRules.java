package com.tapstack.tooling.check.rules;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tapstack.config.LogRetention;
import com.tapstack.tooling.check.PolicyEvaluator;
import com.tapstack.tooling.check.Rule;
import com.tapstack.tooling.check.Severity;
import java.util.ArrayList;
import java.util.List;

/** Log groups and the KMS keys that encrypt them (TAP4xx). */
public final class LoggingRules {

    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String KEY = "aws:kms/key:Key";
    static final String CONTEXT_KEY = "kms:EncryptionContext:aws:logs:arn";

    private LoggingRules() {
    }

    public static List<Rule> rules() {
        return List.of(NO_RETENTION, INVALID_RETENTION, NO_KMS, KEY_UNUSABLE_BY_LOGS, NO_ROTATION);
    }

    static final Rule NO_RETENTION = Rule.of("TAP401", Severity.HIGH, "Log groups expire their logs",
            "Without a retention CloudWatch keeps logs forever, and the bill grows every month.",
            (context, findings) -> context.all(LOG_GROUP).forEach(group -> {
                var days = ComputeRules.number(group.input("retentionInDays"));
                if (days == null || days == 0) {
                    findings.report(group, "keeps logs forever; set retentionInDays (" + context.key("logRetentionDays") + "), e.g. 7"
                            + " for dev and 30 for prod");
                }
            }));

    static final Rule INVALID_RETENTION = Rule.of("TAP402", Severity.CRITICAL, "Log retention is a value CloudWatch accepts",
            "CloudWatch Logs accepts only its listed retention periods and rejects any other at deploy time.",
            (context, findings) -> context.all(LOG_GROUP).forEach(group -> {
                var days = ComputeRules.number(group.input("retentionInDays"));
                if (days != null && days != 0 && !LogRetention.isAllowed(days)) {
                    findings.report(group, "retentionInDays " + days + " is not accepted; use one of "
                            + LogRetention.allowedValues());
                }
            }));

    static final Rule NO_KMS = Rule.of("TAP403", Severity.MEDIUM, "Log groups are encrypted with a customer key",
            "Logs carry request data; a customer managed key lets you audit and revoke access to them.",
            (context, findings) -> context.all(LOG_GROUP).forEach(group -> {
                if (group.input("kmsKeyId") == null) {
                    findings.report(group, "is not encrypted with a KMS key; set kmsKeyId to the stack key");
                }
            }));

    static final Rule KEY_UNUSABLE_BY_LOGS = Rule.of("TAP404", Severity.CRITICAL,
            "CloudWatch Logs may use the key of each log group",
            "A log group whose key policy does not admit logs.<region>.amazonaws.com cannot be created.",
            (context, findings) -> context.all(LOG_GROUP).forEach(group -> {
                var key = context.resolve(group.input("kmsKeyId")).filter(r -> r.type().equals(KEY));
                if (key.isEmpty()) {
                    return;
                }
                var groupArn = context.arn("logs", "log-group:" + group.inputString("name"));
                var principal = "logs." + context.region() + "." + context.plan().account().dnsSuffix();
                if (!admitsLogs(String.valueOf(key.get().input("policy")), principal, groupArn)) {
                    findings.report(group, "its key " + key.get().name() + " does not let " + principal + " use it"
                            + " for " + groupArn + "; add a key policy statement allowing that principal kms:Encrypt*,"
                            + " kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey*, kms:Describe* with an ArnLike"
                            + " condition on " + CONTEXT_KEY + " covering the group");
                }
            }));

    static final Rule NO_ROTATION = Rule.of("TAP405", Severity.MEDIUM, "KMS keys rotate",
            "Yearly rotation limits how much data one key version protects (Security Hub KMS.4).",
            (context, findings) -> context.all(KEY).forEach(key -> {
                if (!Boolean.TRUE.equals(key.input("enableKeyRotation"))) {
                    findings.report(key, "rotation is off; set enableKeyRotation");
                }
            }));

    /** Whether a key policy lets {@code principal} encrypt and decrypt for the log group {@code groupArn}. */
    static boolean admitsLogs(String policyJson, String principal, String groupArn) {
        JsonObject document;
        try {
            document = JsonParser.parseString(policyJson).getAsJsonObject();
        } catch (RuntimeException e) {
            return false;
        }
        var statements = document.get("Statement");
        var list = new ArrayList<JsonElement>();
        if (statements != null && statements.isJsonArray()) {
            statements.getAsJsonArray().forEach(list::add);
        } else if (statements != null) {
            list.add(statements);
        }
        for (var element : list) {
            var statement = element.getAsJsonObject();
            if (!"Allow".equals(text(statement.get("Effect"))) || !namesService(statement.get("Principal"), principal)) {
                continue;
            }
            var actions = PolicyEvaluator.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                    + statement.get("Action") + ",\"Resource\":\"*\"}]}");
            boolean canUse = PolicyEvaluator.allows(actions, "kms:Encrypt", "*")
                    && PolicyEvaluator.allows(actions, "kms:Decrypt", "*")
                    && PolicyEvaluator.allows(actions, "kms:GenerateDataKey", "*");
            if (canUse && conditionCovers(statement.get("Condition"), groupArn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesService(JsonElement principal, String service) {
        if (principal == null || !principal.isJsonObject() || !principal.getAsJsonObject().has("Service")) {
            return false;
        }
        var value = principal.getAsJsonObject().get("Service");
        if (value.isJsonArray()) {
            for (var item : value.getAsJsonArray()) {
                if (item.getAsString().equals(service)) {
                    return true;
                }
            }
            return false;
        }
        return value.getAsString().equals(service);
    }

    /** No condition on the logs context, or one whose patterns cover the group's ARN. */
    private static boolean conditionCovers(JsonElement condition, String groupArn) {
        if (condition == null || !condition.isJsonObject()) {
            return true;
        }
        for (var operator : condition.getAsJsonObject().entrySet()) {
            var keys = operator.getValue().getAsJsonObject();
            if (!keys.has(CONTEXT_KEY)) {
                continue;
            }
            var values = keys.get(CONTEXT_KEY);
            var patterns = new ArrayList<String>();
            if (values.isJsonArray()) {
                values.getAsJsonArray().forEach(v -> patterns.add(v.getAsString()));
            } else {
                patterns.add(values.getAsString());
            }
            var wildcard = operator.getKey().endsWith("Like");
            return patterns.stream().anyMatch(pattern -> wildcard
                    ? PolicyEvaluator.wildcard(pattern, false).matcher(groupArn).matches()
                    : pattern.equals(groupArn));
        }
        return true;
    }

    private static String text(JsonElement element) {
        return element == null ? null : element.getAsString();
    }

}
