package org.camalarm.alarm;

import com.google.gson.JsonObject;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.camalarm.alarm.MultipartReader.Part;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Element;

/**
 * Reads a push with a snapshot: {@code multipart/form-data} with a document part and a JPEG part.
 * VIGI cameras and NVRs send a JSON document (docs/protocols.md §1.1, docs/devices.md), Hikvision an
 * {@code EventNotificationAlert} XML (§3.7).
 *
 * <p>Parts are told apart by content type and content, never by name (some firmware sends parts
 * without one, Hikvision names them after the event): the JSON part is the first whose content
 * type is JSON or, without an image content type, whose content starts with <code>{</code>; the
 * XML part likewise with an XML type or {@code <}; the image part is the first other part with an
 * {@code image/*} content type or, lacking one, containing the JPEG signature {@code FF D8 FF}.
 * Bytes before that signature are dropped; the image is the rest of the part, byte for byte. An
 * image part without the signature (or empty) gives no image but keeps the event. JSON wins over
 * XML. Without either, a path event type makes the event; else the push is malformed.
 * Thread-safe (stateless).
 */
final class MultipartDecoder {

    private MultipartDecoder() {}

    static Alarm decode(byte[] body, MediaType type, @Nullable String pathEventType, ZoneId zone)
            throws MalformedAlarmException {
        List<Part> parts = MultipartReader.read(body, type.parameter("boundary"));
        Part json = null;
        Part xml = null;
        int jsonNumber = 0;
        int jpegStart = -1;
        int jpegEnd = -1;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String contentType = part.contentType();
            boolean declaredImage = contentType.startsWith("image/");
            int first = declaredImage ? -1 : firstSignificant(body, part);
            if (MediaType.isJsonType(contentType) || first == '{') {
                if (json == null) {
                    json = part;
                    jsonNumber = i + 1;
                }
            } else if (MediaType.isXmlType(contentType) || first == '<') {
                if (xml == null) {
                    xml = part;
                }
            } else if (jpegStart < 0) {
                int soi = Snapshots.jpegStart(body, part.start(), part.end());
                if (soi >= 0) {
                    jpegStart = soi;
                    jpegEnd = part.end();
                }
            }
        }
        ImageBytes image = jpegStart < 0 ? null : ImageBytes.of(body, jpegStart, jpegEnd);
        if (json != null) {
            JsonObject root = Json.parseObject(body, json.start(), json.end(), "multipart part " + jsonNumber);
            return VigiNvrDecoder.recognises(root) && !root.has("event_list")
                    ? VigiNvrDecoder.decode(root, pathEventType, image, Format.VIGI_NVR_MULTIPART)
                    : VigiDecoder.decode(root, pathEventType, image, Format.VIGI_MULTIPART);
        }
        if (xml != null) {
            int from = xml.start();
            while (from < xml.end() && isBlank(body[from])) {
                from++;
            }
            Element root = XmlDocuments.parse(Arrays.copyOfRange(body, from, xml.end()), 0)
                    .getDocumentElement();
            if (root != null && HikvisionDecoder.recognises(root)) {
                return HikvisionDecoder.decode(root, zone, image, Format.HIKVISION_MULTIPART);
            }
            if (pathEventType == null) {
                throw new UnknownDocumentException(root == null ? "" : XmlDocuments.localName(root));
            }
        }
        if (pathEventType == null) {
            throw new MalformedAlarmException(
                    "missing_event_document",
                    "none of the " + parts.size()
                            + " multipart parts is JSON or XML (by Content-Type, or content starting with '{' or '<')");
        }
        return new Alarm(
                Vendor.VIGI, Format.VIGI_MULTIPART, null, null, null, List.of(pathEvent(pathEventType)), image);
    }

    private static AlarmEvent pathEvent(String type) {
        JsonObject json = new JsonObject();
        json.addProperty("event_type", type);
        return new AlarmEvent(type, EventTypes.canonical(type), Action.PULSE, null, null, EventJson.of(json));
    }

    /** The part's first byte that is not a blank, or -1. */
    private static int firstSignificant(byte[] body, Part part) {
        for (int i = part.start(); i < part.end(); i++) {
            if (!isBlank(body[i])) {
                return body[i];
            }
        }
        return -1;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
