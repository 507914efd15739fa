package org.camalarm.push;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link PushRequest}s to one device and reports each outcome as a {@link PushResult}.
 *
 * <p>Contract:
 * <ul>
 * <li>{@link #send} never blocks the calling thread and its future never completes
 * exceptionally: every failure is a result with a {@link PushResult.Reason}.</li>
 * <li>One client per {@link DeviceSettings}: it uses one JDK {@link HttpClient} (HTTP/1.1,
 * connect timeout = {@link DeviceSettings#timeout()}, keep-alive connections pooled and reused,
 * no proxy, no redirects followed; for HTTPS its own, with its own {@link PinningTrustManager}), the authentication
 * state ({@link DeviceAuth}: remembered Digest challenge, nonce count), and a datagram socket for
 * UDP. When the settings change, close this client and build a new one: old credentials and
 * pins can then never leak into new requests.</li>
 * <li>At most {@link DeviceSettings#maxConcurrent()} pushes are in flight; up to
 * {@value #QUEUE_CAPACITY} more wait; beyond that a push completes at once with
 * {@link PushResult.Reason#OVERLOADED}.</li>
 * <li>Trust on first use: without a pinned fingerprint every HTTPS result carries the
 * fingerprint seen, and the listener given to the constructor is told each new one, so the
 * caller can persist it (then build a new client with the pin).</li>
 * <li>Threads: the {@link SharedTransport}'s bounded pool serves the HTTPS client and UDP sends,
 * and its HTTP client serves plain HTTP devices (for a device at an IP address, on the sending
 * thread and the client's selector thread): no thread is the device's own, none per request.
 * While that pool's queue is full a push completes at once with {@link PushResult.Reason#OVERLOADED}.</li>
 * </ul>
 * Thread-safe. {@link #close()} refuses waiting and later pushes, lets running ones finish and
 * releases its sockets and its own HTTPS client.
 */
public final class PushClient implements AutoCloseable {

    /** Most pushes that may wait for a free slot per device. */
    public static final int QUEUE_CAPACITY = 64;
    /** Reply bodies are read up to this many bytes. */
    public static final int MAX_BODY_BYTES = HttpPusher.MAX_BODY_BYTES;

    private static final Logger LOGGER = LoggerFactory.getLogger(PushClient.class);

    private final DeviceSettings settings;
    private final Consumer<String> onNewCertificate;
    private final SharedTransport shared;
    /** The client's own HTTP client (to shut down on close), or {@code null} when shared or UDP. */
    private final @Nullable HttpClient httpClient;

    private final @Nullable HttpPusher httpPusher;
    private final @Nullable RawHttpPusher rawPusher;
    private final UdpPusher udpPusher;
    private final PushLimiter limiter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<@Nullable String> reportedFingerprint = new AtomicReference<>();

    /**
     * @param settings         the device
     * @param onNewCertificate told the canonical SHA-256 fingerprint ({@code AB:CD:...}) of each
     *                         new certificate an unpinned HTTPS device presents, before the
     *                         result completes; called on a client thread, must not block
     * @param shared           the threads and plain-HTTP clients it shares with every other device
     */
    public PushClient(DeviceSettings settings, Consumer<String> onNewCertificate, SharedTransport shared) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onNewCertificate = Objects.requireNonNull(onNewCertificate, "onNewCertificate");
        this.shared = Objects.requireNonNull(shared, "shared");
        Executor executor = shared.executor();
        this.limiter = new PushLimiter(settings.maxConcurrent(), QUEUE_CAPACITY);
        this.udpPusher = new UdpPusher(executor, settings.timeout());
        HttpClient own = null;
        HttpClient http = null;
        SSLContext ssl = sslContext(settings.certificateFingerprint());
        if (settings.protocol() == Protocol.HTTP) {
            http = shared.plainHttp(settings.timeout(), SharedTransport.ipLiteral(settings.host()));
        } else if (settings.protocol() != Protocol.UDP) {
            own = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .sslContext(ssl)
                    .executor(executor)
                    .build();
            http = own;
        }
        this.httpClient = own;
        this.httpPusher = http == null ? null : new HttpPusher(http, settings);
        this.rawPusher = http == null ? null : new RawHttpPusher(executor, ssl, settings);
    }

    /** The settings this client was built for. */
    public DeviceSettings settings() {
        return settings;
    }

    /** Sends the request; success means a 2xx status (or, for UDP, a datagram sent). */
    public CompletableFuture<PushResult> send(PushRequest request) {
        return send(request, ResponseJudge.STATUS_2XX);
    }

    /**
     * Sends the request and lets {@code judge} read the reply (except a 401, and a 403 to a
     * request with credentials, which are authentication failures).
     *
     * @return the outcome; never completes exceptionally, never blocks the caller
     */
    public CompletableFuture<PushResult> send(PushRequest request, ResponseJudge judge) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(judge, "judge");
        long start = System.nanoTime();
        return limiter.submit(() -> dispatch(request, judge, start), why -> refused(request, why, start))
                .exceptionally(error -> {
                    LOGGER.debug("push to {} failed unexpectedly", request.address(), error);
                    Verdict verdict = Failures.classify(error, request.address(), settings.timeout());
                    return PushResult.failure(verdict.reason(), verdict.detail(), elapsedMs(start));
                })
                .thenApply(this::afterResult);
    }

    /** Refuses waiting and later pushes (as unreachable, "closed"), lets running ones finish, then frees threads. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        limiter.close();
        udpPusher.close();
        shutdownHttpClient();
    }

    private CompletableFuture<PushResult> dispatch(PushRequest request, ResponseJudge judge, long start) {
        String saturated = shared.saturation();
        if (saturated != null) {
            return CompletableFuture.completedFuture(
                    PushResult.failure(PushResult.Reason.OVERLOADED, saturated, elapsedMs(start)));
        }
        try {
            if (request.protocol() == Protocol.UDP) {
                return udpPusher.send(request, start);
            }
            RawHttpPusher raw = rawPusher;
            if (raw != null && judge instanceof HeadlessReplies family && family.mayAnswerHeadless(request)) {
                return raw.send(request, judge, family, start); // the JDK client cannot read a reply without a head
            }
            HttpPusher http = httpPusher;
            if (http == null) {
                return CompletableFuture.completedFuture(PushResult.failure(
                        PushResult.Reason.UNREACHABLE,
                        "a client for a UDP device cannot send " + request.protocol(),
                        elapsedMs(start)));
            }
            return http.send(request, judge, start);
        } catch (RejectedExecutionException e) { // filled up between the check and the send
            return CompletableFuture.completedFuture(PushResult.failure(
                    PushResult.Reason.OVERLOADED, "the hub's push threads are saturated", elapsedMs(start)));
        }
    }

    private PushResult refused(PushRequest request, String why, long start) {
        if (PushLimiter.CLOSED.equals(why)) {
            return PushResult.failure(
                    PushResult.Reason.UNREACHABLE,
                    "push client for " + request.address() + " was closed",
                    elapsedMs(start));
        }
        return PushResult.failure(PushResult.Reason.OVERLOADED, why, elapsedMs(start));
    }

    private PushResult afterResult(PushResult result) {
        String fingerprint = result.fingerprint();
        if (fingerprint != null
                && settings.certificateFingerprint() == null
                && !fingerprint.equals(reportedFingerprint.getAndSet(fingerprint))) {
            try {
                onNewCertificate.accept(fingerprint);
            } catch (RuntimeException e) {
                LOGGER.warn("certificate listener for {} failed", settings.host(), e);
            }
        }
        LOGGER.debug("push to {}: {} {}", settings.host(), result.reason(), result.detail());
        return result;
    }

    /** JDK 21+ can shut a client down (closing pooled connections); on 17 it is released when unreachable. */
    private void shutdownHttpClient() {
        HttpClient http = httpClient;
        if (http != null) {
            SharedTransport.shutdown(http);
        }
    }

    private static SSLContext sslContext(@Nullable String pin) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinningTrustManager(pin)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has TLS", e);
        }
    }

    private static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
