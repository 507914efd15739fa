package org.camalarm.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.text.Texts;
import org.camalarm.time.OncePerMinute;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded hub's front door: {@code http://host:port/} leads to the web UI, and a path nobody
 * serves gets a 404 that says where the UI is (rather than Jetty's page naming its dispatcher).
 * Only where the framework property {@value #PROPERTY} is {@code true}, which the embedded hub's
 * launcher sets: in openHAB or Karaf, {@code /} belongs to the hub, not to a bundle.
 */
@Component(
        immediate = true,
        service = {})
public final class HubFrontDoor {

    public static final String PROPERTY = "camalarm.frontDoor";

    private final @Nullable ServiceRegistration<Servlet> registration;

    @Activate
    public HubFrontDoor(BundleContext context, @Reference ServerSettings settings) {
        if (!Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            registration = null;
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "camalarm-front-door");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/");
        registration = context.registerService(Servlet.class, new FrontDoorServlet(settings), properties);
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<Servlet> registered = registration;
        if (registered != null) {
            registered.unregister();
        }
    }

    /**
     * {@code /} leads to the UI; anything else nobody serves is a 404 naming the UI's address. A push
     * there (any method but GET and HEAD) is most likely a camera whose alarm server path was left
     * out: logged at INFO once a minute, with the path to configure.
     */
    static final class FrontDoorServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;
        private static final String UI = "/camalarm/ui/";
        private static final Logger LOGGER = LoggerFactory.getLogger(HubFrontDoor.class);

        private final transient OncePerMinute pushes = new OncePerMinute();
        private final transient ServerSettings settings;

        FrontDoorServlet(ServerSettings settings) {
            this.settings = settings;
        }

        @NonNullByDefault({}) // the servlet API says nothing of nullness
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String method = request.getMethod();
            if ("/".equals(request.getRequestURI()) && ("GET".equals(method) || "HEAD".equals(method))) {
                response.sendRedirect(UI);
                return;
            }
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                logPush(method, request.getRequestURI(), request.getRemoteAddr());
            }
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=utf-8");
            response.getOutputStream()
                    .write(("Not found. camalarm's web UI is at " + UI + "\n").getBytes(StandardCharsets.UTF_8));
        }

        private void logPush(@Nullable String method, @Nullable String path, @Nullable String sender) {
            pushes.log(
                    LOGGER,
                    "A {} to {} from {} reached no camalarm address (404): a camera's alarm server path must be"
                            + " /camalarm/alarm/<alarmToken> (the setup assistant in the web UI gives the values)",
                    method,
                    Texts.quoted(path == null ? null : withoutToken(path, settings.alarmToken()), 80),
                    sender);
        }
    }

    /**
     * {@code path} as the log may show it: the alarm token is never logged, nor what stands where the
     * token goes (after an {@code alarm} segment: a near miss would tell most of it), so those say
     * {@code <alarmToken>}.
     */
    static String withoutToken(String path, String token) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String decoded = decoded(segments[i]);
            boolean afterAlarm = i > 0 && segments[i - 1].equalsIgnoreCase("alarm");
            if (!segments[i].isEmpty() && (afterAlarm || (!token.isEmpty() && decoded.equals(token)))) {
                segments[i] = "<alarmToken>";
            }
        }
        return String.join("/", segments);
    }

    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a broken %-escape: compared as it came
            return segment;
        }
    }
}
