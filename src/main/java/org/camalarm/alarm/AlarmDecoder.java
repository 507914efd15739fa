package org.camalarm.alarm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.IvsecDecoder.Fields;
import org.camalarm.text.Texts;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Element;

/**
 * Turns one HTTP request from a camera into an {@link Alarm}, recognising the format from the
 * request itself (Content-Type, body, query), never from the URL path alone (docs/protocols.md §1):
 * <ol>
 * <li>{@code multipart/*}: a push with a snapshot, VIGI's JSON or Hikvision's XML beside a JPEG
 * ({@link MultipartDecoder});</li>
 * <li>a JSON body (declared by Content-Type, or a body starting with <code>{</code>, even one declared
 * a form, which is what {@code curl -d} declares): with an
 * {@code event_list}, a VIGI camera push ({@link VigiDecoder}); with {@code messages} or
 * {@code device_id}, a VIGI NVR push ({@link VigiNvrDecoder}); else iVSEC fields in it;</li>
 * <li>an XML body (declared, or starting with {@code <}): root {@code config} or {@code DeviceInfo},
 * TVT ({@link TvtXmlDecoder}), possibly a keepalive with <b>no events</b>; root
 * {@code EventNotificationAlert}, Hikvision ({@link HikvisionDecoder});</li>
 * <li>an empty body declared as XML: a TVT keepalive;</li>
 * <li>a body whose first line is {@code --boundary} followed by a part header, sent without its
 * multipart Content-Type: multipart all the same;</li>
 * <li>any other body is read as a form; its iVSEC fields, then the query's, field by field
 * ({@link IvsecDecoder});</li>
 * <li>nothing of the above: a fixed-path push. The path's event type, else {@code ALARM} when the
 * path names a thing, makes one {@link AlarmEvent.Action#PULSE} iVSEC event (or START/STOP when
 * the query has {@code EventAction}).</li>
 * </ol>
 * A well-formed JSON or XML document of a shape none of these knows is no fixed-path push: it
 * throws {@link UnknownDocumentException} (answered 2xx, firing nothing), unless the query has
 * iVSEC fields or the path names an event type (then the request says what it means).
 * The path's event type never overrides a type the body names; it applies when the body names
 * none. A declared JSON or XML body that cannot be parsed is malformed; a merely sniffed one that
 * cannot be parsed counts as no body.
 *
 * <p>Times that carry their instant (epoch time, an ISO offset) are given as wall time in the
 * decoder's zone, the hub's, like the local times cameras send.
 *
 * <p>Contract: for any request whose components are {@code null} or hold any bytes, {@code decode}
 * returns a push or throws {@link MalformedAlarmException}, nothing else. Error details name the
 * field or byte offset and quote at most {@value #MAX_QUOTED_CHARS} characters of client data.
 * Stateless and thread-safe: one instance may serve all requests.
 */
public final class AlarmDecoder {

    /** Longest piece of client data quoted in an error detail. */
    static final int MAX_QUOTED_CHARS = 40;

    private static final byte[] NO_BODY = new byte[0];

    private final ZoneId zone;

    /** A decoder giving times in the system's zone. */
    public AlarmDecoder() {
        this(ZoneId.systemDefault());
    }

