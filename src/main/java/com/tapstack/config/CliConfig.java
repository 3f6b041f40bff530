package com.tapstack.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the Pulumi CLI (3.x) makes of a stack file's config entry before the program sees it, after
 * {@link GoYaml} has typed the YAML:
 * <ul>
 *   <li>keys (sdk/go/common/resource/config/key.go ParseKey, workspace/loaders.go): {@code name} without a
 *       namespace becomes {@code <project>:name}; {@code ns:config:name} becomes {@code ns:name}; anything else
 *       with colons, or a key that is not text, is refused ("could not parse ... as a configuration key");</li>
 *   <li>a scalar becomes text ({@code object.go MarshalString}): strings as they are, booleans and numbers as
 *       Go's encoding/json writes them ({@code 16.10} is "16.1", {@code 1e21} "1e+21"), a timestamp as Go's
 *       {@code time.Time.String()}, null as "" (the CLI warns: "No value for configuration key");</li>
 *   <li>a mapping or list becomes JSON text with the same number forms; {@code {secure: <text>}} at any depth is
 *       a secret, and the whole key then is one ({@code PULUMI_CONFIG_SECRET_KEYS});</li>
 *   <li>NaN and infinities cannot be JSON: the CLI refuses the file ("json: unsupported value: NaN").</li>
 * </ul>
 * The engine path ({@link EngineConfigSource}) receives exactly these texts, so both paths decode the same.
 */
final class CliConfig {

    /** Stands in for a secret's plaintext, which only the stack's secrets provider can decrypt. */
    static final String ENCRYPTED = "\u0000tapstack:encrypted\u0000";

    /** One config entry as the CLI hands it over. */
    record Entry(String key, String text, boolean secret) {
    }

    private CliConfig() {
    }

    /** The full key a stack file's key stands for, or a config error in the CLI's words. */
    static String key(Object raw, String project, String file) {
        if (!(raw instanceof String key)) {
            throw new ConfigException(file, "config", (raw == null ? "a null key" : "the key " + raw)
                    + " could not be parsed as a configuration key (the Pulumi CLI refuses it)",
                    "keys of the form <namespace>:<name>, e.g. " + project + ":azCount");
        }
        var parts = key.split(":", -1);
        if (parts.length == 1) {
            return project + ":" + key;
        }
        if (parts.length == 2) {
            return key;
        }
        if (parts.length == 3 && parts[1].equals("config")) {
            return parts[0] + ":" + parts[2];
        }
        throw new ConfigException(file, key, "could not be parsed as a configuration key (the Pulumi CLI refuses"
                + " it)", "keys of the form <namespace>:<name>, e.g. " + project + ":azCount");
    }

    /** The text the program receives for a value, and whether the CLI marks it secret. */
    static Entry entry(String key, Object value, String file) {
        if (isSecure(value)) {
            return new Entry(key, ENCRYPTED, true);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            var json = new StringBuilder();
            var secret = json(value, json, key, file);
            return new Entry(key, json.toString(), secret);
        }
        return new Entry(key, scalarText(value, key, file), false);
    }

    /** {@code {secure: <text>}}: exactly one key, named secure, with a text value (object.go isSecureValue). */
    static boolean isSecure(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get("secure") instanceof String;
    }

