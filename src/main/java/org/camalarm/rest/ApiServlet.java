package org.camalarm.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.auth.ApiAccess;
import org.camalarm.auth.Sessions;
import org.camalarm.camera.AlarmRouter;
import org.camalarm.camera.CameraChannels;
import org.camalarm.config.ConfigReader;
import org.camalarm.history.EventHistory;
import org.camalarm.http.HttpAnswers;
import org.camalarm.http.HubEndpoints;
import org.camalarm.http.Routes;
import org.camalarm.image.ImageBytes;
import org.camalarm.inbox.Inbox;
import org.camalarm.live.LiveEvents;
import org.camalarm.server.ServerSettings;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingHandler;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /camalarm/api/}, behind {@code Authorization: Bearer <apiToken>}.
 *
 * <pre>
 * GET  things                      all things, openHAB's JSON shape
 * GET  things/{thingUID}           one thing with its channels and states
 * GET  things/{thingUID}/image     the camera's latest snapshot (image/jpeg)
 * GET  inbox…, POST inbox/{thingUID}/approve, DELETE inbox/{thingUID}   the inbox ({@link InboxResource})
 * POST things/{thingUID}/channels/{channelId}   send a command (body: ON, OFF, TOGGLE, PULSE, …)
 * POST things/{thingUID}/test      test a push target (optional body: a command name)
 * POST things                      create a thing through Configuration Admin (openHAB's shape)
 * PUT|DELETE things/{thingUID}     change or delete it (409 for things from conf/ files)
 * POST things/{thingUID}/simulate  a made-up alarm for a camera, {"type":"PERSON"}
 * GET  thing-types                 every thing type with its parameters (for forms)
 * GET|POST rules, GET|PUT|DELETE rules/{id}   rules through Configuration Admin
 * GET  setup?thing=&reveal=        what to type into a camera
 * GET  events…, DELETE events/{id}  the event history ({@link EventsResource})
 * </pre>
 *
 * <p>One table of {@link Routes}: HEAD answers as GET without the body, a known path asked with
 * another method gets 405 with {@code Allow}, OPTIONS lists the methods.
 *
 * <p>Access: the Bearer token, or the web UI's session cookie with its CSRF token on every
 * state-changing call (403 without it); see {@link ApiAccess}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("camalarm-api")
@HttpWhiteboardServletPattern("/camalarm/api/*")
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(ApiServlet.class);

    private final transient ApiAccess access;
    private final transient ThingRegistry registry;
    private final transient LiveEvents live;
    private final transient ConfigStore store;
    private final transient ThingTypes types;
    private final transient ThingWriteResource thingWrites;
    private final transient RuleResource rules;
    private final transient SetupResource setup;
    private final transient AlarmRouter router;
    private final transient Routes routes = new Routes();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile @Nullable EventHistory history;

    @Activate
    public ApiServlet(
            BundleContext context,
            @Reference ApiAccess access,
            @Reference ThingRegistry registry,
            @Reference Inbox inbox,
            @Reference ConfigurationAdmin configurationAdmin,
            @Reference ConfigReader configs,
            @Reference MetaTypeService metatype,
            @Reference RuleActivity ruleActivity,
            @Reference ServerSettings settings,
            @Reference LiveEvents live,
            @Reference AlarmRouter router,
            @Reference HubEndpoints hub) {
        this.access = access;
        this.router = router;
        this.live = live;
        this.registry = registry;
        this.store = new ConfigStore(configurationAdmin);
        this.types = new ThingTypes(metatype, context.getBundle(), configs);
        this.thingWrites = new ThingWriteResource(store, configs, registry, types);
        this.rules = new RuleResource(store, configs, ruleActivity, registry);
        this.setup = new SetupResource(settings, store, configs, hub);
        routes.on("GET", "things", (path, request, response) -> things(response))
                .on("POST", "things", (path, request, response) -> thingWrites.create(request, response))
                .on("GET", "things/*", (path, request, response) -> thing(path[1], response))
                .on("PUT", "things/*", (path, request, response) -> thingWrites.update(path[1], request, response))
                .on("DELETE", "things/*", (path, request, response) -> thingWrites.delete(path[1], response))
                .on("GET", "things/*/image", (path, request, response) -> image(path[1], request, response))
                .on(
                        "POST",
                        "things/*/simulate",
                        (path, request, response) ->
                                SimulateResource.simulate(router, thing(path[1]), request, response))
                .on(
                        "POST",
                        "things/*/channels/*",
                        (path, request, response) -> PushResource.command(thing(path[1]), path[3], request, response))
                .on(
                        "POST",
                        "things/*/test",
                        (path, request, response) -> PushResource.test(thing(path[1]), request, response))
                .on("GET", "thing-types", (path, request, response) -> thingTypes(request, response))
                .on("GET", "rules", (path, request, response) -> rules.list(response))
                .on("POST", "rules", (path, request, response) -> rules.create(request, response))
                .on("GET", "rules/*", (path, request, response) -> rules.get(path[1], response))
                .on("PUT", "rules/*", (path, request, response) -> rules.update(path[1], request, response))
                .on("DELETE", "rules/*", (path, request, response) -> rules.delete(path[1], response))
                .on("GET", "setup", (path, request, response) -> setup.get(request, response));
        new InboxResource(inbox, registry).addTo(routes);
        new EventsResource(() -> history).addTo(routes);
    }

    @NonNullByDefault({}) // the servlet API says nothing of nullness
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiAccess.Verdict verdict = access.check(request);
        if (verdict == ApiAccess.Verdict.CSRF_MISSING) {
            HttpAnswers.error(
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "csrf",
                    "a state-changing call with the session cookie needs the page's CSRF token in "
                            + Sessions.CSRF_HEADER);
            return;
        }
        if (verdict == ApiAccess.Verdict.NONE) {
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
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            try {
                request.getParameterMap(); // parsed here, where a broken query is the client's mistake
            } catch (RuntimeException e) { // Jetty's BadMessageException: not UTF-8, a bad %-escape
                HttpAnswers.error(
                        response,
                        HttpServletResponse.SC_BAD_REQUEST,
                        "bad_query",
                        "the query is not valid: use UTF-8 and %-escapes such as %20");
                return;
            }
        }
        try {
            routes.dispatch(request.getPathInfo(), request, response);
        } catch (IOException e) { // reading the body: it broke off (writing: the client has gone)
            LOGGER.debug("REST {} {}: the request broke off: {}", method, request.getPathInfo(), e.toString());
            HttpAnswers.incompleteBody(response, e);
        } catch (BodyTooLargeException e) {
            HttpAnswers.error(
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "too_large",
                    String.valueOf(e.getMessage()));
        } catch (JsonParseException e) { // from StrictJson: a phrase that follows its subject
            HttpAnswers.error(
                    response, HttpServletResponse.SC_BAD_REQUEST, "invalid_json", "the body " + e.getMessage());
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

    private void things(HttpServletResponse response) throws IOException {
        // taken before the things are read: a stream opened earlier carries every later change
        response.setHeader("X-Camalarm-Event-Id", live.head());
        Map<String, String> files = store.files();
        JsonArray things = new JsonArray();
        registry.all(ThingHandler.class).forEach(h -> things.add(withFile(ThingJson.thing(h.thing()), files)));
        HttpAnswers.json(response, 200, ThingJson.toJson(things));
    }

    private void thing(String uid, HttpServletResponse response) throws IOException {
        Optional<ThingHandler> handler = thing(uid);
        if (handler.isPresent()) {
            HttpAnswers.json(
                    response,
                    200,
                    ThingJson.toJson(withFile(ThingJson.thing(handler.get().thing()), store.files())));
        } else {
            HttpAnswers.notFound(response);
        }
    }

    private void thingTypes(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String locale = request.getParameter("locale");
        HttpAnswers.json(response, 200, ThingJson.toJson(types.json(locale != null ? locale : language(request))));
    }

    /** Things from {@code conf/} files name their file, as the UI shows them read-only with it. */
    private static JsonObject withFile(JsonObject thing, Map<String, String> files) {
        String file = files.get(thing.get("UID").getAsString());
        if (file != null) {
            thing.addProperty("file", file);
        }
        return thing;
    }

    /** The first language of {@code Accept-Language}, e.g. {@code de}; null when none. */
    private static @Nullable String language(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return null;
        }
        String first = header.split(",")[0].split(";")[0].strip();
        return first.isEmpty() || "*".equals(first) ? null : first.replace('-', '_');
    }

    private Optional<ThingHandler> thing(String uid) {
        return registry.byUID(ThingUID.parse(uid));
    }

    /**
     * The latest snapshot as it came, with an ETag of its bytes: a browser asks again every time
     * ({@code no-cache}: the snapshot changes with each alarm) and gets 304 while it is the same.
     */
    private void image(String uid, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ThingHandler> handler = thing(uid);
        Thing thing = handler.isPresent() ? handler.get().thing() : null;
        State image = thing != null && thing.hasChannel(CameraChannels.IMAGE)
                ? thing.state(CameraChannels.IMAGE)
                : State.NULL;
        ImageBytes bytes = image.raw();
        String mimeType = image.mimeType();
        if (bytes == null || mimeType == null) {
            HttpAnswers.error(
                    response,
                    HttpServletResponse.SC_NOT_FOUND,
                    "no_image",
                    handler.isEmpty() ? "no such thing" : "this thing has no snapshot yet");
            return;
        }
        CRC32C crc = new CRC32C();
        bytes.updateChecksum(crc);
        String etag = "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(bytes.length()) + "\"";
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("ETag", etag);
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(200);
        response.setContentType(mimeType);
        response.setContentLength(bytes.length());
        bytes.writeTo(response.getOutputStream());
    }
}
