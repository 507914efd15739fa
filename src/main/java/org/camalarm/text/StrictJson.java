package org.camalarm.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * One strict JSON (RFC 8259) value, with Gson's tree model: no unquoted keys or strings, no
 * comments, no NaN, no second value. Gson's lenient default took {@code {id:'x'}} and answered bad
 * input with advice for programmers; here a refusal says what is wrong in a short phrase, for the
 * caller to put after its subject ("the body is not valid JSON: ..."). Thread-safe.
 */
public final class StrictJson {

    /** Longest part of Gson's syntax message quoted (it may name client keys). */
    private static final int MAX_MESSAGE_CHARS = 72;
    /** How Gson words a strictness violation; the advice is for programmers, not clients. */
    private static final String GSON_STRICT_HINT = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept ";

    private StrictJson() {}

    /**
     * Parses {@code text} as one JSON value; nesting is limited by Gson (255 levels).
     *
     * @throws JsonParseException whose message is "is not valid JSON: {reason}" or "has data after
     *                            the JSON value"
     */
    public static JsonElement parse(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw new JsonParseException("is not valid JSON: " + reason(e));
        }
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                return root;
            }
        } catch (IOException e) {
            // strict mode refuses a second value in the peek itself
        }
        throw new JsonParseException("has data after the JSON value");
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
