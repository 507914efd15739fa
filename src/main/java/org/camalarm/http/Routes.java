package org.camalarm.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A servlet's paths and methods, in one table. A call goes to the route of its path and method;
 * HEAD goes to the GET route and gets its status and headers without the body; a path that exists
 * under other methods gets 405 with {@code Allow} (OPTIONS: 204 with it); any other path 404.
 *
 * <p>A pattern is segments separated by {@code /}, where {@code *} is any one non-empty segment.
 * The first route that matches wins. Handlers answer blocking, never asynchronously: a HEAD's
 * answer drops its body as it is written (the event stream is its own servlet for that reason).
 */
public final class Routes {

    /** Answers the calls of one route; {@code path} is the request's segments. */
    @FunctionalInterface
    public interface Handler {
        void handle(String[] path, HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private record Route(String method, String[] pattern, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    public Routes on(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern.split("/", -1), handler));
        return this;
    }

    /** Answers the call whose path info is {@code pathInfo}. */
    public void dispatch(@Nullable String pathInfo, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String[] path = segments(pathInfo);
        String method = String.valueOf(request.getMethod());
        boolean head = "HEAD".equals(method);
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            if (!matches(path, route.pattern())) {
                continue;
            }
            if (route.method().equals(head ? "GET" : method)) {
                route.handler().handle(path, request, head ? new BodilessResponse(response) : response);
                return;
            }
            allowed.add(route.method());
            if ("GET".equals(route.method())) {
                allowed.add("HEAD");
            }
        }
        if (allowed.isEmpty()) {
            HttpAnswers.notFound(response);
            return;
        }
        allowed.add("OPTIONS");
        String allow = String.join(", ", allowed);
        if ("OPTIONS".equals(method)) {
            response.setHeader("Allow", allow);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            HttpAnswers.send(response, Answer.methodNotAllowed(allow, method + " is not one of " + allow));
        }
    }

    /** {@code /things/x/} → {@code [things, x]}; none for {@code null} or {@code /}. */
    static String[] segments(@Nullable String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return new String[0];
        }
        String trimmed = pathInfo.endsWith("/") ? pathInfo.substring(1, pathInfo.length() - 1) : pathInfo.substring(1);
        return trimmed.split("/", -1);
    }

    private static boolean matches(String[] path, String[] pattern) {
        if (path.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if ("*".equals(pattern[i]) ? path[i].isEmpty() : !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }
}
