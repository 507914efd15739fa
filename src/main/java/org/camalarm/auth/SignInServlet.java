package org.camalarm.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.http.AsyncBody;
import org.camalarm.http.HttpAnswers;
import org.camalarm.http.Routes;
import org.camalarm.text.StrictJson;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out of the web UI, under {@code /camalarm/auth/}:
 *
 * <pre>
 * POST signin   {"user":"admin","password":"…"} (JSON only: a cross-site form cannot send it)
 *               → 200 {"user","csrfToken"} and the session cookie; 401 wrong; 429 too many attempts
 * GET  session  → 200 {"user","csrfToken"} for a signed-in browser, 401 otherwise
 * POST signout  (with the CSRF header) → 204, the cookie cleared
 * </pre>
 *
 * The cookie is {@code HttpOnly; SameSite=Strict; Path=/camalarm/}, and {@code Secure} when the
 * request came over HTTPS (or through a proxy that says so in {@code X-Forwarded-Proto}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("camalarm-auth")
@HttpWhiteboardServletPattern("/camalarm/auth/*")
@HttpWhiteboardServletAsyncSupported
public class SignInServlet extends HttpServlet {

    private static final Logger LOGGER = LoggerFactory.getLogger(SignInServlet.class);

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 4096;
    /** A browser sends its few bytes at once: a sign-in body that takes longer is no browser's. */
    private static final long BODY_TIMEOUT_MS = 10_000;

    private final transient Sessions sessions;
    private final transient ApiAccess access;
    private final transient Routes routes = new Routes()
            .on("POST", "signin", (path, request, response) -> signIn(request, response))
            .on("GET", "session", (path, request, response) -> session(request, response))
            .on("POST", "signout", (path, request, response) -> signOut(request, response));

    @Activate
    public SignInServlet(@Reference Sessions sessions, @Reference ApiAccess access) {
        this.sessions = sessions;
        this.access = access;
    }

    @NonNullByDefault({}) // the servlet API says nothing of nullness
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        routes.dispatch(request.getPathInfo(), request, response);
    }

    private void session(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Session> session = access.session(request);
        if (session.isPresent()) {
            HttpAnswers.json(response, 200, describe(session.get()));
        } else {
            HttpAnswers.error(response, 401, "not_signed_in", "sign in with user admin and the UI password");
        }
    }

    private void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Session> session = access.session(request);
        if (session.isPresent() && !Sessions.isCsrfToken(session.get(), request.getHeader(Sessions.CSRF_HEADER))) {
            HttpAnswers.error(response, 403, "csrf", "send the page's CSRF token in " + Sessions.CSRF_HEADER);
            return;
        }
        session.ifPresent(sessions::signOut);
        response.setHeader("Set-Cookie", cookie("", 0, request));
        response.setStatus(204);
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            HttpAnswers.error(
                    response, 415, "unsupported_media_type", "send {\"user\",\"password\"} as application/json");
            return;
        }
        // read without holding a thread: anyone may send here, and a dribbled body held one per connection
        AsyncBody.read(request, response, MAX_BODY, BODY_TIMEOUT_MS, bytes -> signIn(bytes, request, response));
    }

    private void signIn(byte[] bytes, HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body;
        try {
            JsonElement json = StrictJson.parse(new String(bytes, StandardCharsets.UTF_8));
            if (!json.isJsonObject() || !isTextOrAbsent(json, "user") || !isTextOrAbsent(json, "password")) {
                throw new JsonParseException("not an object of texts");
            }
            body = json.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            HttpAnswers.error(response, 400, "invalid_json", "send {\"user\":\"admin\",\"password\":\"…\"}");
            return;
        }
        Sessions.SignIn outcome =
                sessions.signIn(text(body, "user"), text(body, "password"), String.valueOf(request.getRemoteAddr()));
        if (outcome instanceof Sessions.SignedIn signedIn) {
            Session session = signedIn.session();
            response.setHeader("Set-Cookie", cookie(session.id(), -1, request));
            HttpAnswers.json(response, 200, describe(session));
        } else if (outcome instanceof Sessions.TooManyAttempts tooMany) {
            response.setHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
            HttpAnswers.error(
                    response,
                    429,
                    "too_many_attempts",
                    "too many failed sign-ins; try again in " + tooMany.retryAfterSeconds() + " s");
        } else {
            HttpAnswers.error(response, 401, "bad_credentials", "wrong user or password");
        }
    }

    private static boolean isTextOrAbsent(JsonElement json, String key) {
        JsonElement value = json.getAsJsonObject().get(key);
        return value == null
                || value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static @Nullable String text(JsonObject body, String key) {
        JsonElement value = body.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    private static String describe(Session session) {
        JsonObject json = new JsonObject();
        json.addProperty("user", session.user());
        json.addProperty("csrfToken", session.csrfToken());
        return json.toString();
    }

    /** The session cookie; {@code maxAge} 0 clears it, -1 makes it last as long as the browser session. */
    static String cookie(String value, int maxAge, HttpServletRequest request) {
        StringBuilder cookie = new StringBuilder(Sessions.COOKIE)
                .append('=')
                .append(value)
                .append("; Path=/camalarm/; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }
}
