package org.camalarm.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camalarm.config.TestConfigs;
import org.camalarm.http.Answer;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/** The UDP listener on a real loopback socket; the endpoint behind it is a stand-in. */
class UdpAlarmListenerTest {

    private static final Answer OK = Answer.json(200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
    private static final AlarmEndpoint.Target GATE = new AlarmEndpoint.Target("gate", null);

    private final AlarmEndpoint endpoint = mock(AlarmEndpoint.class);
    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-11-25T10:00:00Z"));
    private final BundleContext context = mock(BundleContext.class);
    private UdpAlarmListener listener;
    private DatagramSocket camera;

    @BeforeEach
    void start() throws IOException {
        when(context.getProperty("org.apache.felix.http.host")).thenReturn("127.0.0.1");
        when(endpoint.target(anyString(), anyString()))
                .thenAnswer(call -> call.<String>getArgument(0).startsWith("/tok/gate") ? GATE : null);
        when(endpoint.maxBodyBytes()).thenReturn(1000L);
        when(endpoint.handle(any(), anyString(), any(), any(), any(), any(AlarmEndpoint.Sender.class)))
                .thenReturn(OK);
        camera = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        listener = new UdpAlarmListener(endpoint, timers, TestConfigs.reader(), context, Map.of("udpPort", "0"));
        assertEquals(-1, listener.localPort(), "0 = off");
        listener = new UdpAlarmListener(endpoint, timers, TestConfigs.reader(), context, Map.of("udpPort", freePort()));
    }

    @AfterEach
    void stop() {
        listener.deactivate();
        camera.close();
    }

    private static String freePort() throws IOException {
        try (DatagramSocket free = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return String.valueOf(free.getLocalPort());
        }
    }

    private void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        camera.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), listener.localPort()));
    }

    @Test
    void aChangeOfAnotherServerKeyKeepsTheSocketAndANewUdpPortMovesIt() throws IOException {
        DatagramSocket bound = listener.socket();
        String port = String.valueOf(listener.localPort());
        listener.modified(Map.of("udpPort", port, "uiPassword", "changed")); // not this listener's key
        assertSame(bound, listener.socket(), "datagrams on their way are not lost to a rebind");

        String moved = freePort();
        listener.modified(Map.of("udpPort", moved));
        assertTrue(bound.isClosed());
        assertEquals(Integer.parseInt(moved), listener.localPort());
        send("camalarm/alarm/tok/gate?EventType=VideoMotion&EventAction=start");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.counts().accepted() == 1);

        listener.modified(Map.of("udpPort", "0"));
        assertEquals(-1, listener.localPort(), "0 = off");
    }

    @Test
    void theApiCommandReachesTheEndpointAsAGetFromTheSendersAddress() throws IOException {
        send("camalarm/alarm/tok/gate?EventType=VideoMotion&EventTime=2022-5-26 11:5:0&EventAction=start");

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.counts().accepted() == 1);
        verify(endpoint)
                .handle(
                        eq(GATE),
                        eq("GET"),
                        eq("EventType=VideoMotion&EventTime=2022-5-26 11:5:0&EventAction=start"),
                        eq(null),
                        eq(new byte[0]),
                        eq(new AlarmEndpoint.Sender(
                                "127.0.0.1",
                                false,
                                null,
                                "/camalarm/alarm/tok/gate?EventType=VideoMotion&EventTime=2022-5-26 11:5:0"
                                        + "&EventAction=start")));
    }

    @Test
    void aWholeRequestsAuthorizationReachesTheEndpointAsAPlainHttpSender() {
        String datagram = "POST /camalarm/alarm/tok/gate/PD HTTP/1.1\r\nAuthorization: Basic Y2FtOnNlY3JldA==\r\n"
                + "Content-Type: application/json\r\n\r\n{\"EventType\":\"PD\"}";

        listener.handle("192.0.2.5", bytes(datagram), datagram.length());

        verify(endpoint)
                .handle(
                        eq(GATE),
                        eq("POST"),
                        eq(null),
                        eq("application/json"),
                        eq(bytes("{\"EventType\":\"PD\"}")),
                        eq(new AlarmEndpoint.Sender(
                                "192.0.2.5", false, "Basic Y2FtOnNlY3JldA==", "/camalarm/alarm/tok/gate/PD")));
        assertEquals(1, listener.counts().accepted());
    }

    @Test
    void anAlarmRefusedForItsCredentialsIsDroppedUnanswered() throws IOException {
        // what the endpoint answers a camera with credentials: 401 without them, 403 over plain
        // HTTP/UDP unless credentialsOverHttp, 429 for an address that guessed too often
        when(endpoint.handle(any(), anyString(), any(), any(), any(), any(AlarmEndpoint.Sender.class)))
                .thenReturn(Answer.error(401, "unauthorized", "credentials needed"))
                .thenReturn(Answer.error(403, "https_required", "over HTTPS"))
                .thenReturn(Answer.error(429, "too_many_attempts", "later"));

        send("camalarm/alarm/tok/gate/PD");
        send("camalarm/alarm/tok/gate/PD");
        send("camalarm/alarm/tok/gate/PD");

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.counts().dropped() == 3);
        assertEquals(0, listener.counts().accepted());
        camera.setSoTimeout(300);
        assertThrows(SocketTimeoutException.class, () -> camera.receive(new DatagramPacket(new byte[100], 100)));
    }

    @Test
    void aWrongTokenOrGarbageIsDroppedCountedAndNeverAnswered() throws IOException {
        send("camalarm/alarm/wrong/gate/PD");
        send("\u0016\u0003\u0001 not an alarm at all");
        send("{\"EventType\":\"PD\"}");
        send("camalarm/alarm/tok/gate/PD");

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.counts().accepted() == 1);
        assertEquals(new UdpAlarmListener.Counts(1, 3, 0), listener.counts());
        verify(endpoint, times(1)).handle(any(), anyString(), any(), any(), any(), any(AlarmEndpoint.Sender.class));
        camera.setSoTimeout(300);
        assertThrows(SocketTimeoutException.class, () -> camera.receive(new DatagramPacket(new byte[100], 100)));
    }

    @Test
    void anAlarmTheEndpointRefusesIsCountedAsDropped() throws IOException {
        when(endpoint.handle(any(), anyString(), any(), any(), any(), any(AlarmEndpoint.Sender.class)))
                .thenReturn(Answer.error(400, "unrecognised_alarm", "no"));

        send("camalarm/alarm/tok/gate");

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.counts().dropped() == 1);
        assertEquals(0, listener.counts().accepted());
    }

    @Test
    void aFloodFromOneSenderIsCutToItsRateWithoutReachingTheDecoder() {
        for (int i = 0; i < UdpAlarmListener.BURST + 10; i++) {
            listener.handle("192.0.2.7", bytes("camalarm/alarm/wrong/x"), "camalarm/alarm/wrong/x".length());
        }
        listener.handle("192.0.2.8", bytes("camalarm/alarm/tok/gate/PD"), "camalarm/alarm/tok/gate/PD".length());

        assertEquals(new UdpAlarmListener.Counts(1, UdpAlarmListener.BURST, 10), listener.counts());
        verify(endpoint, times(UdpAlarmListener.BURST + 1)).target(anyString(), anyString());

        timers.advance(Duration.ofSeconds(1)); // the bucket refills at PER_SECOND
        listener.handle("192.0.2.7", bytes("camalarm/alarm/tok/gate/PD"), "camalarm/alarm/tok/gate/PD".length());
        assertEquals(2, listener.counts().accepted());
    }

    @Test
    void aBodyOverTheLimitIsDroppedUnread() {
        when(endpoint.maxBodyBytes()).thenReturn(4L);
        String datagram = "camalarm/alarm/tok/gate\n{\"EventType\":\"PD\"}";

        listener.handle("192.0.2.9", bytes(datagram), datagram.length());

        assertEquals(1, listener.counts().dropped());
        verify(endpoint, never()).handle(any(), anyString(), any(), any(), any(), any(AlarmEndpoint.Sender.class));
    }

    @Test
    void aPortInUseIsReportedAndLeavesTheListenerOff() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertNull(UdpAlarmListener.bind("127.0.0.1", taken.getLocalPort()));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
