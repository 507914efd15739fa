package org.camalarm.push;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The authentication state of one device's {@link PushClient}: which {@code Authorization}
 * header to send before any challenge, and how to answer a 401, following the
 * {@link AuthMode}. Remembers the last answered challenge so later requests pre-authenticate
 * (Digest with the next nonce count). Thread-safe; the credentials are fixed for its life (new
 * settings, new client, new {@code DeviceAuth}).
 */
final class DeviceAuth {

    /** A header to send, and whether it came from a remembered challenge (may be outdated). */
    record Header(String value, boolean remembered) {}

    /** The answer to a 401: a header to retry with, or why there is none. */
    record Answer(@Nullable String header, @Nullable String failure) {
        static Answer retryWith(String header) {
            return new Answer(header, null);
        }

        static Answer fail(String failure) {
            return new Answer(null, failure);
        }
    }

    /** What we learned from the last answered challenge. */
    private sealed interface Learned permits LearnedBasic, LearnedDigest {}

    private record LearnedBasic() implements Learned {}

    private record LearnedDigest(AuthChallenge challenge, AtomicInteger nonceCount) implements Learned {}

    private final AuthMode mode;
    private final String username;
    private final String password;
    private final AtomicReference<@Nullable Learned> learned = new AtomicReference<>();

    DeviceAuth(DeviceSettings settings) {
        this.mode = settings.authMode();
        this.username = settings.username();
        this.password = settings.password();
    }

    /** Whether the credentials are used at all. */
    boolean hasCredentials() {
        return mode != AuthMode.NONE && !username.isEmpty();
    }

    /** The header to send before any challenge, if any. */
    Optional<Header> preemptive(String method, String uri, @Nullable String body) {
        if (!hasCredentials()) {
            return Optional.empty();
        }
        if (mode == AuthMode.BASIC) {
            return Optional.of(new Header(basic(), false));
        }
        Learned known = learned.get();
        if (known instanceof LearnedBasic) {
            return Optional.of(new Header(basic(), true));
        }
        if (known instanceof LearnedDigest digest) {
            String header = DigestAuth.authorization(
                    digest.challenge(),
                    username,
                    password,
                    method,
                    uri,
                    body,
                    digest.nonceCount().incrementAndGet(),
                    DigestAuth.newCnonce());
            return Optional.of(new Header(header, true));
        }
        return Optional.empty();
    }

    /** Forgets the remembered challenge (it was refused). */
    void forget() {
        learned.set(null);
    }

    /**
     * Takes a {@code nextnonce} from an {@code Authentication-Info} header (RFC 7616 section 3.5)
     * so the next request uses it.
     */
    void onAuthenticationInfo(List<String> headerValues) {
        Learned known = learned.get();
        if (!(known instanceof LearnedDigest digest) || headerValues.isEmpty()) {
            return;
        }
        // Authentication-Info has no scheme: parse it as the parameters of a dummy one.
        String next = AuthChallenge.parseAll(List.of("Digest " + headerValues.get(0)))
                .get(0)
                .param("nextnonce");
        if (next != null && !next.equals(digest.challenge().param("nonce"))) {
            var params = new LinkedHashMap<>(digest.challenge().params());
            params.put("nonce", next);
            params.remove("stale");
            learned.compareAndSet(
                    known,
                    new LearnedDigest(new AuthChallenge(digest.challenge().scheme(), params), new AtomicInteger()));
        }
    }

    /** Answers the challenges of a 401 and remembers the one answered. */
    Answer answer(List<AuthChallenge> challenges, String method, String uri, @Nullable String body) {
        if (mode == AuthMode.NONE) {
            return Answer.fail("device requires authentication but the auth mode is NONE");
        }
        if (username.isEmpty()) {
            return Answer.fail("device requires credentials but none are configured");
        }
        Optional<AuthChallenge> digest = mode == AuthMode.BASIC ? Optional.empty() : DigestAuth.choose(challenges);
        if (digest.isPresent()) {
            AtomicInteger count = new AtomicInteger(1);
            learned.set(new LearnedDigest(digest.get(), count));
            return Answer.retryWith(DigestAuth.authorization(
                    digest.get(), username, password, method, uri, body, 1, DigestAuth.newCnonce()));
        }
        if (challenges.stream().anyMatch(c -> c.isScheme("Basic")) && mode != AuthMode.DIGEST) {
            learned.set(new LearnedBasic());
            return Answer.retryWith(basic());
        }
        String refusal = refusal(challenges);
        return Answer.fail(refusal != null ? refusal : "device offers no supported authentication");
    }

    /**
     * Why the auth mode forbids answering these challenges, or {@code null} when it allows one of
     * them.
     */
    @Nullable
    String refusal(List<AuthChallenge> challenges) {
        boolean basic = challenges.stream().anyMatch(c -> c.isScheme("Basic"));
        boolean digest = DigestAuth.choose(challenges).isPresent();
        if (mode == AuthMode.BASIC && !basic && digest) {
            return "device asks for Digest authentication but the auth mode is BASIC";
        }
        if (mode == AuthMode.DIGEST && !digest && basic) {
            return "device offers only Basic authentication but the auth mode is DIGEST";
        }
        if (!basic && !digest) {
            String offered = challenges.isEmpty()
                    ? "no challenge"
                    : challenges.stream().map(AuthChallenge::scheme).distinct().collect(Collectors.joining(", "));
            return "device offers no supported authentication (" + offered + ")";
        }
        return null;
    }

    private String basic() {
        String pair = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
