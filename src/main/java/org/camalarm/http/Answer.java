package org.camalarm.http;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An HTTP answer as camalarm gives it, whatever carries it (a servlet, the lenient listener):
 * status, content type, body, and an {@code Allow} header for 405.
 */
public record Answer(
        int status,
        String contentType,
        byte[] body,
        @Nullable String allow) {

    public static final String JSON = "application/json;charset=utf-8";
    private static final byte[] NOT_FOUND_BODY =
            "{\"error\":\"not_found\",\"detail\":\"no such resource\"}".getBytes(StandardCharsets.UTF_8);
    /** The one 404 for anything under {@code /camalarm/} that does not exist, a wrong alarm token included. */
    public static final Answer NOT_FOUND = json(404, NOT_FOUND_BODY);

    public static Answer json(int status, byte[] body) {
        return new Answer(status, JSON, body, null);
    }

    public static Answer json(int status, String json) {
        return json(status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"error": error, "detail": detail}}: a short code and one sentence for a person. */
    public static Answer error(int status, String error, String detail) {
        JsonObject json = new JsonObject();
        json.addProperty("error", error);
        json.addProperty("detail", detail);
        return json(status, json.toString());
    }
}
