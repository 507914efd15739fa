package org.camalarm.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import org.camalarm.config.ConfigReader;
import org.camalarm.userdata.TokenStore;
import org.camalarm.userdata.UserdataFiles;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The REST API's access rule: {@code Authorization: Bearer <apiToken>} (automations), the
 * {@code apiToken} of {@code camalarm.server} or, when that is empty, one generated once and kept in
 * {@code userdata/camalarm/tokens.properties}; or the web UI's session cookie, which for every
 * state-changing method (anything but GET, HEAD, OPTIONS) must come with the session's CSRF token
 * in {@value Sessions#CSRF_HEADER}. Changes apply at once. Thread-safe.
 */
@Component(
        service = ApiAccess.class,
        configurationPid = ApiAccess.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ApiAccess {

    /** The alarm server's configuration, which holds the API token too (described by the server's Metatype). */
    static final String PID = "camalarm.server";

    /** The keys of {@code camalarm.server} this component reads. */
    interface Config {
        String apiToken();
    }

    /** How a request stands. */
    public enum Verdict {
        /** With the Bearer API token. */
        TOKEN,
        /** With a session cookie, and the CSRF token where the method needs one. */
        SESSION,
        /** With a session cookie, but a state-changing method without the session's CSRF token. */
        CSRF_MISSING,
        /** Neither. */
        NONE
    }

    private final TokenStore tokens;
    private final ConfigReader configs;
    private final Sessions sessions;
    private volatile byte[] apiToken = new byte[0];

    @Activate
    public ApiAccess(
            BundleContext context,
            @Reference ConfigReader configs,
            @Reference Sessions sessions,
            Map<String, Object> properties) {
        this(new TokenStore(UserdataFiles.resolve(context, TokenStore.FILE_NAME)), configs, sessions, properties);
    }

    ApiAccess(TokenStore tokens, ConfigReader configs, Sessions sessions, Map<String, Object> properties) {
        this.tokens = tokens;
        this.configs = configs;
        this.sessions = sessions;
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        // the server's own component reports problems of camalarm.server; here only the token counts
        String configured = configs.read(Config.class, PID, properties).values().apiToken();
        try {
            String token = configured.isEmpty() ? tokens.token("apiToken") : configured;
            apiToken = token.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated API token in " + tokens.file(), e);
        }
    }

    /** Whether a bearer token is the API token (compared in constant time). */
    public boolean isApiToken(@Nullable String candidate) {
        return candidate != null && MessageDigest.isEqual(apiToken, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request may use the API: {@link #check} says {@link Verdict#TOKEN} or {@link Verdict#SESSION}. */
    public boolean authorised(HttpServletRequest request) {
        Verdict verdict = check(request);
        return verdict == Verdict.TOKEN || verdict == Verdict.SESSION;
    }

    /** How the request stands: a Bearer token, a session (with CSRF token where needed), or neither. */
    public Verdict check(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return isApiToken(header.substring(7).strip()) ? Verdict.TOKEN : Verdict.NONE;
        }
        Optional<Session> session = session(request);
        if (session.isEmpty()) {
            return Verdict.NONE;
        }
        if (isSafe(request.getMethod())
                || Sessions.isCsrfToken(session.get(), request.getHeader(Sessions.CSRF_HEADER))) {
            return Verdict.SESSION;
        }
        return Verdict.CSRF_MISSING;
    }

    /** The session the request's cookie names, if it is live. */
    public Optional<Session> session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie != null && Sessions.COOKIE.equals(cookie.getName())) {
                Optional<Session> session = sessions.session(cookie.getValue());
                if (session.isPresent()) {
                    return session;
                }
            }
        }
        return Optional.empty();
    }

    /** Methods that change nothing, which need no CSRF token. */
    public static boolean isSafe(@Nullable String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
