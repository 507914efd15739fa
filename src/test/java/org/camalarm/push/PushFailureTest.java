package org.camalarm.push;

import static org.camalarm.push.Pushes.assertResult;
import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.Test;

/** The three "Error !" cases of the iVSEC Test button, each with its exact reason. */
class PushFailureTest {

    @Test
    void aClosedPortIsUnreachableRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (PushClient client = TestPush.client(loopback(Protocol.HTTP, port))) {
            PushResult result = await(client.send(PushRequest.of(client.settings(), "GET", "relay/0?turn=on")));

            assertResult(PushResult.Reason.UNREACHABLE, "connection refused by 127.0.0.1:" + port, result);
            assertNull(result.status());
        }
    }

    @Test
    void aDeviceThatNeverAnswersTimesOut() throws Exception {
        // accepted by the kernel's backlog, never read, never answered
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                PushClient client = TestPush.client(
                        loopback(Protocol.HTTP, silent.getLocalPort()).withTimeout(Duration.ofMillis(300)))) {
            PushResult result = await(client.send(PushRequest.of(client.settings(), "GET", "relay/0?turn=on")));

            assertResult(
                    PushResult.Reason.UNREACHABLE,
                    "timed out after 300 ms waiting for 127.0.0.1:" + silent.getLocalPort(),
                    result);
        }
    }

    @Test
    void aConnectionClosedWithoutStatusIsNoStatus() throws Exception {
        try (RawDevice raw = new RawDevice(new byte[0]);
                PushClient client = TestPush.client(loopback(Protocol.HTTP, raw.port()))) {
            PushResult result = await(client.send(PushRequest.of(client.settings(), "POST", "relay/0?turn=on")));

            assertEquals(PushResult.Reason.NO_STATUS, result.reason(), result::toString);
            // the JDK's own words follow in brackets and differ between versions
            assertTrue(
                    result.detail()
                            .startsWith("connection to 127.0.0.1:" + raw.port() + " closed without an HTTP status ("),
                    result.detail());
        }
    }

    @Test
    void garbageInsteadOfAStatusLineIsNoStatus() throws Exception {
        try (RawDevice raw = new RawDevice("hello there\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                PushClient client = TestPush.client(loopback(Protocol.HTTP, raw.port()))) {
            PushResult result = await(client.send(PushRequest.of(client.settings(), "GET", "x")));

            assertEquals(PushResult.Reason.NO_STATUS, result.reason(), result::toString);
            assertTrue(
                    result.detail().startsWith("no HTTP status from 127.0.0.1:" + raw.port() + ": "), result.detail());
        }
    }

    @Test
    void anUnknownHostIsUnreachable() {
        try (PushClient client = TestPush.client(DeviceSettings.of(Protocol.HTTP, "no-such-relay.invalid", 0))) {
            PushResult result = await(client.send(PushRequest.of(client.settings(), "GET", "x")));

            assertResult(PushResult.Reason.UNREACHABLE, "unknown host no-such-relay.invalid", result);
        }
    }

    @Test
    void httpsToAPlainHttpPortIsAFailedHandshake() throws Exception {
        byte[] plain = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (RawDevice raw = new RawDevice(plain);
                PushClient client = TestPush.client(loopback(Protocol.HTTPS, raw.port()))) {
            PushResult result = await(client.send(PushRequest.of(client.settings(), "GET", "x")));

            assertEquals(PushResult.Reason.UNREACHABLE, result.reason(), result::toString);
            assertTrue(
                    result.detail().startsWith("TLS handshake with 127.0.0.1:" + raw.port() + " failed"),
                    result.detail());
        }
    }

    @Test
    void aBodyThatNeverEndsTimesOut() throws Exception {
        byte[] partial = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"ison\"".getBytes(StandardCharsets.US_ASCII);
        try (RawDevice raw = new RawDevice(partial, true);
                PushClient client =
                        TestPush.client(loopback(Protocol.HTTP, raw.port()).withTimeout(Duration.ofMillis(200)))) {
            PushResult result = await(client.send(PushRequest.of(client.settings(), "GET", "x")));

            assertResult(
                    PushResult.Reason.UNREACHABLE,
                    "reply from 127.0.0.1:" + raw.port() + " incomplete after 400 ms",
                    result);
        }
    }

    @Test
    void aHugeBodyIsCutNotBuffered() throws Exception {
        String huge = "y".repeat(PushClient.MAX_BODY_BYTES * 4);
        try (FakeDevice device = FakeDevice.http(request -> Reply.of(200, huge));
                PushClient client = TestPush.client(loopback(Protocol.HTTP, device.port()))) {
            PushResult result = await(client.send(PushRequest.of(client.settings(), "GET", "x")));

            assertResult(PushResult.Reason.OK, "HTTP 200 OK", result);
            assertEquals(PushResult.MAX_BODY, result.body().length());
        }
    }

    @Test
    void aClosedClientRefusesPushes() {
        PushClient client = TestPush.client(loopback(Protocol.HTTP, 9));
        client.close();

        PushResult result = await(client.send(PushRequest.of(client.settings(), "GET", "x")));

        assertResult(PushResult.Reason.UNREACHABLE, "push client for 127.0.0.1:9 was closed", result);
    }

    @Test
    void aFailingJudgeIsARejectionNotAnException() throws Exception {
        try (FakeDevice device = FakeDevice.http(request -> Reply.of(200, "OK"));
                PushClient client = TestPush.client(loopback(Protocol.HTTP, device.port()))) {
            CompletableFuture<PushResult> future =
                    client.send(PushRequest.of(client.settings(), "GET", "x"), (status, body) -> {
                        throw new IllegalStateException("boom");
                    });

            assertResult(PushResult.Reason.REJECTED, "HTTP 200 OK with an unreadable body: boom", await(future));
        }
    }

    /** Accepts connections, writes the given bytes and closes (or holds) them, until closed. */
    private static final class RawDevice implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread thread;

        RawDevice(byte[] reply) throws IOException {
            this(reply, false);
        }

        RawDevice(byte[] reply, boolean hold) throws IOException {
            thread = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                Socket socket = server.accept();
                                OutputStream out = socket.getOutputStream();
                                out.write(reply);
                                out.flush();
                                if (hold) {
                                    held.add(socket);
                                } else {
                                    socket.close();
                                }
                            } catch (IOException e) {
                                // closed
                            }
                        }
                    },
                    "raw-device");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
