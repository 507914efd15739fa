package org.camalarm.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP(S) exchange over a socket of its own, for requests whose reply may come without an HTTP
 * head ({@link HeadlessReplies}): the request is written with {@code Connection: close}, and
 * everything the device sends until it closes (or until the reply is whole, or the timeout) is the
 * reply ({@link RawReply}). A reply with a head is judged like any other; one without is judged by
 * the family, by its body. A 401 is answered once (Basic or Digest, {@link DeviceAuth}), as by
 * {@link HttpPusher}. Blocking I/O on the client's executor; bounded by the body limit and twice
 * the timeout. Thread-safe; one instance per client.
 */
final class RawHttpPusher {

    private static final Logger LOGGER = LoggerFactory.getLogger(RawHttpPusher.class);
    /** Room for a head beside the body limit. */
    private static final int MAX_REPLY_BYTES = HttpPusher.MAX_BODY_BYTES + 16 * 1024;

    private final Executor executor;
    private final SSLContext ssl;
    private final DeviceSettings settings;
    private final DeviceAuth auth;

    RawHttpPusher(Executor executor, SSLContext ssl, DeviceSettings settings) {
        this.executor = executor;
        this.ssl = ssl;
        this.settings = settings;
        this.auth = new DeviceAuth(settings);
    }

    /** Sends the push; the future always completes normally. */
    CompletableFuture<PushResult> send(PushRequest request, ResponseJudge judge, HeadlessReplies family, long start) {
        return CompletableFuture.supplyAsync(() -> push(request, judge, family, start), executor);
    }

    private PushResult push(PushRequest request, ResponseJudge judge, HeadlessReplies family, long start) {
        String target = request.requestTarget();
        String fingerprint = null;
        try {
            Optional<DeviceAuth.Header> preemptive = auth.preemptive(request.method(), target, request.body());
            Exchange exchange =
                    exchange(request, preemptive.map(DeviceAuth.Header::value).orElse(null), family);
            fingerprint = exchange.fingerprint();
            RawReply reply = exchange.reply();
            boolean answered = preemptive.isPresent() && !preemptive.get().remembered();
            if (Integer.valueOf(401).equals(reply.status()) && !answered) {
                if (preemptive.isPresent()) {
                    auth.forget();
                }
                List<AuthChallenge> challenges = AuthChallenge.parseAll(reply.header("www-authenticate"));
                DeviceAuth.Answer answer = auth.answer(challenges, request.method(), target, request.body());
                String header = answer.header();
                if (header == null) {
                    return result(
                            PushResult.Reason.AUTH_FAILED,
                            HttpStatus.describe(401) + ": " + answer.failure(),
                            401,
                            start,
                            reply.body(),
                            fingerprint);
                }
                exchange = exchange(request, header, family);
                reply = exchange.reply();
                answered = true;
            }
            Integer status = reply.status();
            Verdict verdict;
            if (status == null) {
                verdict = family.judgeHeadless(reply.body());
            } else if (status == 401 || (status == 403 && answered)) {
                auth.forget();
                verdict = new Verdict(
                        PushResult.Reason.AUTH_FAILED,
                        HttpStatus.describe(status) + ": credentials for user '" + settings.username()
                                + "' not accepted");
            } else {
                verdict = judge.judge(status, reply.body());
            }
            return result(verdict.reason(), verdict.detail(), status, start, reply.body(), fingerprint);
        } catch (IOException | RuntimeException e) {
            Verdict verdict = timeout(e, request);
            if (verdict == null) {
                verdict = Failures.classify(e, request.address(), settings.timeout());
            }
            CertificateMismatchException mismatch = Failures.mismatch(e);
            LOGGER.debug("push to {} failed: {}", request.address(), verdict.detail(), e);
            return result(
                    verdict.reason(),
                    verdict.detail(),
                    null,
                    start,
                    "",
                    mismatch != null ? mismatch.seen() : fingerprint);
        }
    }

    private record Exchange(RawReply reply, @Nullable String fingerprint) {}

    private Exchange exchange(PushRequest request, @Nullable String authorization, HeadlessReplies family)
            throws IOException {
        int timeout = (int) settings.timeout().toMillis();
        long deadline =
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos((long) timeout * HttpPusher.BODY_TIMEOUT_FACTOR);
        try (Socket socket = connect(request, timeout)) {
            socket.setSoTimeout(timeout);
            String fingerprint = socket instanceof SSLSocket tls ? fingerprint(tls) : null;
            OutputStream out = socket.getOutputStream();
            out.write(requestBytes(request, authorization));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[4096];
            int length = 0;
            RawReply.Progress progress = new RawReply.Progress(family);
            while (length < MAX_REPLY_BYTES) {
                if (length == reply.length) {
                    reply = Arrays.copyOf(reply, Math.min(MAX_REPLY_BYTES, reply.length * 2));
                }
                int n;
                try {
                    n = in.read(reply, length, reply.length - length);
                } catch (SocketTimeoutException e) {
                    if (length > 0) {
                        break; // the device said its piece and keeps the connection open
                    }
                    throw e;
                }
                if (n < 0) {
                    break;
                }
                length += n;
                if (progress.isWhole(reply, length) || System.nanoTime() > deadline) {
                    break;
                }
            }
            if (length == 0) {
                throw new IOException("connection closed with no reply");
            }
            return new Exchange(RawReply.parse(reply, length), fingerprint);
        }
    }

    private Socket connect(PushRequest request, int timeout) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(request.host(), request.port()), timeout);
            if (request.protocol() != Protocol.HTTPS) {
                return plain;
            }
            plain.setSoTimeout(timeout);
            SSLSocket tls =
                    (SSLSocket) ssl.getSocketFactory().createSocket(plain, request.host(), request.port(), true);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static byte[] requestBytes(PushRequest request, @Nullable String authorization) {
        StringBuilder head = new StringBuilder(256)
                .append(request.method())
                .append(' ')
                .append(request.requestTarget())
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(request.address())
                .append("\r\n")
                .append("Accept: */*\r\nConnection: close\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        String text = request.body();
        byte[] body = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (request.body() != null) {
            String type = request.contentType();
            head.append("Content-Type: ")
                    .append(type != null ? type : "text/plain; charset=utf-8")
                    .append("\r\n");
        }
        if (request.body() != null || !request.method().equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** Timeouts in the words {@link HttpPusher} uses; {@code null} for other failures. */
    private @Nullable Verdict timeout(Throwable e, PushRequest request) {
        if (!(e instanceof SocketTimeoutException)) {
            return null;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        long ms = settings.timeout().toMillis();
        return new Verdict(
                PushResult.Reason.UNREACHABLE,
                message.contains("connect")
                        ? "connecting to " + request.address() + " timed out after " + ms + " ms"
                        : "timed out after " + ms + " ms waiting for " + request.address());
    }

    private static @Nullable String fingerprint(SSLSocket socket) {
        try {
            Certificate[] chain = socket.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Fingerprints.of(leaf) : null;
        } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
            return null;
        }
    }

    private PushResult result(
            PushResult.Reason reason,
            String detail,
            @Nullable Integer status,
            long start,
            String body,
            @Nullable String fingerprint) {
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String excerpt = BodyExcerpt.of(body, settings.username(), settings.password());
        return new PushResult(reason == PushResult.Reason.OK, reason, detail, status, latencyMs, excerpt, fingerprint);
    }
}
