package org.camalarm.alarm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * Serialises one event "as received" for the {@code lastEventData} channel, at most
 * {@value #MAX_BYTES} bytes of UTF-8. An event that would be longer keeps its small members and
 * has each long value (VIGI's {@code extra_text} with many rectangles, typically) replaced by a
 * {@code "[truncated: N chars]"} string; members that still do not fit are dropped and
 * {@code "truncated":true} is added. Thread-safe.
 */
final class EventJson {

    static final int MAX_BYTES = 4096;
    /** A value serialised longer than this is replaced when the whole event is too long. */
    static final int MAX_VALUE_CHARS = 256;
    /** A member name longer than this is dropped when the whole event is too long. */
    static final int MAX_NAME_CHARS = 64;
    /** Room kept for {@code ,"truncated":true} and the braces. */
    private static final int RESERVE = 24;

    private EventJson() {}

    static String of(JsonObject event) {
        String json = event.toString();
        if (json.length() <= MAX_BYTES / 3 || utf8Length(json) <= MAX_BYTES) {
            return json; // a UTF-16 char never takes more than 3 UTF-8 bytes
        }
        JsonObject small = new JsonObject();
        int bytes = 2;
        boolean dropped = false;
        for (Map.Entry<String, JsonElement> member : event.entrySet()) {
            String name = member.getKey();
            if (name.length() > MAX_NAME_CHARS) {
                dropped = true;
                continue;
            }
            JsonElement value = member.getValue();
            String valueJson = value.toString();
            if (valueJson.length() > MAX_VALUE_CHARS) {
                value = new JsonPrimitive("[truncated: " + valueJson.length() + " chars]");
                valueJson = value.toString();
            }
            int memberBytes = utf8Length(new JsonPrimitive(name).toString()) + utf8Length(valueJson) + 2;
            if (bytes + memberBytes > MAX_BYTES - RESERVE) {
                dropped = true;
                continue;
            }
            small.add(name, value);
            bytes += memberBytes;
        }
        if (dropped) {
            small.addProperty("truncated", true);
        }
        return small.toString();
    }

    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
