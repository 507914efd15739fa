package org.camalarm.http;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
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

    /**
     * 404 {@code not_found} saying what is not there, for a resource whose path was right: an
     * unknown event, rule, thing or inbox entry (behind the API's token, so it gives nothing away).
     */
    public static void notFound(HttpServletResponse response, String detail) throws IOException {
        send(response, Answer.error(404, "not_found", detail));
    }

    /** {@code {"error": error, "detail": detail}} with the status. */
    public static void error(HttpServletResponse response, int status, String error, String detail) throws IOException {
        send(response, Answer.error(status, error, detail));
    }

    public static void json(HttpServletResponse response, int status, String json) throws IOException {
        send(response, Answer.json(status, json));
    }

    /**
     * The request's body broke off (fewer bytes than declared, a broken chunk, the connection's idle
     * timeout while waiting for the rest): 408 for a timeout, else 400, if an answer can still be
     * sent. A client's failing, not the hub's: the caller logs it at DEBUG.
     */
    public static void incompleteBody(HttpServletResponse response, IOException broken) {
        if (response.isCommitted()) {
            return;
        }
        boolean timeout = false;
        for (Throwable cause = broken; cause != null && !timeout; cause = cause.getCause()) {
            timeout = cause instanceof TimeoutException;
        }
        try {
            send(
                    response,
                    timeout
                            ? Answer.error(408, "body_timeout", "the rest of the body did not come in time")
                            : Answer.error(400, "incomplete_body", "the body ended before it was complete"));
        } catch (IOException | RuntimeException gone) {
            // the client has gone: nobody to answer
        }
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
