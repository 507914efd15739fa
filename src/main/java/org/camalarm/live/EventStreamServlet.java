package org.camalarm.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.Servlet;
import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.auth.ApiAccess;
import org.camalarm.http.HttpAnswers;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /camalarm/api/events/stream}: server-sent events for a signed-in browser or a Bearer
 * token. Events: {@code hello} (first, on a fresh connection), {@code state}, {@code trigger},
 * {@code status}, {@code thing}, {@code history}, and {@code reset} when the client must reload
 * because what it missed is gone. A client that reconnects with {@code Last-Event-ID} (browsers do
 * it by themselves) gets what it missed. Keep-alive comments every 20 s.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("camalarm-events-stream")
@HttpWhiteboardServletPattern("/camalarm/api/events/stream")
@HttpWhiteboardServletAsyncSupported
public class EventStreamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ApiAccess access;
    private final transient LiveEvents events;

    @Activate
    public EventStreamServlet(@Reference ApiAccess access, @Reference LiveEvents events) {
        this.access = access;
        this.events = events;
    }

    @NonNullByDefault({}) // the servlet API says nothing of nullness
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!access.authorised(request)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"camalarm\"");
            HttpAnswers.error(response, 401, "unauthorized", "sign in, or send Authorization: Bearer <apiToken>");
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            HttpAnswers.error(response, 405, "method_not_allowed", "the event stream is read with GET");
            return;
        }
        String lastEventId = request.getHeader("Last-Event-ID");
        long cursor = events.resumeFrom(lastEventId);
        long head = events.sequence();
        String first;
        if (cursor >= 0) {
            first = ""; // resuming: the dispatcher sends what it missed
        } else {
            cursor = head;
            first = events.frame(head, lastEventId == null ? "hello" : "reset", "{\"id\":\"" + events.head() + "\"}");
        }
        response.setStatus(200);
        response.setContentType("text/event-stream;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // a reverse proxy in front must not buffer
        ServletOutputStream out = response.getOutputStream();
        out.write(("retry: 2000\n\n" + first).getBytes(StandardCharsets.UTF_8));
        out.flush();
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // Jetty's default async timeout is 30 s; keep-alives keep the line open
        StreamClient client = new StreamClient(
                async, out, String.valueOf(request.getRemoteAddr()), cursor, LiveEvents.monotonicMillis());
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                events.remove(client);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                events.remove(client);
            }

            @Override
            public void onError(AsyncEvent event) {
                events.remove(client);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
        if (!events.add(client)) {
            client.write(events.frame(head, "busy", "{\"detail\":\"too many open event streams\"}")
                    .getBytes(StandardCharsets.UTF_8));
            client.close();
        }
    }
}
