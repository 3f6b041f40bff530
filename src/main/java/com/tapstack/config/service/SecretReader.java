package com.tapstack.config.service;

import com.tapstack.config.ConfigKey.TextKey;
import com.tapstack.config.ConfigNode;
import com.tapstack.config.KeyTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a service's {@code secrets}: variable name to an SSM parameter or a Secrets Manager secret, either as
 * text ({@code /app/db-password}, or the ARN of either) or as a mapping with a JSON key and the KMS key.
 */
final class SecretReader {

    static final String ALLOWED = "a mapping of variable name to an SSM parameter (/path/name or its ARN), a Secrets"
            + " Manager secret ARN, {ssmParameter | secretArn, jsonKey, kmsKeyArn}, or {parameter: <a name in <project>:parameters>}";
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    private static final Pattern SSM_NAME = Pattern.compile("^/?[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*$");
    private static final Pattern SSM_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\\d{12}:parameter/[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*$");
    private static final Pattern SECRET_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@!-]+-[A-Za-z0-9]{6}$");
    private static final Pattern SECRET_ARN_WITHOUT_SUFFIX = Pattern.compile(
            "^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@!-]+$");
    private static final Pattern KMS_KEY_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern JSON_KEY = Pattern.compile("^[^:]{1,256}$");

    static final KeyTable KEYS = KeyTable.of("<project>:services.<name>.secrets.<VARIABLE>", "A secret",
            "A variable read at task start from SSM or Secrets Manager, given as text (/ssm/parameter/name, an SSM"
                    + " parameter ARN or a Secrets Manager secret ARN) or as a mapping with exactly one of ssmParameter,"
                    + " secretArn and parameter. The execution role may read exactly these and decrypt them with"
                    + " their key.",
            TextKey.required("ssmParameter", "an SSM parameter name or ARN", "The parameter to read"),
            TextKey.required("secretArn", "a Secrets Manager secret ARN", "The secret to read (its full ARN)"),
            TextKey.required("jsonKey", "a key of the secret's JSON value", "With secretArn: the key of the secret's"
                    + " JSON value to read"),
            TextKey.required("kmsKeyArn", "a KMS key ARN", "The customer managed key the value is encrypted with,"
                    + " if not the AWS managed one"),
            TextKey.required("parameter", "a name in <project>:parameters", "A parameter of this stack"
                    + " (<project>:parameters), alone"));

    private SecretReader() {
    }

    static Map<String, SecretRef> read(ConfigNode secrets) {
        var result = new LinkedHashMap<String, SecretRef>();
        for (var name : secrets.fields()) {
            if (!ENV_NAME.matcher(name).matches()) {
                throw secrets.error(name, "is not an environment variable name", "letters, digits and _, not"
                        + " starting with a digit");
            }
            var raw = secrets.raw(name).orElseThrow(() -> secrets.error(name, "has no value", ALLOWED));
            result.put(name, raw instanceof Map
                    ? fromMapping(secrets.optionalObject(name, ALLOWED).orElseThrow())
                    : shorthand(secrets, name, secrets.requireString(name, ALLOWED)));
        }
        return result;
    }

    private static SecretRef fromMapping(ConfigNode node) {
        node.rejectUnknownFields(KEYS.names());
        if (node.has("parameter")) {
            if (node.fields().size() > 1) {
                throw node.errorHere("mixes parameter with other settings", "{parameter: <name in " + node.namespaceKey("parameters") + ">}"
                        + " alone: the stack knows its own parameters' ARN and key");
            }
            return new SecretRef.StackParameter(node.requireString("parameter", "a name in " + node.namespaceKey("parameters")));
        }
        var kmsKey = node.optionalString("kmsKeyArn", "a KMS key ARN");
        if (kmsKey.isPresent() && !KMS_KEY_ARN.matcher(kmsKey.get()).matches()) {
            throw node.invalid("kmsKeyArn", "is not a KMS key ARN", "arn:aws:kms:<region>:<account>:key/<key id>"
                    + " (a key ARN, not an alias)");
        }
        var jsonKey = node.optionalString("jsonKey", "a key of the secret's JSON value");
        if (jsonKey.isPresent() && !JSON_KEY.matcher(jsonKey.get()).matches()) {
            throw node.invalid("jsonKey", "is not a JSON key ECS can select", "1 to 256 characters without :");
        }
        var parameter = node.optionalString("ssmParameter", "an SSM parameter name or ARN");
        var secret = node.optionalString("secretArn", "a Secrets Manager secret ARN");
        if (parameter.isPresent() == secret.isPresent()) {
            throw node.errorHere("needs exactly one of ssmParameter and secretArn", ALLOWED);
        }
        if (parameter.isPresent() && jsonKey.isPresent()) {
            throw node.error("jsonKey", "only selects from a Secrets Manager secret", "jsonKey with secretArn");
        }
        var field = parameter.isPresent() ? "ssmParameter" : "secretArn";
        return fromText(node, field, parameter.orElseGet(secret::get), jsonKey, kmsKey);
    }

    /**
     * Text form: an ARN or a hierarchical parameter name starting with {@code /}. Anything else is refused, which
     * also catches the secret's value pasted where its name belongs; a flat parameter name needs the mapping form.
     */
    private static SecretRef shorthand(ConfigNode secrets, String name, String value) {
        if (!value.startsWith("arn:") && !value.startsWith("/")) {
            throw secrets.invalid(name, "is not an SSM parameter or a Secrets Manager secret (a secret's value never"
                    + " goes in the stack file)", ALLOWED);
        }
        return fromText(secrets, name, value, Optional.empty(), Optional.empty());
    }

    private static SecretRef fromText(ConfigNode node, String field, String value, Optional<String> jsonKey,
                                      Optional<String> kmsKey) {
        if (SECRET_ARN.matcher(value).matches()) {
            return new SecretRef.SecretsManager(value, jsonKey, kmsKey);
        }
        if (SECRET_ARN_WITHOUT_SUFFIX.matcher(value).matches()) {
            throw node.invalid(field, "is a partial secret ARN (ECS and IAM need the full ARN)", "the full ARN"
                    + " ending in the 6 characters AWS appends, as `aws secretsmanager describe-secret` prints it");
        }
        if (SSM_ARN.matcher(value).matches()) {
            var name = value.substring(value.indexOf(":parameter/") + ":parameter".length());
            return new SecretRef.SsmParameter(name, Optional.of(value), kmsKey);
        }
        if (value.startsWith("arn:") || !SSM_NAME.matcher(value).matches()) {
            throw node.invalid(field, "is not an SSM parameter or a Secrets Manager secret", ALLOWED);
        }
        var bare = value.startsWith("/") ? value.substring(1) : value;
        if (bare.toLowerCase().startsWith("aws") || bare.toLowerCase().startsWith("ssm")) {
            throw node.invalid(field, "is not an SSM parameter name (names starting with aws or ssm are reserved)",
                    ALLOWED);
        }
        return new SecretRef.SsmParameter(value, Optional.empty(), kmsKey);
    }
}