    private static String scalarText(Object value, String key, String file) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof GoYaml.Timestamp timestamp) {
            return timestamp.goString();
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof BigInteger) {
            return String.valueOf(value);
        }
        if (value instanceof Double d) {
            return goJsonFloat(d, key, file);
        }
        return String.valueOf(value);
    }

    /** Writes {@code value} as encoding/json does (keys sorted); true when it holds a secret. */
    private static boolean json(Object value, StringBuilder out, String key, String file) {
        if (isSecure(value)) {
            out.append(quote(ENCRYPTED));
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(goKey(k, key, file), v));
            out.append('{');
            boolean secret = false;
            boolean first = true;
            for (var entry : sorted.entrySet()) {
                out.append(first ? "" : ",").append(quote(entry.getKey())).append(':');
                secret |= json(entry.getValue(), out, key, file);
                first = false;
            }
            out.append('}');
            return secret;
        }
        if (value instanceof List<?> list) {
            out.append('[');
            boolean secret = false;
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                secret |= json(list.get(i), out, key, file);
            }
            out.append(']');
            return secret;
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof BigInteger big && big.bitLength() >= 64) {
            // Inside a mapping or list the CLI reads numbers back with json.Number: what Int64 cannot hold becomes
            // a float64 (object.go unmarshalObject), so 18446744073709551615 arrives as 18446744073709552000.
            out.append(goJsonFloat(big.doubleValue(), key, file));
        } else if (value instanceof String || value instanceof GoYaml.Timestamp) {
            out.append(quote(scalarText(value, key, file)));
        } else {
            out.append(scalarText(value, key, file));
        }
        return false;
    }

    /** A nested key as Go's fmt %v writes it (the CLI keeps nested non-text keys). */
    private static String goKey(Object key, String configKey, String file) {
        if (key == null) {
            throw new ConfigException(file, configKey, "holds a mapping with a null key", "keys that are text");
        }
        return key instanceof Double d ? goFloatG(d) : scalarText(key, configKey, file);
    }

    /**
     * Go's encoding/json float64: shortest digits, plain ('f') unless the magnitude is below 1e-6 or at least
     * 1e21 ('e', exponent without a leading zero: 1e-7, 1e+21). NaN and infinities are refused as the CLI does.
     */
    static String goJsonFloat(double value, String key, String file) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ConfigException(file, key, (Double.isNaN(value) ? ".nan" : "an infinity") + " cannot be"
                    + " handed to the program (the Pulumi CLI refuses the file: JSON has no NaN or infinity)",
                    "a finite number, or quoted text");
        }
        if (value == 0) {
            // Negative zero too: the CLI writes the stack file back with yaml.v3 before reading it, which turns -0.0
            // into the text -0, read again as the integer 0.
            return "0";
        }
        var abs = Math.abs(value);
        var digits = shortest(value);
        if (abs >= 1e-6 && abs < 1e21) {
            return digits.toPlainString();
        }
        return exponent(digits, false);
    }

    /**
     * The fewest significant digits that read back as the same double, as Go's strconv writes them (JDK 17's
     * Double.toString is not always the shortest: 1e23 prints as 9.999999999999999E22).
     */
    static BigDecimal shortest(double value) {
        var exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            var rounded = exact.round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new java.math.MathContext(17, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Go's %v of a float64 ('g', shortest: strconv uses precision 6 to choose): exponent form from 1e6 or below 1e-4. */
    private static String goFloatG(double value) {
        var abs = Math.abs(value);
        var digits = shortest(value);
        int exponent = digits.precision() - digits.scale() - 1;
        return abs == 0 || (exponent >= -4 && exponent < 6) ? digits.toPlainString() : exponent(digits, true);
    }

    /** d.ddde±x: Go writes at least two exponent digits for %g, encoding/json strips a leading zero. */
    private static String exponent(BigDecimal digits, boolean twoDigitExponent) {
        var unscaled = digits.unscaledValue().abs().toString();
        int exponent = digits.precision() - digits.scale() - 1;
        var mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        var sign = digits.signum() < 0 ? "-" : "";
        var magnitude = String.valueOf(Math.abs(exponent));
        if (twoDigitExponent && magnitude.length() < 2) {
            magnitude = "0" + magnitude;
        }
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + magnitude;
    }

    /** A JSON string as encoding/json writes it (it also escapes <, > and &, which changes no value). */
    private static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The key's value is the CLI's placeholder for an encrypted secret. */
    static Optional<SecretValue> encrypted(String text) {
        return ENCRYPTED.equals(text) ? Optional.of(SecretValue.encrypted()) : Optional.empty();
    }
}
