package org.camalarm.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is signed in to the web UI: user {@value #USER} with the {@code uiPassword} of
 * {@code camalarm.server} or, when that is empty, one generated once and kept beside the other
 * tokens in {@code userdata/camalarm/tokens.properties} (never logged). Sessions live in memory (a
 * restart signs everyone out), end after {@link #IDLE} unused or {@link #LONGEST} in all, and at
 * most {@value #MAX_SESSIONS} exist (the least recently used goes). Thread-safe.
 */
@Component(
        service = Sessions.class,
        configurationPid = Sessions.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Sessions {

    static final String PID = "camalarm.server";
    public static final String USER = "admin";
    /** The cookie that carries the session id. */
    public static final String COOKIE = "camalarm_session";
    /** The header a page sends its CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    static final Duration IDLE = Duration.ofHours(24);
    static final Duration LONGEST = Duration.ofDays(30);
    static final int MAX_SESSIONS = 64;
    /** Wrong passwords an address may send within {@link #SIGN_IN_WINDOW} before it waits {@link #SIGN_IN_BLOCK}. */
    static final int SIGN_IN_FAILURES = 5;
    /** The same from all addresses together. */
    static final int ALL_FAILURES = 30;

    static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(10);
    static final Duration SIGN_IN_BLOCK = Duration.ofSeconds(20);
    /** The key all addresses share in the overall limit (no address looks like it). */
    private static final String ALL = "all addresses";

    private static final Logger LOGGER = LoggerFactory.getLogger(Sessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The key of {@code camalarm.server} this component reads. */
    interface Config {
        String uiPassword();
    }

    /** What a sign-in attempt came to. */
    public sealed interface SignIn {}

    public record SignedIn(Session session) implements SignIn {}

    public record Refused() implements SignIn {}

    public record TooManyAttempts(long retryAfterSeconds) implements SignIn {}

    private final TokenStore tokens;
    private final ConfigReader configs;
    private final Clock clock;
    /** Wrong passwords per address, and from all addresses together (rotating addresses does not help). */
    private final FailureLimiter perAddress;

    private final FailureLimiter overall;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile byte[] passwordHash = new byte[0];

    @Activate
    public Sessions(BundleContext context, @Reference ConfigReader configs, Map<String, Object> properties) {
        this(
                new TokenStore(UserdataFiles.resolve(context, TokenStore.FILE_NAME)),
                configs,
                properties,
                Clock.systemUTC());
    }

    Sessions(TokenStore tokens, ConfigReader configs, Map<String, Object> properties, Clock clock) {
        this.tokens = tokens;
        this.configs = configs;
        this.clock = clock;
        this.perAddress = new FailureLimiter(clock::millis, SIGN_IN_FAILURES, SIGN_IN_WINDOW, SIGN_IN_BLOCK);
        this.overall = new FailureLimiter(clock::millis, ALL_FAILURES, SIGN_IN_WINDOW, SIGN_IN_BLOCK);
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        // the server's own component reports problems of camalarm.server; here only the password counts
        String configured = configs.read(Config.class, PID, properties).values().uiPassword();
        try {
            String password = configured.isEmpty() ? tokens.token("uiPassword") : configured;
            byte[] hash = sha256(password);
            if (passwordHash.length > 0 && !MessageDigest.isEqual(hash, passwordHash)) {
                sessions.clear(); // a new password signs everyone out
                LOGGER.info("The UI password changed: every browser must sign in again");
            }
            passwordHash = hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated UI password in " + tokens.file(), e);
        }
    }

    /** Checks user and password (in constant time), within the rate limit of the sender's address. */
    public SignIn signIn(@Nullable String user, @Nullable String password, String remoteAddress) {
        long wait = Math.max(perAddress.blockedSeconds(remoteAddress), overall.blockedSeconds(ALL));
        if (wait > 0) {
            LOGGER.debug("Sign-in from {} refused: too many failed attempts", remoteAddress);
            return new TooManyAttempts(wait);
        }
        boolean userOk = USER.equals(user);
        boolean passwordOk = password != null && MessageDigest.isEqual(sha256(password), passwordHash);
        if (!userOk || !passwordOk) {
            perAddress.failed(remoteAddress);
            overall.failed(ALL);
            LOGGER.info("Failed sign-in to the UI from {}", remoteAddress);
            return new Refused();
        }
        Instant now = clock.instant();
        expire(now);
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream()
                    .min(Comparator.comparing(Session::lastUsed))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session session = new Session(randomToken(), randomToken(), USER, now);
        sessions.put(session.id(), session);
        LOGGER.info("Signed in to the UI from {}", remoteAddress);
        return new SignedIn(session);
    }

    /** The live session with this id, marked as used now; empty when unknown or expired. */
    public Optional<Session> session(@Nullable String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    public void signOut(Session session) {
        sessions.remove(session.id());
    }

    /** Whether a header value is the session's CSRF token (compared in constant time). */
    public static boolean isCsrfToken(Session session, @Nullable String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        session.csrfToken().getBytes(StandardCharsets.UTF_8),
                        candidate.getBytes(StandardCharsets.UTF_8));
    }

    private void expire(Instant now) {
        sessions.values().removeIf(s -> expired(s, now));
    }

    private static boolean expired(Session session, Instant now) {
        return session.lastUsed().plus(IDLE).isBefore(now)
                || session.created().plus(LONGEST).isBefore(now);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
