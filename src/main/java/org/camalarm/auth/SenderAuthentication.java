package org.camalarm.auth;

import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import org.camalarm.time.Timers;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How senders prove who they are to a receiver that wants credentials (the alarm server for a
 * camera with a {@code username}/{@code password}): reads what a request {@link #presented}, makes
 * the {@code WWW-Authenticate} challenges (Digest with a nonce of ours, then Basic), and counts wrong
 * answers per address, refusing an address that sends too many for a while. Thread-safe.
 */
@Component(service = SenderAuthentication.class)
public class SenderAuthentication {

    private static final Logger LOGGER = LoggerFactory.getLogger(SenderAuthentication.class);
    private final DigestNonces nonces;
    private final FailureLimiter failures;

    @Activate
    public SenderAuthentication(@Reference Timers timers) {
        this(() -> timers.clock().millis());
    }

    public SenderAuthentication(Clock clock) {
        this(clock::millis);
    }

    private SenderAuthentication(LongSupplier millis) {
        this.nonces = new DigestNonces(millis);
        this.failures = new FailureLimiter(millis);
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param requestTarget the path and query as the request line gave them
     * @param secure        whether the request came over TLS
     */
    public PresentedAuth presented(
            @Nullable String authorization, String method, String requestTarget, boolean secure) {
        return new PresentedAuth(authorization, method, requestTarget, secure, nonces);
    }

    /**
     * The {@code WWW-Authenticate} values of a 401, strongest first: Digest (MD5, as every client
     * knows it; SHA-256 answers are taken too) with a fresh nonce, {@code stale=true} when the
     * sender's nonce had only expired; then Basic.
     */
    public List<String> challenges(boolean stale) {
        String digest = "Digest realm=\"" + PresentedAuth.REALM + "\", qop=\"auth\", algorithm=MD5, nonce=\""
                + nonces.issue() + "\"" + (stale ? ", stale=true" : "");
        return List.of(digest, "Basic realm=\"" + PresentedAuth.REALM + "\", charset=\"UTF-8\"");
    }

    /** Seconds the address must still wait after too many wrong credentials, 0 when it may send. */
    public long blockedSeconds(String address) {
        return failures.blockedSeconds(address);
    }

    /** Counts wrong credentials from {@code address}; says once when that blocks it. */
    public void failed(String address) {
        if (failures.failed(address)) {
            LOGGER.warn(
                    "{} sent {} wrong credentials within {} minutes: its alarms are refused for {} minutes",
                    address,
                    FailureLimiter.MAX_FAILURES,
                    FailureLimiter.WINDOW.toMinutes(),
                    FailureLimiter.BLOCK.toMinutes());
        }
    }
}
