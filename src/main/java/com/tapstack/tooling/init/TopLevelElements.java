package com.tapstack.tooling.init;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the root element's direct children are in an XML text ({@code <groupId>} of {@code <project>}, not of a
 * dependency): a scan that knows comments, CDATA, processing instructions, quoted attributes and empty elements,
 * so a text edit can replace one element's content and leave every other byte as it was.
 */
final class TopLevelElements {

    /** A span of the text, {@code [start, end)}. */
    record Range(int start, int end) {
    }

    private final Map<String, Range> elements = new HashMap<>();
    private final Map<String, Range> contents = new HashMap<>();

    private TopLevelElements() {
    }

    /** The first occurrence of each direct child of the root element. */
    static TopLevelElements of(String xml) {
        var found = new TopLevelElements();
        int depth = 0;
        String open = null;
        int openStart = -1;
        int contentStart = -1;
        int i = 0;
        while ((i = xml.indexOf('<', i)) >= 0) {
            if (xml.startsWith("<!--", i)) {
                i = after(xml, "-->", i);
            } else if (xml.startsWith("<![CDATA[", i)) {
                i = after(xml, "]]>", i);
            } else if (xml.startsWith("<?", i)) {
                i = after(xml, "?>", i);
            } else if (xml.startsWith("<!", i)) {
                i = after(xml, ">", i);
            } else if (xml.startsWith("</", i)) {
                int end = after(xml, ">", i);
                if (depth == 2 && open != null) {
                    found.elements.putIfAbsent(open, new Range(openStart, end));
                    found.contents.putIfAbsent(open, new Range(contentStart, i));
                    open = null;
                }
                depth--;
                i = end;
            } else {
                int end = tagEnd(xml, i);
                boolean empty = xml.charAt(end - 2) == '/';
                if (depth == 1) {
                    var name = xml.substring(i + 1, end - (empty ? 2 : 1)).strip().split("[\\s/>]", 2)[0];
                    if (empty) {
                        found.elements.putIfAbsent(name, new Range(i, end));
                    } else {
                        open = name;
                        openStart = i;
                        contentStart = end;
                    }
                }
                if (!empty) {
                    depth++;
                }
                i = end;
            }
        }
        return found;
    }

    /** The whole element, from {@code <} to the end of its closing tag. */
    Optional<Range> element(String name) {
        return Optional.ofNullable(elements.get(name));
    }

    /** The text between the element's tags; none for an empty element ({@code <name/>}), which has no tags. */
    Optional<Range> content(String name) {
        return Optional.ofNullable(contents.get(name));
    }

    private static int after(String xml, String marker, int from) {
        int at = xml.indexOf(marker, from);
        if (at < 0) {
            throw new IllegalArgumentException("unterminated markup at offset " + from);
        }
        return at + marker.length();
    }

    /** The offset after a start tag's {@code >}, skipping quoted attribute values (which may contain it). */
    private static int tagEnd(String xml, int from) {
        char quote = 0;
        for (int i = from + 1; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated tag at offset " + from);
    }
}
