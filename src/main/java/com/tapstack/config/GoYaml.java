package com.tapstack.config;

import java.io.StringReader;
import java.math.BigInteger;
import java.time.LocalDate;
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
 *
 * <p>Known differences, all on the safe side (refused here, or kept as written): the CLI writes the stack file
 * back with yaml.v3 before reading it again, which drops a string's leading line breaks and fails on a string that
 * starts with a tab and holds a line break (kept and read here); it reads unknown tags as plain text and
 * {@code !!binary} as its bytes, multi-document files by their first document and UTF-16 (refused here); and it
 * names a timestamp's offset after the machine's zone when they match ("-0500 EST"; here always "-0500 -0500",
 * as on a machine in UTC). Found by comparing with a Go program that reproduces the CLI's reading.
 */
public final class GoYaml {

    /** Deeper than any TapStack configuration (services.web.healthCheck.x is five) by a wide margin. */
    static final int MAX_DEPTH = 32;
    /** Aliases of mappings and lists per document; the expansion is capped separately ({@link #MAX_VALUES}). */
    static final int MAX_ALIASES = 1000;
    /** SnakeYAML's default: 3 MiB of code points, far above any stack file. */
    static final int CODE_POINT_LIMIT = 3 * 1024 * 1024;
    /** Stand-in for "plain scalar, no tag": typed here by yaml.v3's rules, not by SnakeYAML's resolver. */
    private static final Tag PLAIN = new Tag("tag:tapstack.local,2026:plain");
    private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("^([-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$");
    /**
     * What Go's {@code strconv.ParseFloat} accepts of a value starting with a dot (yaml.v3 hands those to it as they
     * are): digits with single underscores between them, an optional exponent. Java's parser would also take
     * {@code .5f} and {@code .5d}, which Go leaves as text.
     */
    private static final Pattern DOT_FLOAT = Pattern.compile("^\\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$");
    /** yaml.v3's timestamp layouts (resolve.go allowedTimestampFormats), read by Go's time.Parse. */
    private static final Pattern DATE_TIME = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:(?:[Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})([.,]\\d+)?(Z|[+-]\\d{2}:\\d{2}))"
            + "|(?: (\\d{1,2}):(\\d{1,2}):(\\d{1,2})([.,]\\d+)?))?$");
    /** Values one document may expand to through aliases: far beyond any stack file, far below a billion laughs. */
    static final int MAX_VALUES = 100_000;
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
    /** The document's text, to read a quoted scalar as written (its escapes). */
    private String text = "";
    /** Values converted so far, aliases counted each time they are used. */
    private int values;

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
        refuseYamlDirective(text);
        Node root;
        try {
            root = parser().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var problem = String.valueOf(e.getProblem());
            if (problem.contains("Nesting Depth exceeded")) {
                throw new ConfigException(displayName, "line " + (e.getProblemMark().getLine() + 1), "nests values"
                        + " deeper than " + MAX_DEPTH + " levels (tap's limit)", "the configuration"
                        + " docs/configuration.md documents");
            }
            throw new ConfigException(displayName, "line " + (e.getProblemMark().getLine() + 1),
                    "not valid YAML (" + problem + ")", "a YAML document");
        } catch (YAMLException e) {
            var message = String.valueOf(e.getMessage());
            if (message.contains("Nesting Depth exceeded")) {
                throw new ConfigException(displayName, "file", "nests values deeper than " + MAX_DEPTH + " levels"
                        + " (tap's limit)", "the configuration docs/configuration.md documents");
            }
            if (message.contains("exceeds the limit")) {
                throw new ConfigException(displayName, "file", "is larger than the " + CODE_POINT_LIMIT
                        + " characters tap reads", "a stack file of ordinary size");
            }
            if (message.contains("Number of aliases")) {
                throw new ConfigException(displayName, "file", "uses more than " + MAX_ALIASES + " aliases of"
                        + " mappings or lists (tap's limit)", "fewer aliases");
            }
            throw new ConfigException(displayName, "file", "not valid YAML (" + message + ")", "a YAML document");
        } catch (RuntimeException e) {
            // SnakeYAML's scanner lets a few malformed escapes through as plain Java exceptions (a \U escape
            // beyond Unicode is a NumberFormatException); yaml.v3 refuses them as invalid escapes.
            throw new ConfigException(displayName, "file", e instanceof NumberFormatException
                    ? "not valid YAML (an escape that is no Unicode character, which yaml.v3 refuses)"
                    : "not valid YAML (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "a YAML document");
        }
        this.text = text;
        return root == null ? null : convert(root, new IdentityHashMap<>(), 0, "");
    }

    /** The CLI reads YAML 1.1 documents only: yaml.v3 refuses {@code %YAML 1.2} as an incompatible document. */
    private void refuseYamlDirective(String text) {
        var directive = Pattern.compile("(?m)^%YAML[ \\t]+(\\S+)").matcher(text);
        if (directive.find() && !directive.group(1).equals("1.1")) {
            throw new ConfigException(displayName, "line " + (text.substring(0, directive.start()).lines().count()
                    + 1), "declares %YAML " + directive.group(1) + ", a version the Pulumi CLI's YAML reader refuses",
                    "no %YAML directive (or %YAML 1.1)");
        }
    }

    private static Yaml parser() {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(CODE_POINT_LIMIT);
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
        if (++values > MAX_VALUES) {
            throw new ConfigException(displayName, "line " + (node.getStartMark().getLine() + 1), "expands to more"
                    + " than " + MAX_VALUES + " values through its aliases (tap's limit)", "fewer aliases");
        }
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
            var written = new java.util.HashMap<String, Integer>();
            for (var tuple : ((MappingNode) node).getValue()) {
                var keyNode = tuple.getKeyNode();
                // yaml.v3 compares keys as written (decode.go mapping: same kind, same text), so 1 and "1" are
                // the same key, and so are two merges.
                if (keyNode instanceof ScalarNode scalarKey) {
                    var line = keyNode.getStartMark().getLine();
                    var before = written.putIfAbsent(scalarKey.getValue(), line);
                    if (before != null) {
                        throw new ConfigException(displayName, "line " + (line + 1), "mapping key \""
                                + com.tapstack.text.OneLine.shorten(scalarKey.getValue()) + "\" already defined at line "
                                + (before + 1) + " (as yaml.v3 reports it)", "each key once");
                    }
                }
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
        if (value == null) {
            throw new ConfigException(displayName, "line " + (at.getStartMark().getLine() + 1),
                    "merges nothing (<<: ~), which yaml.v3 refuses", "<<: *anchor-of-a-mapping");
        }
        var sources = value instanceof List<?> list ? list : List.of(value);
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
        if (node.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED && escapesASurrogate(node)) {
            throw new ConfigException(displayName, "line " + (node.getStartMark().getLine() + 1), "escapes a UTF-16"
                    + " surrogate (\\uD800 to \\uDFFF), which yaml.v3 refuses as an invalid escape", "the character"
                    + " itself, or \\U followed by its 8-digit code point");
        }
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

    /** Whether a double-quoted scalar, as written in the file, escapes a surrogate code point. */
    private boolean escapesASurrogate(ScalarNode node) {
        int start = node.getStartMark().getIndex();
        int end = Math.min(node.getEndMark().getIndex(), text.length());
        if (start < 0 || start >= end) {
            return false;
        }
        return Pattern.compile("\\\\(u[dD][89a-fA-F][0-9a-fA-F]{2}|U0000[dD][89a-fA-F][0-9a-fA-F]{2})")
                .matcher(text.substring(start, end)).find();
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
            return DOT_FLOAT.matcher(text).matches() ? parseFloat(text.replace("_", ""), text) : text;
        }
        // resolve.go's table: ASCII digits and signs only (a Unicode digit starts a text).
        if (!((first >= '0' && first <= '9') || first == '+' || first == '-')) {
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

    /**
     * Go's {@code strconv.ParseFloat} on text already of its syntax: out of range (1e400) is an error there, and
     * yaml.v3 then keeps the text; a value that rounds to zero is zero.
     */
    private static Object parseFloat(String plain, String text) {
        try {
            var value = Double.parseDouble(plain);
            return Double.isInfinite(value) ? text : (Object) value;
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
        if (body.isEmpty() || !body.chars().allMatch(c -> c < 128 && Character.digit(c, base) >= 0)) {
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
     * 2006-1-2, 2006-1-2 15:4:5[.999999999] and 2006-1-2T15:4:5[.999999999]Z07:00 (one- or two-digit fields, as
     * Go's time.Parse reads them), as {@code time.Time.String()} writes it ("2001-12-14 00:00:00 +0000 UTC").
     * A time with an offset prints the offset twice ("-0500 -0500"), as the CLI does on a machine whose own zone
     * has another offset; where the machine's zone has that offset Go names it ("-0500 EST"), which a reader
     * offline cannot know. Other forms are left as text.
     */
    public static Timestamp timestamp(String text) {
        if (text.length() < 5 || !text.substring(0, 4).chars().allMatch(c -> c >= '0' && c <= '9')
                || text.charAt(4) != '-') {
            return null;
        }
        var m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            var date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null && m.group(9) == null) {
                return new Timestamp(text, date.format(DateTimeFormatter.ISO_LOCAL_DATE) + " 00:00:00 +0000 UTC");
            }
            var zoned = m.group(4) != null;
            int base = zoned ? 4 : 9;
            var time = java.time.LocalTime.of(Integer.parseInt(m.group(base)), Integer.parseInt(m.group(base + 1)),
                    Integer.parseInt(m.group(base + 2)));
            var fractionDigits = m.group(base + 3) == null ? "" : m.group(base + 3).substring(1);
            // Go reads at most nine digits of a fraction and cuts the rest.
            var nanos = fractionDigits.isEmpty() ? 0
                    : Integer.parseInt((fractionDigits + "000000000").substring(0, 9));
            var zone = !zoned || m.group(8).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
            var fraction = nanos == 0 ? "" : ("." + String.format("%09d", nanos)).replaceAll("0+$", "");
            var offset = zone.equals(ZoneOffset.UTC) ? "+0000 UTC" : goOffset(zone) + " " + goOffset(zone);
            return new Timestamp(text, date.atTime(time).format(GO_TIME) + fraction + " " + offset);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
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
