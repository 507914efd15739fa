package org.camalarm.http;

import java.io.IOException;
import javax.servlet.http.HttpServletResponse;

/**
 * Writing {@link Answer}s from servlets, the same way for every camalarm servlet: JSON errors,
 * and one 404 for anything that does not exist — a wrong token included, so a token cannot be told
 * from a bad path.
 */
public final class HttpAnswers {

    private HttpAnswers() {}

    public static void notFound(HttpServletResponse response) throws IOException {
        send(response, Answer.NOT_FOUND);
    }

    /** {@code {"error": error, "detail": detail}} with the status. */
    public static void error(HttpServletResponse response, int status, String error, String detail) throws IOException {
        send(response, Answer.error(status, error, detail));
    }

    public static void json(HttpServletResponse response, int status, String json) throws IOException {
        send(response, Answer.json(status, json));
    }

    public static void send(HttpServletResponse response, Answer answer) throws IOException {
        response.setStatus(answer.status());
        String allow = answer.allow();
        if (allow != null) {
            response.setHeader("Allow", allow);
        }
        for (Answer.Header header : answer.headers()) {
            response.addHeader(header.name(), header.value());
        }
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
