package org.camalarm.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.auth.ApiAccess;
import org.camalarm.camera.CameraChannels;
import org.camalarm.history.EventHistory;
import org.camalarm.http.HttpAnswers;
import org.camalarm.inbox.Inbox;
import org.camalarm.inbox.InboxEntry;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /camalarm/api/}, behind {@code Authorization: Bearer <apiToken>}.
 *
 * <pre>
 * GET  things                      all things, openHAB's JSON shape
 * GET  things/{thingUID}           one thing with its channels and states
 * GET  things/{thingUID}/image     the camera's latest snapshot (image/jpeg)
 * GET  inbox                       cameras that pushed but match no thing
 * POST inbox/{thingUID}/approve    make an inbox entry a thing (optional body {"label": "..."})
 * POST things/{thingUID}/channels/{channelId}   send a command (body: ON, OFF, TOGGLE, PULSE, …)
 * POST things/{thingUID}/test      test a push target (optional body: a command name)
 * GET  events…, DELETE events/{id}  the event history ({@link EventsResource})
 * </pre>
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("camalarm-api")
@HttpWhiteboardServletPattern("/camalarm/api/*")
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(ApiServlet.class);
    private static final int MAX_REQUEST_BODY = 64 * 1024;

    private final transient ApiAccess access;
    private final transient ThingRegistry registry;
    private final transient Inbox inbox;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile @Nullable EventHistory history;

    @Activate
    public ApiServlet(@Reference ApiAccess access, @Reference ThingRegistry registry, @Reference Inbox inbox) {
        this.access = access;
        this.registry = registry;
        this.inbox = inbox;
    }

    @NonNullByDefault({}) // the servlet API says nothing of nullness
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!access.authorised(request)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"camalarm\"");
            HttpAnswers.error(
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "unauthorized",
                    "send Authorization: Bearer <apiToken>, the apiToken of camalarm.server.cfg or of the"
                            + " tokens file the hub names in its start log");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        String[] path = segments(request.getPathInfo());
        String method = request.getMethod();
        try {
            if (matches(path, "things") && "GET".equals(method)) {
                JsonArray things = new JsonArray();
                registry.all(ThingHandler.class).forEach(h -> things.add(ThingJson.thing(h.thing())));
                HttpAnswers.json(response, 200, ThingJson.toJson(things));
            } else if (matches(path, "things", null) && "GET".equals(method)) {
                Optional<ThingHandler> handler = thing(path[1]);
                if (handler.isPresent()) {
                    HttpAnswers.json(
                            response,
                            200,
                            ThingJson.toJson(ThingJson.thing(handler.get().thing())));
                } else {
                    HttpAnswers.notFound(response);
                }
            } else if (matches(path, "things", null, "image") && "GET".equals(method)) {
                image(path[1], response);
            } else if (matches(path, "things", null, "channels", null) && "POST".equals(method)) {
                PushResource.command(thing(path[1]), path[3], request, response);
            } else if (matches(path, "things", null, "test") && "POST".equals(method)) {
                PushResource.test(thing(path[1]), request, response);
            } else if (matches(path, "inbox") && "GET".equals(method)) {
                JsonArray entries = new JsonArray();
                inbox.entries().forEach(e -> entries.add(ThingJson.inboxEntry(e)));
                HttpAnswers.json(response, 200, ThingJson.toJson(entries));
            } else if (matches(path, "inbox", null) && "DELETE".equals(method)) {
                if (inbox.ignore(ThingUID.parse(path[1]))) {
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else {
                    HttpAnswers.notFound(response);
                }
            } else if (matches(path, "inbox", null, "approve") && "POST".equals(method)) {
                approve(path[1], request, response);
            } else if (path.length > 0 && "events".equals(path[0])) {
                EventsResource.serve(history, path, String.valueOf(method), request, response);
            } else {
                HttpAnswers.notFound(response);
            }
        } catch (JsonParseException e) {
            Throwable wrapped = e.getCause();
            Throwable cause = wrapped != null ? wrapped : e;
            HttpAnswers.error(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "invalid_json",
                    "the body is not valid JSON: "
                            + String.valueOf(cause.getMessage()).replaceFirst("^[\\w.$]+(Exception|Error): ", ""));
        } catch (IllegalArgumentException e) {
            HttpAnswers.error(
                    response, HttpServletResponse.SC_BAD_REQUEST, "bad_request", String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // a defect of ours: the caller gets a clean answer, the log gets the trace
            LOGGER.warn("REST {} {} failed", method, request.getPathInfo(), e);
            HttpAnswers.error(
                    response,
                    HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "internal_error",
                    "the hub could not complete this request; see its log");
        }
    }

    private Optional<ThingHandler> thing(String uid) {
        return registry.byUID(ThingUID.parse(uid));
    }

    private void image(String uid, HttpServletResponse response) throws IOException {
        Optional<ThingHandler> handler = thing(uid);
        Thing thing = handler.isPresent() ? handler.get().thing() : null;
        State image = thing != null && thing.hasChannel(CameraChannels.IMAGE)
                ? thing.state(CameraChannels.IMAGE)
                : State.NULL;
        byte[] bytes = image.raw();
        String mimeType = image.mimeType();
        if (bytes == null || mimeType == null) {
            HttpAnswers.error(
                    response,
                    HttpServletResponse.SC_NOT_FOUND,
                    "no_image",
                    handler.isEmpty() ? "no such thing" : "this thing has no snapshot yet");
            return;
        }
        response.setStatus(200);
        response.setContentType(mimeType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void approve(String uid, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String label = null;
        byte[] body = request.getInputStream().readNBytes(MAX_REQUEST_BODY);
        if (body.length > 0) {
            JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw new IllegalArgumentException("the body must be a JSON object such as {\"label\":\"Shed\"}");
            }
            JsonElement value = json.getAsJsonObject().get("label");
            label = value != null && value.isJsonPrimitive() ? value.getAsString() : null;
        }
        ThingUID thingUID = ThingUID.parse(uid);
        Optional<ThingHandler> existing = registry.byId(thingUID.thingId());
        if (existing.isPresent()) {
            HttpAnswers.error(
                    response,
                    HttpServletResponse.SC_CONFLICT,
                    "thing_exists",
                    "thing id " + thingUID.thingId() + " is already used by "
                            + existing.get().thing().uid());
            return;
        }
        Optional<InboxEntry> approved = inbox.approve(thingUID, label);
        if (approved.isEmpty()) {
            HttpAnswers.notFound(response);
            return;
        }
        LOGGER.debug("Inbox entry {} approved over REST", uid);
        JsonObject json = new JsonObject();
        json.addProperty("thingUID", uid);
        HttpAnswers.json(response, 200, json.toString());
    }

    private static String[] segments(@Nullable String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return new String[0];
        }
        String trimmed = pathInfo.endsWith("/") ? pathInfo.substring(1, pathInfo.length() - 1) : pathInfo.substring(1);
        return trimmed.split("/", -1);
    }

    /** Whether the path has exactly these segments; {@code null} matches any non-empty segment. */
    private static boolean matches(String[] path, String... pattern) {
        if (path.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i] == null ? path[i].isEmpty() : !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }
}
