package com.tapstack.config;

import java.io.StringReader;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML the way the Pulumi CLI does: with Go's gopkg.in/yaml.v3 (v3.0.1, pinned by pulumi/sdk's go.mod).
 * SnakeYAML only parses; the typing of every plain scalar follows yaml.v3's resolve.go, not YAML 1.1 or a
 * Java reading of 1.2:
 * <ul>
 *   <li>null: empty, {@code ~}, {@code null}, {@code Null}, {@code NULL}; booleans: only true/True/TRUE and
 *       false/False/FALSE ({@code yes}, {@code on} stay text);</li>
 *   <li>integers: underscores removed, then Go's {@code strconv.ParseInt(s, 0, 64)}: {@code 0x1F}, {@code 0o17},
 *       {@code 0b101}, and a leading zero as octal ({@code 0123} is 83), then {@code ParseUint};</li>
 *   <li>floats: {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?} ({@code 08080} is 8080.0,
 *       {@code 1e3} 1000.0), a leading dot, and {@code .inf}/{@code .nan};</li>
 *   <li>timestamps: a plain {@code YYYY-MM-DD}, optionally with a time, becomes a Go {@code time.Time}, which
 *       the CLI hands over as its {@code String()}: {@code 2001-12-14 00:00:00 +0000 UTC};</li>
 *   <li>everything else, and every quoted scalar, is text.</li>
 * </ul>
 * Values come back as String, Long, BigInteger (above int64), Double, Boolean, {@link Timestamp}, null, List
 * and Map; map keys keep their types (a number key is a Long). Anchors and aliases are expanded, {@code <<}
 * merges, and what yaml.v3 refuses is a {@link ConfigException} naming the file: an anchor whose value contains
 * itself, an unknown tag. Depth and aliases are capped so hostile input ends in one line, not a stack overflow.
 */
public final class GoYaml {

    /** Deeper than any TapStack configuration (services.web.healthCheck.x is five) by a wide margin. */
    static final int MAX_DEPTH = 32;
    /** Stand-in for "plain scalar, no tag": typed here by yaml.v3's rules, not by SnakeYAML's resolver. */
    private static final Tag PLAIN = new Tag("tag:tapstack.local,2026:plain");
    private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("^[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)$");
    private static final Map<String, Object> RESOLVE_MAP = Map.ofEntries(
            Map.entry("true", true), Map.entry("True", true), Map.entry("TRUE", true),
            Map.entry("false", false), Map.entry("False", false), Map.entry("FALSE", false));
    private static final List<String> NULLS = List.of("", "~", "null", "Null", "NULL");

    /** A plain YAML timestamp, as the text Go's {@code time.Time.String()} gives it. */
    public record Timestamp(String written, String goString) {
    }

    /**
     * A plain scalar typed otherwise than its text reads, e.g. {@code 0123} as 83: worth a warning.
     *
     * @param path where it is, as keys joined by dots ({@code config.tap:environmentSuffix})
     */
    record Surprise(String path, String written, Object value) {
    }

    private final String displayName;
    private final List<Surprise> surprises = new ArrayList<>();

    private GoYaml(String displayName) {
        this.displayName = displayName;
    }

    /** Parses one document; null for an empty one. */
    public static Object parse(String text, String displayName) {
        return new GoYaml(displayName).read(text);
    }

    /** Parses one document and reports what a reader would not expect. */
    static Object parse(String text, String displayName, List<Surprise> surprises) {
        var reader = new GoYaml(displayName);
        var result = reader.read(text);
        surprises.addAll(reader.surprises);
        return result;
    }

    private Object read(String text) {
        Node root;
        try {
            root = parser().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(displayName, "line " + (e.getProblemMark().getLine() + 1),
                    "not valid YAML (" + e.getProblem() + ")", "a YAML document");
        } catch (YAMLException e) {
            throw new ConfigException(displayName, "file", "not valid YAML (" + e.getMessage() + ")",
                    "a YAML document");
        }
        return root == null ? null : convert(root, new IdentityHashMap<>(), 0, "");
    }

