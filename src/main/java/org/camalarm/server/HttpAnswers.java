package org.camalarm.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.server.AlarmEndpoint.Answer;

/**
 * The answers every camalarm servlet gives the same way: JSON errors, and one 404 for anything
 * that does not exist — a wrong token included, so a token cannot be told from a bad path.
 */
public final class HttpAnswers {

    private HttpAnswers() {}

    public static void notFound(HttpServletResponse response) throws IOException {
        send(response, AlarmEndpoint.NOT_FOUND_ANSWER);
    }

    /** {@code {"error": error, "detail": detail}} with the status. */
    public static void error(HttpServletResponse response, int status, String error, String detail) throws IOException {
        send(response, Answer.error(status, error, detail));
    }

    public static void json(HttpServletResponse response, int status, String json) throws IOException {
        send(response, Answer.json(status, json.getBytes(StandardCharsets.UTF_8)));
    }

    static void send(HttpServletResponse response, Answer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.allow() != null) {
            response.setHeader("Allow", answer.allow());
        }
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
