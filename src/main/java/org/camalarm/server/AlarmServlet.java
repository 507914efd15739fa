package org.camalarm.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.camalarm.alarm.AlarmDecoder;
import org.camalarm.alarm.AlarmPush;
import org.camalarm.alarm.AlarmRequest;
import org.camalarm.alarm.MalformedAlarmException;
import org.camalarm.camera.AlarmRouter;
import org.camalarm.camera.AlarmRouter.Delivery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm server: where camera pushes enter. {@code /camalarm/alarm/{alarmToken}[/{thingId}[/{eventType}]]},
 * GET or POST, any vendor format (recognised from the request by {@link AlarmDecoder}).
 *
 * <p>Answers: 200 for every accepted push, unknown cameras included (they go to the inbox); 404,
 * identical to an unknown path, for a wrong token; 400 {@code {error, detail}} for malformed input;
 * 413 above {@code maxBodyBytes}; 403 when the sender's address may not push as the camera; 405
 * for other methods. Client data is logged at debug level only.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("camalarm-alarm")
@HttpWhiteboardServletPattern("/camalarm/alarm/*")
public class AlarmServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(AlarmServlet.class);
    private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    /** The reply the TVT "HTTP POST" alarm service expects. */
    private static final byte[] TVT_OK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><config version=\"1.0\" xmlns=\"http://www.ipc.com/ver10\"><status>success</status></config>"
            .getBytes(StandardCharsets.UTF_8);

    private final transient ServerSettings settings;
    private final transient AlarmRouter router;
    private final transient AlarmDecoder decoder = new AlarmDecoder();

    @Activate
    public AlarmServlet(@Reference ServerSettings settings, @Reference AlarmRouter router) {
        this.settings = settings;
        this.router = router;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = pathSegments(request.getPathInfo());
        if (path == null || !settings.isAlarmToken(path[0])) {
            HttpAnswers.notFound(response);
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method) && !"PUT".equals(method)) {
            response.setHeader("Allow", "GET, POST, PUT");
            HttpAnswers.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method_not_allowed",
                    "cameras push with GET or POST, not " + method);
            return;
        }
        try {
            byte[] body = readBody(request, response);
            if (body == null) {
                return;
            }
            AlarmRequest alarm = new AlarmRequest(method, path.length > 1 ? path[1] : null, path.length > 2 ? path[2] : null,
                    request.getContentType(), parseQuery(request.getQueryString()), body, request.getRemoteAddr());
            AlarmPush push = decoder.decode(alarm);
            Delivery delivery = router.route(push, alarm.thingId(), alarm.remoteAddress());
            switch (delivery.outcome()) {
                case FORBIDDEN -> {
                    LOGGER.debug("Push for {} from {} refused: address not allowed", delivery.thing(), alarm.remoteAddress());
                    HttpAnswers.error(response, HttpServletResponse.SC_FORBIDDEN, "address_not_allowed",
                            "this address may not push as " + delivery.thing());
                }
                case DELIVERED, INBOX -> answerOk(response, body);
            }
        } catch (MalformedAlarmException e) {
            LOGGER.debug("Malformed alarm from {}: {} ({})", request.getRemoteAddr(), e.getMessage(), e.error());
            HttpAnswers.error(response, HttpServletResponse.SC_BAD_REQUEST, e.error(), e.getMessage());
        } catch (IOException e) {
            // the camera went away or sent a broken body: nothing to answer it
            LOGGER.debug("Alarm request from {} broke off: {}", request.getRemoteAddr(), e.getMessage());
        } catch (RuntimeException e) {
            // a defect of ours, met by an input we did not foresee: the camera still gets a clean answer
            LOGGER.warn("Alarm from {} could not be processed", request.getRemoteAddr(), e);
            HttpAnswers.error(response, HttpServletResponse.SC_BAD_REQUEST, "unprocessable_alarm",
                    "the request could not be read as an alarm");
        }
    }

    /** {@code /token[/thingId[/eventType]]} split, or {@code null} for any other shape. */
    private static String[] pathSegments(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return null;
        }
        String trimmed = pathInfo.endsWith("/") ? pathInfo.substring(1, pathInfo.length() - 1) : pathInfo.substring(1);
        String[] segments = trimmed.split("/", -1);
        if (segments.length > 3) {
            return null;
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return null;
            }
        }
        return segments;
    }

    /** The body, or {@code null} after answering 413 when it is larger than allowed. */
    private byte[] readBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long max = settings.maxBodyBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            tooLarge(response, max);
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(max + 1, declared >= 0 ? declared + 1 : max + 1));
            if (body.length > max) {
                tooLarge(response, max);
                return null;
            }
            return body;
        }
    }

    private static void tooLarge(HttpServletResponse response, long max) throws IOException {
        LOGGER.debug("Alarm body over {} bytes refused", max);
        HttpAnswers.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                "the body exceeds maxBodyBytes (" + max + " bytes)");
    }

    /**
     * The query as sent, decoded leniently: iVSEC sends times with a space and may leave '%' signs
     * unescaped, so a bad escape keeps its raw text instead of failing the request. Read here rather than
     * with {@code getParameter}, which would consume a form body the decoder needs raw.
     */
    static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static void answerOk(HttpServletResponse response, byte[] body) throws IOException {
        boolean xml = body.length > 0 && firstNonBlank(body) == '<';
        byte[] answer = xml ? TVT_OK : OK;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(xml ? "application/xml;charset=utf-8" : "application/json;charset=utf-8");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    private static int firstNonBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }
}
