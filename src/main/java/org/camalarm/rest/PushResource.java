package org.camalarm.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.http.HttpAnswers;
import org.camalarm.push.PushResult;
import org.camalarm.push.SwitchState;
import org.camalarm.target.PushTargetHandler;
import org.camalarm.text.StrictJson;
import org.camalarm.thing.ThingHandler;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands and tests of push targets over REST, answered with the push's outcome:
 * {@code {success, reason, detail, status, latencyMs, body, confirmed, state}} where {@code reason}
 * tells an unreachable device (refused, timeout, DNS, TLS) from a rejected command (error status or
 * error body), a reply without HTTP status, failed authentication, and a command the device did not
 * carry out ({@code NOT_CONFIRMED}); {@code confirmed} is true, false or null (unknown) and
 * {@code state} the device's state read back afterwards ({@code ON}, {@code OFF} or null).
 */
final class PushResource {

    private static final Logger LOGGER = LoggerFactory.getLogger(PushResource.class);

    private static final int MAX_COMMAND_BYTES = 4096;
    /** Longer than any push takes: the push client ends every push within twice the device timeout. */
    private static final long WAIT_SECONDS = 1300;

    private PushResource() {}

    /** {@code POST things/{uid}/channels/{channelId}} with the command as body (text, or {"command": "..."}). */
    static void command(
            Optional<ThingHandler> handler, String channelId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PushTargetHandler target = target(handler, response);
        if (target != null) {
            String command = command(request);
            if (command == null) {
                HttpAnswers.error(response, 400, "missing_command", "send the command as the body, e.g. ON");
                return;
            }
            answer(target.command(channelId, command), response);
        }
    }

    /** {@code POST things/{uid}/test}, optionally naming a command; ignores the minimum interval. */
    static void test(Optional<ThingHandler> handler, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PushTargetHandler target = target(handler, response);
        if (target != null) {
            answer(target.test(command(request)), response);
        }
    }

    private static @Nullable PushTargetHandler target(Optional<ThingHandler> handler, HttpServletResponse response)
            throws IOException {
        if (handler.isEmpty()) {
            HttpAnswers.notFound(response);
            return null;
        }
        if (!(handler.get() instanceof PushTargetHandler target)) {
            HttpAnswers.error(
                    response, 400, "not_a_push_target", handler.get().thing().uid() + " takes no commands");
            return null;
        }
        return target;
    }

    /** The body as a command: plain text, or a JSON object's "command"; {@code null} when empty. */
    private static @Nullable String command(HttpServletRequest request) throws IOException {
        String body = ConfigBodies.body(request, MAX_COMMAND_BYTES).trim();
        if (body.startsWith("{")) {
            JsonElement command = StrictJson.parse(body).getAsJsonObject().get("command");
            if (command != null && !command.isJsonNull() && !command.isJsonPrimitive()) {
                throw new IllegalArgumentException("\"command\" must be a string such as \"ON\"");
            }
            body = command == null || command.isJsonNull()
                    ? ""
                    : command.getAsString().trim();
        }
        return body.isEmpty() ? null : body;
    }

    private static void answer(CompletableFuture<PushResult> pending, HttpServletResponse response) throws IOException {
        PushResult result;
        try {
            result = pending.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpAnswers.error(response, 503, "interrupted", "the hub is stopping");
            return;
        } catch (TimeoutException e) {
            HttpAnswers.error(response, 504, "no_outcome", "the push did not finish");
            return;
        } catch (ExecutionException e) { // a push reports its failures as results: this is a defect of ours
            LOGGER.warn("A push failed unexpectedly", e.getCause());
            HttpAnswers.error(response, 500, "internal_error", "the push failed inside the hub; see its log");
            return;
        }
        JsonObject json = new JsonObject();
        json.addProperty("success", result.success());
        json.addProperty("reason", result.reason().name());
        json.addProperty("detail", result.detail());
        json.addProperty("status", result.status());
        json.addProperty("latencyMs", result.latencyMs());
        json.addProperty("body", result.body());
        json.addProperty("confirmed", result.confirmed().asBoolean());
        SwitchState state = result.state();
        json.addProperty("state", state == null ? null : state.name());
        HttpAnswers.json(response, 200, json.toString());
    }
}
