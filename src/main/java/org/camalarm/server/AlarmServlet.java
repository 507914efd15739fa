package org.camalarm.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.http.HttpAnswers;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm server over the hub's HTTP server: where camera pushes enter. A thin adapter to
 * {@link AlarmEndpoint}; its own part is reading the body within {@code maxBodyBytes} (413 above).
 * The query is taken raw, not through {@code getParameter}, which would consume a form body the
 * decoder needs as sent.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("camalarm-alarm")
@HttpWhiteboardServletPattern(AlarmEndpoint.PATH + "/*")
public class AlarmServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(AlarmServlet.class);
    private final transient AlarmEndpoint endpoint;

    @Activate
    public AlarmServlet(@Reference AlarmEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @NonNullByDefault({}) // the servlet API says nothing of nullness
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AlarmEndpoint.Target target = endpoint.target(request.getPathInfo(), String.valueOf(request.getRemoteAddr()));
        if (target == null) {
            HttpAnswers.notFound(response);
            return;
        }
        try {
            byte[] body = readBody(request);
            HttpAnswers.send(
                    response,
                    body == null
                            ? endpoint.tooLarge()
                            : endpoint.handle(
                                    target,
                                    String.valueOf(request.getMethod()),
                                    request.getQueryString(),
                                    request.getContentType(),
                                    body,
                                    sender(request)));
        } catch (IOException e) {
            // the camera went away or sent a broken body: never a 200 for an alarm that was not read
            LOGGER.debug("Alarm request from {} broke off: {}", request.getRemoteAddr(), e.toString());
            HttpAnswers.incompleteBody(response, e);
        }
    }

    /** Who sent the request and what it presented: the Authorization header and the target a Digest answer signs. */
    @NonNullByDefault({}) // the servlet API says nothing of nullness
    private static AlarmEndpoint.Sender sender(HttpServletRequest request) {
        String query = request.getQueryString();
        String path = String.valueOf(request.getRequestURI());
        return new AlarmEndpoint.Sender(
                String.valueOf(request.getRemoteAddr()),
                request.isSecure(),
                request.getHeader("Authorization"),
                query == null ? path : path + "?" + query);
    }

    /**
     * Largest body read into an array of its declared size before its bytes arrive; a larger one
     * grows as it arrives, so a sender that declares megabytes and stalls holds no more than this.
     */
    private static final int PREALLOCATED_MAX = 1 << 20;

    /** The body, or {@code null} when it is larger than allowed (then it is not read further). */
    private byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
        long max = endpoint.maxBodyBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0 && declared <= PREALLOCATED_MAX) {
                // one array of the declared size: reading in 8 KB chunks and joining them allocated and
                // copied a snapshot once more (a tenth of the hub's CPU for multipart pushes)
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                return read < body.length ? Arrays.copyOf(body, read) : in.read() < 0 ? body : null;
            }
            byte[] body = in.readNBytes((int) (max + 1));
            return body.length > max ? null : body;
        }
    }
}
