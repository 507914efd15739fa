package org.camalarm.push;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends pushes as single UDP datagrams ({@link PushRequest#datagram()}) from one unbound socket,
 * opened on first use. No reply is expected: a datagram that left is a success. Name resolution
 * and sending run on the given executor, never on the caller's thread. Thread-safe.
 */
final class UdpPusher implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(UdpPusher.class);
    private final Executor executor;
    private final Duration timeout;
    private @Nullable DatagramSocket socket;

    UdpPusher(Executor executor, Duration timeout) {
        this.executor = executor;
        this.timeout = timeout;
    }

    /** Sends the datagram; the future always completes normally. */
    CompletableFuture<PushResult> send(PushRequest request, long startNanos) {
        return CompletableFuture.supplyAsync(() -> sendNow(request, startNanos), executor)
                .exceptionally(error -> result(Failures.classify(error, request.address(), timeout), startNanos));
    }

    private PushResult sendNow(PushRequest request, long startNanos) {
        try {
            byte[] payload = request.datagram();
            InetAddress address = InetAddress.getByName(request.host());
            socket().send(new DatagramPacket(payload, payload.length, address, request.port()));
            return result(Verdict.ok("datagram sent (no reply expected)"), startNanos);
        } catch (IOException e) {
            LOGGER.debug("datagram to {} failed", request.address(), e);
            Verdict verdict = Failures.classify(e, request.address(), timeout);
            if (verdict.reason() == PushResult.Reason.NO_STATUS) {
                verdict = new Verdict(
                        PushResult.Reason.UNREACHABLE,
                        "cannot send datagram to " + request.address() + ": " + e.getMessage());
            }
            return result(verdict, startNanos);
        }
    }

    private synchronized DatagramSocket socket() throws SocketException {
        DatagramSocket open = socket;
        if (open == null) {
            open = new DatagramSocket();
            socket = open;
        }
        return open;
    }

    private static PushResult result(Verdict verdict, long startNanos) {
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        return new PushResult(verdict.isOk(), verdict.reason(), verdict.detail(), null, latencyMs, "", null);
    }

    @Override
    public synchronized void close() {
        DatagramSocket open = socket;
        if (open != null) {
            open.close();
        }
    }
}