    private static Yaml parser() {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        var dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new PlainResolver());
    }

    /** Tags every untagged plain scalar {@link #PLAIN}; quoted scalars stay !!str, collections as usual. */
    private static final class PlainResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
        }

        @Override
        protected void addImplicitResolvers() {
            // None: plain scalars are typed by yaml.v3's rules below.
        }
    }

    private Object convert(Node node, IdentityHashMap<Node, Boolean> open, int depth, String path) {
        if (depth > MAX_DEPTH) {
            throw new ConfigException(displayName, "line " + (node.getStartMark().getLine() + 1), "nests values"
                    + " deeper than " + MAX_DEPTH + " levels", "the configuration Pulumi.yaml documents");
        }
        if (open.containsKey(node)) {
            var anchor = node.getAnchor() == null ? "" : " '" + node.getAnchor() + "'";
            throw new ConfigException(displayName, "line " + (node.getStartMark().getLine() + 1), "anchor" + anchor
                    + " value contains itself (as yaml.v3 reports it)", "aliases of values defined before them");
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, path);
        }
        open.put(node, true);
        try {
            if (node instanceof SequenceNode sequence) {
                var list = new ArrayList<Object>();
                for (var item : sequence.getValue()) {
                    list.add(convert(item, open, depth + 1, path + "[" + list.size() + "]"));
                }
                return list;
            }
            var map = new LinkedHashMap<Object, Object>();
            var merged = new LinkedHashMap<Object, Object>();
            var firstLine = new java.util.HashMap<Object, Integer>();
            for (var tuple : ((MappingNode) node).getValue()) {
                var keyNode = tuple.getKeyNode();
                if (keyNode instanceof ScalarNode key && key.getTag().equals(PLAIN) && key.getValue().equals("<<")) {
                    merge(convert(tuple.getValueNode(), open, depth + 1, path), merged, keyNode);
                    continue;
                }
                var key = convert(keyNode, open, depth + 1, path + ".(key)");
                var childPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (map.containsKey(key)) {
                    throw new ConfigException(displayName, "line " + (keyNode.getStartMark().getLine() + 1),
                            "mapping key " + ConfigNode.show(key) + " already defined at line "
                                    + (firstLine.get(key) + 1) + " (as yaml.v3 reports it)", "each key once");
                }
                firstLine.put(key, keyNode.getStartMark().getLine());
                map.put(key, convert(tuple.getValueNode(), open, depth + 1, childPath));
            }
            merged.forEach(map::putIfAbsent);
            return map;
        } finally {
            open.remove(node);
        }
    }

    /** {@code <<: *base} or {@code <<: [*a, *b]}: keys the mapping does not set itself, the first merge winning. */
    private void merge(Object value, Map<Object, Object> into, Node at) {
        var sources = value instanceof List<?> list ? list : List.of(value == null ? Map.of() : value);
        for (var source : sources) {
            if (!(source instanceof Map<?, ?> map)) {
                throw new ConfigException(displayName, "line " + (at.getStartMark().getLine() + 1),
                        "merges a value that is not a mapping (<<)", "<<: *anchor-of-a-mapping");
            }
            map.forEach(into::putIfAbsent);
        }
    }

    private Object scalar(ScalarNode node, String path) {
        var text = node.getValue();
        var tag = node.getTag();
        if (tag.equals(PLAIN)) {
            var value = resolve(text);
            if (surprising(text, value)) {
                surprises.add(new Surprise(path, text, value));
            }
            return value;
        }
        if (tag.equals(Tag.STR)) {
            return text;
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            var value = resolve(text);
            var fits = tag.equals(Tag.BOOL) ? value instanceof Boolean
                    : tag.equals(Tag.INT) ? value instanceof Long || value instanceof BigInteger
                    : value instanceof Double || value instanceof Long;
            if (fits) {
                return tag.equals(Tag.FLOAT) && value instanceof Long l ? (Object) l.doubleValue() : value;
            }
            throw new ConfigException(displayName, "line " + (node.getStartMark().getLine() + 1), "\"" + text
                    + "\" cannot be decoded as " + tag, "a value of that type, or no tag");
        }
        throw new ConfigException(displayName, "line " + (node.getStartMark().getLine() + 1), "uses the tag "
                + tag + ", which the Pulumi CLI does not read", "plain values, or !!str");
    }

    /** yaml.v3's resolve() for a plain scalar. */
    static Object resolve(String text) {
        if (NULLS.contains(text)) {
            return null;
        }
        if (RESOLVE_MAP.containsKey(text)) {
            return RESOLVE_MAP.get(text);
        }
        if (SPECIAL_FLOAT.matcher(text).matches()) {
            var negative = text.startsWith("-");
            return text.toLowerCase().endsWith("nan") ? Double.NaN
                    : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '.') {
            return parseFloat(text, text);
        }
        if (!(Character.isDigit(first) || first == '+' || first == '-')) {
            return text;
        }
        var timestamp = timestamp(text);
        if (timestamp != null) {
            return timestamp;
        }
        var plain = text.replace("_", "");
        var integer = goParseInt(plain);
        if (integer != null) {
            return integer.bitLength() < 64 ? (Object) integer.longValue()
                    : integer.signum() > 0 && integer.bitLength() <= 64 ? integer : parseFloat(plain, text);
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            return parseFloat(plain, text);
        }
        return text;
    }

    private static Object parseFloat(String plain, String text) {
        try {
            return Double.parseDouble(plain);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)} (and ParseUint): an optional sign, then 0x/0X hex, 0o/0O octal,
     * 0b/0B binary, a leading 0 octal, or decimal; null when it is not such a number.
     */
    static BigInteger goParseInt(String s) {
        var body = s;
        var negative = false;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.startsWith("-");
            body = body.substring(1);
        }
        int radix = 10;
        var lower = body.toLowerCase();
        if (lower.startsWith("0x")) {
            radix = 16;
            body = body.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            body = body.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            body = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            body = body.substring(1);
        }
        final int base = radix;
        if (body.isEmpty() || !body.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
            return null;
        }
        var value = new BigInteger(body, base);
        value = negative ? value.negate() : value;
        var fitsSigned = value.bitLength() < 64;
        var fitsUnsigned = !negative && value.bitLength() <= 64;
        return fitsSigned || fitsUnsigned ? value : null;
    }

    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * yaml.v3's parseTimestamp: a plain value starting with four digits and a dash, in one of the layouts
     * 2006-1-2, 2006-1-2 15:4:5[.999999999] and 2006-1-2T15:4:5[.999999999]Z07:00, as {@code time.Time.String()}
     * writes it ("2001-12-14 00:00:00 +0000 UTC"). Other forms are left as text.
     */
    public static Timestamp timestamp(String text) {
        if (text.length() < 5 || !text.substring(0, 4).chars().allMatch(Character::isDigit) || text.charAt(4) != '-') {
            return null;
        }
        try {
            if (text.matches("^\\d{4}-\\d{1,2}-\\d{1,2}$")) {
                var parts = text.split("-");
                var date = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]));
                return new Timestamp(text, date.format(DateTimeFormatter.ISO_LOCAL_DATE) + " 00:00:00 +0000 UTC");
            }
            var normalized = text.replace('t', 'T');
            if (normalized.matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$")) {
                var time = OffsetDateTime.parse(normalized);
                var fraction = time.getNano() == 0 ? "" : ("." + String.format("%09d", time.getNano()))
                        .replaceAll("0+$", "");
                var offset = time.getOffset();
                var zone = offset.equals(ZoneOffset.UTC) ? "+0000 UTC" : goOffset(offset) + " " + goOffset(offset);
                return new Timestamp(text, time.format(GO_TIME) + fraction + " " + zone);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String goOffset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        var sign = seconds < 0 ? "-" : "+";
        seconds = Math.abs(seconds);
        return sign + String.format("%02d%02d", seconds / 3600, seconds / 60 % 60);
    }

    /** A leading-zero octal, a number that loses its text, or a date turned into a timestamp. */
    private static boolean surprising(String text, Object value) {
        if (value instanceof Timestamp) {
            return true;
        }
        if (value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            var digits = text.replace("_", "").replaceFirst("^[-+]", "");
            return digits.length() > 1 && digits.startsWith("0") && !digits.startsWith("0.");
        }
        return false;
    }
}
