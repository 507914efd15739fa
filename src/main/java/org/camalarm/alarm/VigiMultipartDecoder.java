package org.camalarm.alarm;

import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.camalarm.alarm.MultipartReader.Part;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads a VIGI push with a snapshot: {@code multipart/form-data} with a JSON part (the document
 * {@link VigiDecoder} reads) and a JPEG part (docs/protocols.md §1.1).
 *
 * <p>Parts are told apart by content type and content, never by name (some firmware sends
 * parts without one): the JSON part is the first whose content type is JSON, or, without an
 * image or JSON content type, whose content starts with <code>{</code>; the image part is the
 * first with an {@code image/*} content type or, lacking one, containing the JPEG signature
 * {@code FF D8 FF}. Bytes before that signature are dropped; the image is the rest of the part,
 * byte for byte. An image part without the signature (or empty) gives no image but keeps the
 * event. Without a JSON part, a path event type makes the event; else the push is malformed.
 * Thread-safe (stateless).
 */
final class VigiMultipartDecoder {

    private VigiMultipartDecoder() {}

    static Alarm decode(byte[] body, MediaType type, @Nullable String pathEventType) throws MalformedAlarmException {
        List<Part> parts = MultipartReader.read(body, type.parameter("boundary"));
        Part json = null;
        int jpegStart = -1;
        int jpegEnd = -1;
        int jsonNumber = 0;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String contentType = part.contentType();
            boolean declaredImage = contentType.startsWith("image/");
            if (MediaType.isJsonType(contentType) || (!declaredImage && startsWithBrace(body, part))) {
                if (json == null) {
                    json = part;
                    jsonNumber = i + 1;
                }
            } else if (jpegStart < 0) {
                int soi = jpegStart(body, part.start(), part.end());
                if (soi >= 0) {
                    jpegStart = soi;
                    jpegEnd = part.end();
                }
            }
        }
        byte[] image = jpegStart < 0 ? null : Arrays.copyOfRange(body, jpegStart, jpegEnd);
        if (json == null) {
            if (pathEventType == null) {
                throw new MalformedAlarmException(
                        "missing_event_json",
                        "none of the " + parts.size()
                                + " multipart parts is JSON (Content-Type application/json or content starting with '{')");
            }
            return new Alarm(
                    Vendor.VIGI, Format.VIGI_MULTIPART, null, null, null, List.of(pathEvent(pathEventType)), image);
        }
        JsonObject root = Json.parseObject(body, json.start(), json.end(), "multipart part " + jsonNumber);
        return VigiDecoder.decode(root, pathEventType, image, Format.VIGI_MULTIPART);
    }

    private static AlarmEvent pathEvent(String type) {
        JsonObject json = new JsonObject();
        json.addProperty("event_type", type);
        return new AlarmEvent(type, EventTypes.canonical(type), Action.PULSE, null, null, EventJson.of(json));
    }

    private static boolean startsWithBrace(byte[] body, Part part) {
        for (int i = part.start(); i < part.end(); i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    /** Index of the first {@code FF D8 FF} (JPEG start of image and the next marker) or -1. */
    static int jpegStart(byte[] body, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            if (body[i] == (byte) 0xFF && body[i + 1] == (byte) 0xD8 && body[i + 2] == (byte) 0xFF) {
                return i;
            }
        }
        return -1;
    }
}
