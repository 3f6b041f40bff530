package com.tapstack.tooling.init;

import com.tapstack.config.ConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The project's own Maven coordinates in {@code pom.xml}: the top-level {@code groupId}, {@code artifactId},
 * {@code version} and {@code name}, and the {@code mainClass} property. They are read with a DOM parse, so a
 * dependency's or the parent's {@code groupId} is never taken for the project's; they are written back by
 * replacing only those elements' text in the original file, so its formatting and comments stay.
 */
public record PomCoordinates(Optional<String> groupId, String artifactId, String version, Optional<String> name,
                             Optional<String> mainClass, Optional<String> testSourceDirectory) {

    public static final String FILE = "pom.xml";
    /** Where a missing element goes: after the first of these that the pom has (Maven's element order). */
    private static final Map<String, List<String>> PLACED_AFTER = Map.of(
            "groupId", List.of("parent", "modelVersion"),
            "artifactId", List.of("groupId", "parent", "modelVersion"),
            "name", List.of("version", "artifactId"));

    public static PomCoordinates read(String pom) {
        var project = parse(pom);
        var artifactId = child(project, "artifactId")
                .orElseThrow(() -> new ConfigException(FILE, "project.artifactId", "is missing", "a Maven project"));
        // A pom without its own version inherits the parent's, as Maven does.
        var version = child(project, "version")
                .or(() -> childElement(project, "parent").flatMap(p -> text(p, "version"))).orElse("");
        var mainClass = childElement(project, "properties").flatMap(p -> text(p, "mainClass"));
        var tests = childElement(project, "build").flatMap(b -> text(b, "testSourceDirectory"));
        return new PomCoordinates(child(project, "groupId"), artifactId, version, child(project, "name"), mainClass,
                tests);
    }

    /**
     * {@code pom} with the project's groupId, artifactId and name replaced (each added after the element before
     * it when the pom does not have it, as a pom that inherits its groupId from a parent).
     */
    public static String rewrite(String pom, String groupId, String artifactId, String name) {
        parse(pom); // refuses a pom that is not XML before any text is touched
        var values = new LinkedHashMap<String, String>();
        values.put("groupId", groupId);
        values.put("artifactId", artifactId);
        values.put("name", name);
        var text = pom;
        for (var entry : values.entrySet()) {
            text = set(text, entry.getKey(), entry.getValue());
        }
        return text;
    }

    /** The project's coordinates as Maven prints them: groupId:artifactId. */
    public String coordinates() {
        return groupId.orElse("(parent's groupId)") + ":" + artifactId;
    }

    private static String set(String pom, String element, String value) {
        var elements = TopLevelElements.of(pom);
        var escaped = value.replace("&", "&amp;").replace("<", "&lt;");
        var full = "<" + element + ">" + escaped + "</" + element + ">";
        var existing = elements.content(element);
        if (existing.isPresent()) {
            var range = existing.get();
            return pom.substring(0, range.start()) + escaped + pom.substring(range.end());
        }
        var empty = elements.element(element);
        if (empty.isPresent()) {
            return pom.substring(0, empty.get().start()) + full + pom.substring(empty.get().end());
        }
        // Missing: on its own line after the element Maven's order puts before it, with that element's indentation.
        var anchor = PLACED_AFTER.get(element).stream().map(elements::element).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new ConfigException(FILE, "project." + element, "has no place in this pom",
                        "a pom with modelVersion and artifactId"));
        var lineStart = pom.lastIndexOf('\n', anchor.start()) + 1;
        var indent = pom.substring(lineStart, anchor.start());
        var line = "\n" + (indent.isBlank() ? indent : "    ") + full;
        return pom.substring(0, anchor.end()) + line + pom.substring(anchor.end());
    }

    private static Element parse(String pom) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            // A pom has no business declaring entities: refuse DTDs, so nothing outside the file is read.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
            var root = builder.parse(new InputSource(new StringReader(pom))).getDocumentElement();
            if (!"project".equals(root.getTagName())) {
                throw new ConfigException(FILE, root.getTagName(), "is not a Maven project", "a <project> root element");
            }
            return root;
        } catch (SAXException e) {
            throw new ConfigException(FILE, "xml", "cannot be parsed: " + e.getMessage(), "a well-formed pom");
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> child(Element parent, String name) {
        return childElement(parent, name).map(e -> e.getTextContent().strip());
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).filter(t -> !t.isEmpty());
    }

    private static Optional<Element> childElement(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
