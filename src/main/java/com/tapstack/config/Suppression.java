package com.tapstack.config;

import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A check finding accepted on purpose: rule {@code rule} does not apply to {@code resource} (a logical name
 * such as {@code shop-web-task-definition}, or a URN), for the stated {@code reason}. Reports list every one.
 */
public record Suppression(String rule, String resource, String reason) {

    private static final Pattern RULE_ID = Pattern.compile("^TAP\\d{3}$");

    public static final TextKey RULE = TextKey.required("rule", "a rule id such as TAP301 (`./tap check` lists"
            + " them)", "The rule the finding is of");
    public static final TextKey RESOURCE = TextKey.required("resource", "the logical name (or URN) of the resource it"
            + " is about", "The resource it is about");
    public static final TextKey REASON = TextKey.required("reason", "why the rule does not apply to this resource",
            "Why it is accepted; mandatory, and listed in every check report");
    public static final KeyTable KEYS = KeyTable.of("<project>:checkSuppressions[i]", "A check suppression",
            "A ./tap check finding accepted on purpose.", RULE, RESOURCE, REASON);
    public static final Structured BLOCK = Structured.list("checkSuppressions", "a list of {rule: TAP<nnn>,"
            + " resource: <logical name or URN>, reason: <why it does not apply>}", "./tap check findings accepted"
            + " on purpose", KEYS);

    /** Every suppression of the list, in order. */
    public static List<Suppression> read(ConfigNode tap) {
        var result = new ArrayList<Suppression>();
        for (var node : tap.objectList(BLOCK.name(), BLOCK.allowed())) {
            node.rejectUnknownFields(KEYS.names());
            var rule = RULE.read(node);
            if (!RULE_ID.matcher(rule).matches()) {
                throw node.invalid(RULE.name(), "is not a rule id", "TAP followed by three digits, e.g. TAP301");
            }
            var resource = RESOURCE.read(node);
            var reason = REASON.read(node);
            if (reason.isBlank()) {
                throw node.invalid(REASON.name(), "is empty", REASON.allowed());
            }
            result.add(new Suppression(rule, resource, reason));
        }
        return result;
    }
}