    /** @param zone the hub's zone, in which times with an offset or epoch times are given */
    public AlarmDecoder(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @throws MalformedAlarmException when the request is no camera alarm this decoder knows; its
     *                                 {@link MalformedAlarmException#error() error} is a short code
     *                                 ({@code invalid_json}, {@code truncated_multipart},
     *                                 {@code unrecognised_alarm}, ...); an
     *                                 {@link UnknownDocumentException} for a well-formed document
     *                                 of an unknown shape
     */
    public Alarm decode(AlarmRequest request) throws MalformedAlarmException {
        byte @Nullable [] given = request.body();
        byte[] body = given == null ? NO_BODY : given;
        MediaType type = MediaType.parse(request.contentType());
        String pathType = pathEventType(request.pathEventType());
        if (type.isMultipart()) {
            return MultipartDecoder.decode(body, type, pathType, zone);
        }
        MediaType sniffedMultipart = type.isJson() || type.isXml() ? null : sniffedMultipart(body);
        if (sniffedMultipart != null) {
            return MultipartDecoder.decode(body, sniffedMultipart, pathType, zone);
        }
        Fields queryFields = Fields.of(FormData.parse(request.query()));
        Fields bodyFields = Fields.NONE;
        String unread = null; // why a body that looked like JSON or XML was not used
        UnknownDocumentException unknown = null;
        int first = firstSignificantByte(body);
        if (first < 0) {
            if (type.isXml() && queryFields.isEmpty() && pathType == null) {
                return TvtXmlDecoder.keepalive();
            }
        } else {
            byte b = body[first];
            // undeclared, or declared a form (curl -d's default) yet a document: judge by content (a
            // declared form that is no document is read as the form it said it was)
            boolean sniff = !type.isJson() && !type.isXml();
            if (type.isJson() || (sniff && b == '{')) {
                JsonObject root = jsonObject(body, type.isJson());
                if (root == null && type.isForm()) {
                    bodyFields = Fields.of(FormData.parse(body)); // a form after all
                } else if (root == null) {
                    unread = "the body starts with '{' but is not a JSON object";
                } else if (root.has("event_list")) {
                    return VigiDecoder.decode(root, pathType, null, Format.VIGI_JSON);
                } else if (VigiNvrDecoder.recognises(root)) {
                    return VigiNvrDecoder.decode(root, pathType, null, Format.VIGI_NVR_JSON);
                } else {
                    bodyFields = Fields.ofJson(root);
                    if (bodyFields.isEmpty() && !root.isEmpty()) {
                        unknown = new UnknownDocumentException(UnknownDocumentException.JSON_OBJECT);
                    }
                }
            } else if (type.isXml() || (sniff && b == '<')) {
                Base64Pictures pictures = Base64Pictures.cut(body, first);
                Element root = xmlRoot(pictures.document(), type.isXml());
                if (root == null && type.isForm()) {
                    bodyFields = Fields.of(FormData.parse(body)); // a form after all
                } else if (root == null) {
                    unread = "the body starts with '<' but is not well-formed XML";
                } else {
                    Alarm tvt = TvtXmlDecoder.decode(root, zone, pictures);
                    if (tvt != null) {
                        return tvt;
                    }
                    if (HikvisionDecoder.recognises(root)) {
                        return HikvisionDecoder.decode(root, zone, null, Format.HIKVISION_XML);
                    }
                    unknown = new UnknownDocumentException(XmlDocuments.localName(root));
                }
            } else {
                bodyFields = Fields.of(FormData.parse(body));
            }
        }
        Fields fields = bodyFields.or(queryFields);
        if (unknown != null && fields.isEmpty() && pathType == null) {
            throw unknown;
        }
        String thingId = request.thingId();
        String fallbackType =
                pathType != null ? pathType : thingId != null && !thingId.isBlank() ? EventTypes.ALARM : null;
        if (fields.isEmpty() && fallbackType == null) {
            throw unrecognised(request, body.length, unread);
        }
        return IvsecDecoder.decode(fields, fallbackType);
    }

    /**
     * A multipart body sent without its Content-Type (none, a form's, octet-stream): its first line
     * is {@code --boundary} and the next one a part header. Then the boundary is read from that line.
     */
    private static @Nullable MediaType sniffedMultipart(byte[] body) {
        if (body.length < 4 || body[0] != '-' || body[1] != '-') { // most bodies: one look
            return null;
        }
        int lineEnd = 2;
        while (lineEnd < body.length && lineEnd <= MultipartReader.MAX_BOUNDARY_CHARS + 2 && body[lineEnd] > ' ') {
            lineEnd++;
        }
        if (lineEnd == 2 || lineEnd == body.length) {
            return null;
        }
        int next = body[lineEnd] == '\r' ? lineEnd + 1 : lineEnd;
        if (next >= body.length || body[next] != '\n' || !startsWithIgnoreCase(body, next + 1, "content-")) {
            return null;
        }
        String boundary = new String(body, 2, lineEnd - 2, StandardCharsets.US_ASCII);
        return new MediaType("multipart/form-data", Map.of("boundary", boundary));
    }

    private static boolean startsWithIgnoreCase(byte[] body, int at, String prefix) {
        if (at + prefix.length() > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) body[at + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The parsed object; {@code null} when a sniffed body is not one (a declared one throws). */
    private static @Nullable JsonObject jsonObject(byte[] body, boolean declared) throws MalformedAlarmException {
        try {
            JsonElement root = Json.parse(body, 0, body.length, "body");
            if (root.isJsonObject()) {
                return root.getAsJsonObject();
            }
            if (declared) {
                throw new MalformedAlarmException(
                        "json_not_object", "body is " + Json.kind(root) + ", expected a JSON object");
            }
            return null;
        } catch (MalformedAlarmException e) {
            if (declared) {
                throw e;
            }
            return null;
        }
    }

    /** The document's root; {@code null} when a sniffed body is not XML (a declared one throws). */
    private static @Nullable Element xmlRoot(byte[] document, boolean declared) throws MalformedAlarmException {
        try {
            return XmlDocuments.parse(document, 0).getDocumentElement();
        } catch (MalformedAlarmException e) {
            if (declared) {
                throw e;
            }
            return null;
        }
    }

    private static @Nullable String pathEventType(@Nullable String pathEventType) throws MalformedAlarmException {
        if (pathEventType == null || pathEventType.isBlank()) {
            return null;
        }
        return VigiDecoder.checkType(pathEventType.strip(), "the event type in the URL path");
    }

    /** Index of the first byte that is not whitespace or a UTF-8 byte order mark, or -1. */
    private static int firstSignificantByte(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf
                ? 3
                : 0;
        for (; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
        }
        return -1;
    }

    private static MalformedAlarmException unrecognised(AlarmRequest request, int bodyLength, @Nullable String unread) {
        String contentType = request.contentType() == null
                ? "no Content-Type"
                : "Content-Type " + Texts.quoted(request.contentType(), AlarmDecoder.MAX_QUOTED_CHARS);
        return new MalformedAlarmException(
                "unrecognised_alarm",
                "expected a VIGI JSON or multipart body, iVSEC EventType in the query, form or JSON body, TVT or"
                        + " Hikvision XML;"
                        + " got "
                        + (request.method() == null
                                ? "a request"
                                : Texts.quoted(request.method(), AlarmDecoder.MAX_QUOTED_CHARS))
                        + " with " + contentType + " and " + bodyLength + " body bytes"
                        + (unread == null ? "" : " (" + unread + ")")
                        + ", and the URL path names neither a thing nor an event type");
    }
}
