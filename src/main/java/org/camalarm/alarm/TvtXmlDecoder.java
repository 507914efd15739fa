package org.camalarm.alarm;

import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the XML a TVT camera's "HTTP POST" alarm service sends (docs/protocols.md §1.2):
 * {@code <config ...><alarmStatusInfo><perimeterAlarm type="boolean" id="1">true</perimeterAlarm>
 * ...</alarmStatusInfo></config>}.
 *
 * <p>Each child of {@code alarmStatusInfo} whose text is {@code true} or {@code false} becomes a
 * {@link Action#START} or {@link Action#STOP} event with the element name as raw type. A
 * {@code smartType} element (smart-event posts, a guess from third-party parsers) becomes one
 * {@link Action#PULSE} event. {@code deviceInfo} may give {@code deviceName}, {@code ip},
 * {@code mac} and {@code channelId}; {@code currentTime} the time (all guesses). A {@code config}
 * document with none of these is a keepalive: a push with <b>no events</b>.
 *
 * <p>The JDK's DOM parser with document type declarations refused (no XXE, no entity expansion).
 * Thread-safe: one configured factory, a fresh builder per call.
 */
final class TvtXmlDecoder {

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

    private TvtXmlDecoder() {}

    /**
     * The alarm in {@code body} from byte {@code from} (its first significant byte), or {@code null} when the document is well-formed XML but not TVT's (its root is
     * not {@code config}).
     *
     * @throws MalformedAlarmException {@code invalid_xml} when the body is not well-formed XML
     *                                 or has a document type declaration
     */
    static @Nullable Alarm decode(byte[] body, int from) throws MalformedAlarmException {
        Element root = parse(body, from).getDocumentElement();
        if (root == null || !localName(root).equals("config")) {
            return null;
        }
        Element device = child(root, "deviceInfo");
        String deviceName = text(child(device, "deviceName"));
        String ip = text(child(device, "ip"));
        String mac = Macs.normalise(text(child(device, "mac")));
        String channel = text(child(device, "channelId"));
        if (channel != null && channel.length() > VigiDecoder.MAX_CHANNEL_CHARS) {
            channel = null;
        }
        LocalDateTime time = CameraTimes.parse(text(child(root, "currentTime")));
        List<AlarmEvent> events = new ArrayList<>();
        for (Node status = root.getFirstChild(); status != null; status = status.getNextSibling()) {
            if (status instanceof Element && localName(status).equals("alarmStatusInfo")) {
                for (Node alarm = status.getFirstChild(); alarm != null; alarm = alarm.getNextSibling()) {
                    if (alarm instanceof Element) {
                        addStatus(events, (Element) alarm, time, channel);
                    }
                }
            }
        }
        String smartType = text(child(root, "smartType"));
        if (smartType != null) {
            String type = VigiDecoder.checkType(smartType, "smartType");
            JsonObject json = new JsonObject();
            json.addProperty("smartType", type);
            addEvent(events, type, Action.PULSE, time, channel, json);
        }
        return new Alarm(
                Vendor.IVSEC,
                Format.TVT_XML,
                ip != null && ip.length() <= VigiDecoder.MAX_IP_CHARS ? ip : null,
                mac,
                deviceName,
                Collections.unmodifiableList(events),
                null);
    }

    private static void addStatus(
            List<AlarmEvent> events, Element alarm, @Nullable LocalDateTime time, @Nullable String channel)
            throws MalformedAlarmException {
        String value = text(alarm);
        Action action =
                "true".equalsIgnoreCase(value) ? Action.START : "false".equalsIgnoreCase(value) ? Action.STOP : null;
        if (action == null) {
            return;
        }
        String type = VigiDecoder.checkType(localName(alarm), "alarmStatusInfo element");
        JsonObject json = new JsonObject();
        json.addProperty("alarm", type);
        json.addProperty("value", value);
        NamedNodeMap attributes = alarm.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (!json.has(attribute.getNodeName())) {
                json.addProperty(attribute.getNodeName(), attribute.getNodeValue());
            }
        }
        addEvent(events, type, action, time, channel, json);
    }

    private static void addEvent(
            List<AlarmEvent> events,
            String type,
            Action action,
            @Nullable LocalDateTime time,
            @Nullable String channel,
            JsonObject json)
            throws MalformedAlarmException {
        if (events.size() == VigiDecoder.MAX_EVENTS) {
            throw new MalformedAlarmException(
                    "too_many_events", "more than " + VigiDecoder.MAX_EVENTS + " events in one push");
        }
        events.add(new AlarmEvent(type, EventTypes.canonical(type), action, time, channel, EventJson.of(json)));
    }

    private static Document parse(byte[] body, int from) throws MalformedAlarmException {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // DocumentBuilderFactory is not specified thread-safe
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(THROWING);
            // from the first significant byte: blanks or a byte order mark before <?xml are not well-formed
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

    /** The first child element with that local name, or {@code null}. */
    private static @Nullable Element child(@Nullable Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && localName(node).equals(name)) {
                return (Element) node;
            }
        }
        return null;
    }

    /**
     * The element's own text (its direct text children, not its descendants': {@code getTextContent}
     * recurses once per level and a hostile document can overflow the stack), stripped; {@code null}
     * when absent or blank.
     */
    private static @Nullable String text(@Nullable Element element) {
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

    /** The name without a namespace prefix (the factory is not namespace-aware). */
    private static String localName(Node node) {
        String name = node.getNodeName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** The JDK parser's limit on element nesting. */
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    static final int MAX_DEPTH = 32;

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
        // TVT documents are a few levels deep; a deeper one is an attack on the stack, refused while parsing
        factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }
}
