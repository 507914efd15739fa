package org.camalarm.http;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An HTTP answer as camalarm gives it, whatever carries it (a servlet, the lenient listener):
 * status, content type, body, an {@code Allow} header for 405, and any other headers in order
 * ({@code WWW-Authenticate} for 401, {@code Retry-After} for 429).
 */
public record Answer(
        int status,
        String contentType,
        byte[] body,
        @Nullable String allow,
        List<Header> headers) {

    /** One more response header; a name may come more than once. */
    public record Header(String name, String value) {}

    public Answer(int status, String contentType, byte[] body, @Nullable String allow) {
        this(status, contentType, body, allow, List.of());
    }

    /** This answer with {@code more} headers after its own. */
    public Answer with(List<Header> more) {
        List<Header> all = new java.util.ArrayList<>(headers);
        all.addAll(more);
        return new Answer(status, contentType, body, allow, List.copyOf(all));
    }

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

    /** 405 with {@code Allow}: the resource exists, but not for this method. */
    public static Answer methodNotAllowed(String allow, String detail) {
        Answer refused = error(405, "method_not_allowed", detail);
        return new Answer(405, refused.contentType(), refused.body(), allow);
    }
}
