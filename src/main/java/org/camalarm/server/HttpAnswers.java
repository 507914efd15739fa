package org.camalarm.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonObject;

/**
 * The answers every camalarm servlet gives the same way: JSON errors, and one 404 for anything
 * that does not exist — a wrong token included, so a token cannot be told from a bad path.
 */
public final class HttpAnswers {

    private static final byte[] NOT_FOUND = "{\"error\":\"not_found\",\"detail\":\"no such resource\"}"
            .getBytes(StandardCharsets.UTF_8);

    private HttpAnswers() {
    }

    public static void notFound(HttpServletResponse response) throws IOException {
        send(response, HttpServletResponse.SC_NOT_FOUND, NOT_FOUND);
    }

    /** {@code {"error": error, "detail": detail}} with the status. */
    public static void error(HttpServletResponse response, int status, String error, String detail) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("error", error);
        json.addProperty("detail", detail);
        send(response, status, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static void json(HttpServletResponse response, int status, String json) throws IOException {
        send(response, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
