package org.camalarm.alarm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Strict JSON (RFC 8259) over request bytes, with Gson's tree model, and the few accessors the
 * decoders need to treat every field as possibly missing or of the wrong kind. Gson's own
 * exceptions never leave this class. Thread-safe.
 */
final class Json {

    /** Longest part of Gson's syntax message quoted in an error detail (it may name client keys). */
    private static final int MAX_MESSAGE_CHARS = 72;
    /** How Gson words a strictness violation; the advice is for programmers, not cameras. */
    private static final String GSON_STRICT_HINT = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept ";

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
        JsonReader reader = new JsonReader(new StringReader(new String(body, from, to - from, StandardCharsets.UTF_8)));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw new MalformedAlarmException("invalid_json", what + " is not valid JSON: " + reason(e));
        }
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                return root;
            }
        } catch (IOException e) {
            // strict mode refuses a second value in the peek itself
        }
        throw new MalformedAlarmException("invalid_json", what + " has data after the JSON value");
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

    /** The innermost message's first line, without Gson's troubleshooting link, cut short. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        for (Throwable next = cause.getCause(); next != null && next != cause; next = cause.getCause()) {
            cause = next;
        }
        String given = cause.getMessage();
        String message = given == null ? cause.getClass().getSimpleName() : given;
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.startsWith(GSON_STRICT_HINT)) {
            message = message.substring(GSON_STRICT_HINT.length()); // "malformed JSON at line ..."
        }
        return message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "..." : message;
    }
}
