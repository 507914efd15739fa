package org.camalarm.alarm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML cameras send (TVT, Hikvision), parsed safely and read by local element names: the JDK's
 * DOM parser with document type declarations refused (no XXE, no entity expansion) and nesting
 * limited, namespaces ignored (Hikvision alone uses five). One leniency: a document that is not
 * well-formed only because of a bare {@code &} in a text (some Hikvision firmware writes
 * {@code Front & Back}) is read with those ampersands escaped. Thread-safe: one configured
 * factory, a fresh builder per call.
 */
final class XmlDocuments {

    /** Documents deeper than this are an attack on the stack, refused while parsing. */
    static final int MAX_DEPTH = 32;
    /** The JDK parser's limit on element nesting. */
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    private static final DocumentBuilderFactory FACTORY = factory();

    /** Parse errors become exceptions instead of lines on standard error. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        // the JDK's interface says nothing of nullness: its parameters are taken as they come
        @NonNullByDefault({})
        @Override
        public void warning(SAXParseException e) {}

        @NonNullByDefault({})
        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @NonNullByDefault({})
        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlDocuments() {}

    /**
     * The document in {@code body} from byte {@code from} (its first significant byte: blanks or a
     * byte order mark before {@code <?xml} are not well-formed).
     *
     * @throws MalformedAlarmException {@code invalid_xml} when it is not well-formed XML or has a
     *                                 document type declaration
     */
    static Document parse(byte[] body, int from) throws MalformedAlarmException {
        try {
            return parseOnce(body, from);
        } catch (MalformedAlarmException e) {
            byte[] escaped = escapeBareAmpersands(body, from);
            if (escaped == null) {
                throw e;
            }
            try {
                return parseOnce(escaped, 0);
            } catch (MalformedAlarmException again) {
                throw e; // the first error describes the document as sent
            }
        }
    }

    private static Document parseOnce(byte[] body, int from) throws MalformedAlarmException {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // DocumentBuilderFactory is not specified thread-safe
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(THROWING);
            return builder.parse(new InputSource(new ByteArrayInputStream(body, from, body.length - from)));
        } catch (SAXParseException e) {
            throw new MalformedAlarmException(
                    "invalid_xml",
                    "body is not well-formed XML (or has a DOCTYPE) at line " + e.getLineNumber() + " column "
                            + e.getColumnNumber());
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            // RuntimeException: the JDK parser is a black box fed with client bytes
            throw new MalformedAlarmException("invalid_xml", "body is not well-formed XML");
        }
    }

    /**
     * A copy from {@code from} with every {@code &} that starts no entity or character reference
     * written as {@code &amp;}; {@code null} when there is none (then escaping cannot help).
     */
    static byte @Nullable [] escapeBareAmpersands(byte[] body, int from) {
        List<Integer> bare = new ArrayList<>();
        for (int i = from; i < body.length; i++) {
            if (body[i] == '&' && !startsReference(body, i)) {
                bare.add(i);
            }
        }
        if (bare.isEmpty()) {
            return null;
        }
        byte[] out = new byte[body.length - from + bare.size() * 4];
        int o = 0;
        int next = 0;
        for (int i = from; i < body.length; i++) {
            out[o++] = body[i];
            if (next < bare.size() && bare.get(next) == i) {
                out[o++] = 'a';
                out[o++] = 'm';
                out[o++] = 'p';
                out[o++] = ';';
                next++;
            }
        }
        return out;
    }

    /** {@code &name;}, {@code &#123;} or {@code &#x1F;} at {@code at}, names at most 32 characters. */
    private static boolean startsReference(byte[] body, int at) {
        int i = at + 1;
        boolean numeric = i < body.length && body[i] == '#';
        if (numeric) {
            i++;
            if (i < body.length && (body[i] == 'x' || body[i] == 'X')) {
                i++;
            }
        }
        int start = i;
        while (i < body.length && i - start <= 32 && (Character.isLetterOrDigit(body[i]) || body[i] == '.')) {
            i++;
        }
        return i > start && i < body.length && body[i] == ';';
    }

    /** The first child element with that local name, or {@code null}. */
    static @Nullable Element child(@Nullable Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName(element).equals(name)) {
                return element;
            }
        }
        return null;
    }

    /** The first child element whose local name is one of {@code names}, ignoring case; or {@code null}. */
    static @Nullable Element childIgnoreCase(@Nullable Element parent, String... names) {
        if (parent == null) {
            return null;
        }
        for (String name : names) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && localName(element).equalsIgnoreCase(name)) {
                    return element;
                }
            }
        }
        return null;
    }

    /** The child elements, in order. */
    static List<Element> children(@Nullable Element parent) {
        List<Element> children = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    children.add(element);
                }
            }
        }
        return children;
    }

    /**
     * The element's own text (its direct text children, not its descendants': {@code getTextContent}
     * recurses once per level), stripped; {@code null} when absent or blank.
     */
    static @Nullable String text(@Nullable Element element) {
        if (element == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        String stripped = text.toString().strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** The text of the child with that local name (ignoring case), or {@code null}. */
    static @Nullable String childText(@Nullable Element parent, String... names) {
        return text(childIgnoreCase(parent, names));
    }

    /** The text, when it is at most {@code max} characters; else {@code null}. */
    static @Nullable String bounded(@Nullable String text, int max) {
        return text != null && text.length() <= max ? text : null;
    }

    /** The name without a namespace prefix (the factory is not namespace-aware). */
    static String localName(Node node) {
        String name = node.getNodeName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory =
                DocumentBuilderFactory.newDefaultInstance(); // the JDK's, whatever the hub ships
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be secured", e);
        }
        factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }
}
