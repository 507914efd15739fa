package org.camalarm.push;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one HTTP(S) push through a device's {@link HttpClient}, answers authentication
 * challenges, and turns the outcome into a {@link PushResult}. The attempts of one push:
 *
 * <ol>
 * <li>the request, pre-authenticated when {@link DeviceAuth} has a header (BASIC mode, or a
 * remembered challenge);</li>
 * <li>on a 401 to a request without credentials or with remembered ones: the answer to the fresh
 * challenge;</li>
 * <li>on a 401 to an answer that says {@code stale=true}: one more answer to the new nonce.</li>
 * </ol>
 * Any other 401, and a 403 to a request with credentials, is {@link PushResult.Reason#AUTH_FAILED}.
 * Thread-safe; one instance per client.
 */
final class HttpPusher {

    private static final Logger LOGGER = LoggerFactory.getLogger(HttpPusher.class);
    /** Bodies are read up to this size; the rest is dropped. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** The whole exchange, body included, is abandoned after this many times the timeout. */
    static final int BODY_TIMEOUT_FACTOR = 2;

    private final HttpClient client;
    private final DeviceSettings settings;
    private final DeviceAuth auth;
    private final LimitedBody bodyHandler = new LimitedBody(MAX_BODY_BYTES);

    HttpPusher(HttpClient client, DeviceSettings settings) {
        this.client = client;
        this.settings = settings;
        this.auth = new DeviceAuth(settings);
    }

    /** How the credentials of one attempt came about. */
    private enum Attempt {
        /** No Authorization header. */
        PLAIN,
        /** A header from a remembered challenge, possibly outdated. */
        REMEMBERED,
        /** A header answering a challenge of this push, or the configured preemptive Basic. */
        ANSWER,
        /** An answer to a stale-nonce challenge after an answer. */
        STALE_ANSWER
    }

    /** Sends the push; the future always completes normally. */
    CompletableFuture<PushResult> send(PushRequest request, ResponseJudge judge, long startNanos) {
        String target = request.requestTarget();
        Optional<DeviceAuth.Header> header = auth.preemptive(request.method(), target, request.body());
        Attempt attempt =
                header.isEmpty() ? Attempt.PLAIN : header.get().remembered() ? Attempt.REMEMBERED : Attempt.ANSWER;
        return attempt(
                request, judge, startNanos, header.map(DeviceAuth.Header::value).orElse(null), attempt);
    }

    private CompletableFuture<PushResult> attempt(
            PushRequest request,
            ResponseJudge judge,
            long startNanos,
            @Nullable String authorization,
            Attempt attempt) {
        Duration timeout = settings.timeout();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(build(request, authorization), bodyHandler);
        // backstop for a body that never ends (the request timeout only covers the headers):
        // give up on a copy, and cancel the exchange so that the JDK (16+) drops the connection
        CompletableFuture<HttpResponse<String>> guarded =
                exchange.copy().orTimeout(timeout.toMillis() * BODY_TIMEOUT_FACTOR, TimeUnit.MILLISECONDS);
        guarded.whenComplete((response, error) -> {
            if (error != null) {
                exchange.cancel(true);
            }
        });
        return guarded.thenCompose(response -> onResponse(request, judge, startNanos, attempt, response))
                .exceptionally(error -> failed(request, startNanos, error));
    }

    private CompletableFuture<PushResult> onResponse(
            PushRequest request, ResponseJudge judge, long startNanos, Attempt attempt, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        String fingerprint = fingerprint(response);
        if (status == 401) {
            List<AuthChallenge> challenges =
                    AuthChallenge.parseAll(response.headers().allValues("WWW-Authenticate"));
            boolean stale = challenges.stream().anyMatch(c -> c.isScheme("Digest") && DigestAuth.isStale(c));
            // a remembered or preemptive header failed: answer the challenge; an answer failed: once more
            // only when the nonce was merely stale; then give up
            Attempt next = null;
            if (attempt == Attempt.PLAIN || attempt == Attempt.REMEMBERED) {
                next = Attempt.ANSWER;
            } else if (attempt == Attempt.ANSWER && stale) {
                next = Attempt.STALE_ANSWER;
            }
            if (attempt == Attempt.REMEMBERED || next == null) {
                auth.forget();
            }
            if (next == null) {
                String refusal = auth.refusal(challenges);
                String detail =
                        refusal != null ? refusal : "credentials for user '" + settings.username() + "' not accepted";
                return done(result(
                        PushResult.Reason.AUTH_FAILED,
                        HttpStatus.describe(401) + ": " + detail,
                        status,
                        startNanos,
                        body,
                        fingerprint));
            }
            DeviceAuth.Answer answer =
                    auth.answer(challenges, request.method(), request.requestTarget(), request.body());
            if (answer.header() == null) {
                return done(result(
                        PushResult.Reason.AUTH_FAILED,
                        HttpStatus.describe(401) + ": " + answer.failure(),
                        status,
                        startNanos,
                        body,
                        fingerprint));
            }
            return attempt(request, judge, startNanos, answer.header(), next);
        }
        if (attempt != Attempt.PLAIN) {
            auth.onAuthenticationInfo(response.headers().allValues("Authentication-Info"));
        }
        if (status == 403 && attempt != Attempt.PLAIN) {
            return done(result(
                    PushResult.Reason.AUTH_FAILED,
                    HttpStatus.describe(403) + ": user '" + settings.username() + "' is not allowed to do this",
                    status,
                    startNanos,
                    body,
                    fingerprint));
        }
        Verdict verdict;
        try {
            verdict = judge.judge(status, body);
        } catch (RuntimeException e) {
            LOGGER.debug("judge failed on the reply of {}", request.address(), e);
            verdict = Verdict.rejected(HttpStatus.describe(status) + " with an unreadable body: " + e.getMessage());
        }
        return done(result(verdict.reason(), verdict.detail(), status, startNanos, body, fingerprint));
    }

    private PushResult failed(PushRequest request, long startNanos, Throwable error) {
        Verdict verdict = Failures.classify(error, request.address(), settings.timeout());
        CertificateMismatchException mismatch = Failures.mismatch(error);
        LOGGER.debug("push to {} failed: {}", request.address(), verdict.detail(), error);
        return result(
                verdict.reason(), verdict.detail(), null, startNanos, "", mismatch == null ? null : mismatch.seen());
    }

    private PushResult result(
            PushResult.Reason reason,
            String detail,
            @Nullable Integer status,
            long startNanos,
            String body,
            @Nullable String fingerprint) {
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        String excerpt = BodyExcerpt.of(body, settings.username(), settings.password());
        return new PushResult(reason == PushResult.Reason.OK, reason, detail, status, latencyMs, excerpt, fingerprint);
    }

    private HttpRequest build(PushRequest request, @Nullable String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(settings.timeout());
        if (request.body() != null) {
            builder.header(
                    "Content-Type",
                    request.contentType() != null ? request.contentType() : "text/plain; charset=utf-8");
            builder.method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    /** The fingerprint of the certificate the reply came over, or {@code null} for plain HTTP. */
    private static @Nullable String fingerprint(HttpResponse<?> response) {
        Optional<SSLSession> session = response.sslSession();
        if (session.isEmpty()) {
            return null;
        }
        try {
            Certificate[] chain = session.get().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Fingerprints.of(leaf) : null;
        } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
            return null;
        }
    }

    private static CompletableFuture<PushResult> done(PushResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
