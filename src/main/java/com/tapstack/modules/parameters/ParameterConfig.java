package com.tapstack.modules.parameters;

import com.tapstack.config.ConfigKey.Structured;
import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import com.tapstack.config.Placeholders;
import com.tapstack.config.SecretValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One SSM parameter the stack creates under {@code /<project>/<environment>/<suffix>/<name>}
 * ({@code <project>:parameters}). A SecureString's value is a Pulumi secret and is encrypted with the stack key; a
 * String's value is plain configuration.
 */
public record ParameterConfig(String name, boolean secure, Object value) {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    private static final String NAME_RULE = "1 to 128 letters, digits, _ . -";

    public static final TextKey TYPE = TextKey.of("type", "String", "String or SecureString", "String (plain) or"
            + " SecureString (encrypted with the stack key; the value must be a Pulumi secret)");
    public static final TextKey VALUE = TextKey.required("value", "the parameter's real value", "The value; set a"
            + " secret one with pulumi config set --secret --path '<project>:parameters.NAME.value' <value>");
    public static final KeyTable TYPED_KEYS = KeyTable.of("<project>:parameters.<NAME>", "A typed parameter",
            "A parameter given as a mapping. Once the block holds a secret, every parameter states its type (pulumi"
                    + " up hands every value of the block over as a secret, so a bare value's type could not be"
                    + " told).", TYPE, VALUE);
    public static final Structured BLOCK = Structured.entries("parameters", "{}", "a mapping of parameter name to"
            + " value", "SSM parameters at /<project>/<environment>/<suffix>/NAME: NAME: text for a String, or"
            + " NAME: {type, value}. Placeholders (placeholder, changeme, TODO, <...>, empty) are refused. A service"
            + " reads one with secrets: {VAR: {parameter: NAME}}. The only key that may hold Pulumi secrets.",
            TYPED_KEYS);

    /** The plaintext to store; offline a secret has none, so plans show it as a secret. */
    public String plaintext() {
        if (value instanceof SecretValue secret) {
            return secret.plaintext().orElse("");
        }
        return String.valueOf(value);
    }

    public boolean valueIsSecret() {
        return value instanceof SecretValue;
    }

    /** The parameters by name, in the order the stack file lists them; none without the block. */
    public static Map<String, ParameterConfig> read(ConfigNode parent) {
        var result = new LinkedHashMap<String, ParameterConfig>();
        var node = BLOCK.optional(parent);
        if (node.isEmpty()) {
            return result;
        }
        var parameters = node.get();
        // Under `pulumi up` every value of the block is secret once one is: a bare value could then not be told
        // from a secret one, so with secrets present every parameter states its type.
        var holdsSecrets = parameters.fields().stream().anyMatch(name -> SecretValue.within(parameters.raw(name)
                .orElse(null)));
        for (var name : parameters.fields()) {
            if (!NAME.matcher(name).matches()) {
                throw parameters.error(name, "is not a parameter name", NAME_RULE);
            }
            var raw = parameters.raw(name).orElseThrow(() -> parameters.error(name, "has no value", "text, or {type,"
                    + " value}"));
            var parameter = raw instanceof Map ? typed(parameters.optionalObject(name, "").orElseThrow(), name)
                    : bare(parameters, name, raw, holdsSecrets);
            if (!parameter.valueIsSecret()) {
                if (parameter.value() instanceof Map || parameter.value() instanceof List) {
                    throw parameters.invalid(name, "is not text", "text, or {type, value}");
                }
                var text = String.valueOf(parameter.value());
                if (Placeholders.isPlaceholder(text)) {
                    throw parameters.error(name, ConfigNode.show(text) + " is a placeholder, not a value", "the real"
                            + " value the service needs (a secret one as a SecureString set with --secret)");
                }
            }
            result.put(name, parameter);
        }
        return result;
    }

    private static ParameterConfig bare(ConfigNode parameters, String name, Object value, boolean holdsSecrets) {
        if (holdsSecrets) {
            throw parameters.error(name, "is a bare value in a block that holds secrets (pulumi up then hands every"
                    + " value of " + parameters.path() + " over as a secret, so its type cannot be told)", "{type:"
                    + " String, value: ...} or {type: SecureString, value: <secret>} for every parameter");
        }
        return new ParameterConfig(name, false, value);
    }

    private static ParameterConfig typed(ConfigNode typed, String name) {
        typed.rejectUnknownFields(TYPED_KEYS.names());
        var allowed = TYPE.allowed();
        var type = typed.raw(TYPE.name()).map(raw -> raw instanceof SecretValue secret ? secret.plaintext()
                .orElseThrow(() -> typed.error(TYPE.name(), "is a secret", allowed + ", in plain text")) : raw)
                .map(String::valueOf).orElse(TYPE.defaultValue().orElseThrow());
        if (!type.equals("String") && !type.equals("SecureString")) {
            throw typed.invalid(TYPE.name(), "is not a parameter type this stack creates", allowed);
        }
        var secure = type.equals("SecureString");
        var value = typed.raw(VALUE.name()).orElseThrow(() -> typed.missing(VALUE.name(), VALUE.allowed()));
        if (secure && !(value instanceof SecretValue)) {
            throw typed.error(VALUE.name(), "is plain text, and a SecureString's value must be a Pulumi secret", "a"
                    + " value set with `pulumi config set --secret --path '" + typed.key(VALUE.name()) + "' <value>`");
        }
        // An encrypted value in the stack file is meant secret; a String would store it in clear text in SSM.
        // (Under pulumi up every value of the block arrives decrypted and secret, so only the file can tell.)
        if (!secure && value instanceof SecretValue secret && secret.plaintext().isEmpty()) {
            throw typed.error(TYPE.name(), "is String, which SSM stores in clear text, for a secret value",
                    "type: SecureString (encrypted with the stack key)");
        }
        return new ParameterConfig(name, secure, value);
    }
}
