package org.camalarm.alarm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import org.camalarm.text.StrictJson;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Strict JSON (RFC 8259) over request bytes, with Gson's tree model, and the few accessors the
 * decoders need to treat every field as possibly missing or of the wrong kind. Gson's own
 * exceptions never leave this class. Thread-safe.
 */
final class Json {

    private Json() {}

    /**
     * Parses {@code body[from, to)} as one UTF-8 JSON document (a leading byte order mark is
     * skipped); nesting is limited by Gson (255 levels).
     *
     * @param what names the bytes in the error detail ("body", "multipart part 1")
     * @throws MalformedAlarmException {@code invalid_json} when the bytes are not one JSON value
     */
    static JsonElement parse(byte[] body, int from, int to, String what) throws MalformedAlarmException {
        if (to - from >= 3
                && (body[from] & 0xff) == 0xef
                && (body[from + 1] & 0xff) == 0xbb
                && (body[from + 2] & 0xff) == 0xbf) {
            from += 3;
        }
        try {
            return StrictJson.parse(new String(body, from, to - from, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new MalformedAlarmException("invalid_json", what + " " + e.getMessage());
        }
    }

    /** Parses as {@link #parse} and requires an object. */
    static JsonObject parseObject(byte[] body, int from, int to, String what) throws MalformedAlarmException {
        JsonElement root = parse(body, from, to, what);
        if (!root.isJsonObject()) {
            throw new MalformedAlarmException(
                    "json_not_object", what + " is " + kind(root) + ", expected a JSON object");
        }
        return root.getAsJsonObject();
    }

    /** A primitive's text ({@code 1} for the number 1), or {@code null} for anything else. */
    static @Nullable String text(@Nullable JsonElement element) {
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    /** "an object", "an array", "a string", ... for error details. */
    static String kind(@Nullable JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        var primitive = element.getAsJsonPrimitive();
        return primitive.isString() ? "a string" : primitive.isNumber() ? "a number" : "a boolean";
    }
}
