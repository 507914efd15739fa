package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camalarm.config.TestConfigs;
import org.camalarm.http.Answer;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/** The lenient listener on a real loopback socket; the endpoint behind it is a stand-in. */
class LenientAlarmListenerTest {

    private final AlarmEndpoint endpoint = mock(AlarmEndpoint.class);
    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-11-25T10:00:00Z"));
    private int port;
    private LenientAlarmListener listener;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        BundleContext context = mock(BundleContext.class);
        when(context.getProperty("org.apache.felix.http.host")).thenReturn("127.0.0.1");
        when(endpoint.target(anyString(), anyString()))
                .thenAnswer(call ->
                        call.<String>getArgument(0).startsWith("/tok") ? new AlarmEndpoint.Target(null, null) : null);
        when(endpoint.maxBodyBytes()).thenReturn(1000L);
        listener = new LenientAlarmListener(
                endpoint, timers, TestConfigs.reader(), context, Map.of("lenientPort", String.valueOf(port)));
    }

    @AfterEach
    void stop() {
        listener.deactivate();
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aRequestLineWithSpacesReachesTheEndpointWhole() throws IOException {
        when(endpoint.handle(
                        eq(new AlarmEndpoint.Target(null, null)),
                        eq("GET"),
                        eq("EventType=PD&EventTime=2022-5-26 11:5:0"),
                        any(),
                        any(),
                        eq(new AlarmEndpoint.Sender(
                                "127.0.0.1",
                                false,
                                null,
                                "/camalarm/alarm/tok?EventType=PD&EventTime=2022-5-26 11:5:0"))))
                .thenReturn(Answer.json(200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));

        String answer = exchange("GET /camalarm/alarm/tok?EventType=PD&EventTime=2022-5-26 11:5:0 HTTP/1.1\r\n\r\n");

        assertEquals(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: 15\r\n"
                        + "Connection: close\r\n\r\n{\"status\":\"ok\"}",
                answer);
    }

    @Test
    void aSenderThatDribblesIsCutOffAtTheDeadline() throws Exception {
        try (Socket dribbler = new Socket("127.0.0.1", port)) {
            dribbler.setSoTimeout(5000);
            dribbler.getOutputStream().write("GET /camalarm/alarm/tok?Ev".getBytes(StandardCharsets.ISO_8859_1));
            dribbler.getOutputStream().flush();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> timers.pending() == 1);

            timers.advance(Duration.ofSeconds(LenientAlarmListener.CONNECTION_DEADLINE_S));

            assertEquals(-1, dribbler.getInputStream().read(), "the listener hung up without an answer");
        }
        // and it still serves the next camera
        assertTrue(exchange("GET /camalarm/alarm/other HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 404"));
    }

    @Test
    void aStalledConnectionDoesNotHoldUpTheNextCamera() throws Exception {
        when(endpoint.handle(any(), any(), any(), any(), any(), any(AlarmEndpoint.Sender.class)))
                .thenReturn(Answer.json(200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
        try (Socket stalled = new Socket("127.0.0.1", port)) {
            stalled.getOutputStream().write("GET /camalarm/alarm/".getBytes(StandardCharsets.ISO_8859_1));
            stalled.getOutputStream().flush();
            // held behind the stalled one, this exchange would wait for its 10 s read timeout and fail ours (5 s)
            assertTrue(exchange("GET /camalarm/alarm/tok?EventType=PD HTTP/1.1\r\n\r\n")
                    .startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void oversizedHeadsAndChunkedBodiesGetClearAnswers() throws IOException {
        assertTrue(exchange("GET /camalarm/alarm/tok?" + "x".repeat(20_000) + " HTTP/1.1\r\n\r\n")
                .startsWith("HTTP/1.1 431"));
        assertTrue(exchange("POST /camalarm/alarm/tok HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                .startsWith("HTTP/1.1 411"));
    }

    @Test
    void theTvtLegacyPostWithABareLfHeadAndNoLengthIsReadToTheEndOfItsDocument() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config version=\"1.7\">\n<alarmStatusInfo>\n"
                + "<motionAlarm type=\"boolean\" id=\"1\">true</motionAlarm>\n</alarmStatusInfo>\n</config>";
        when(endpoint.handleTvtLegacy(
                        any(),
                        eq(xml.getBytes(StandardCharsets.ISO_8859_1)),
                        eq(new AlarmEndpoint.Sender("127.0.0.1", false, null, AlarmEndpoint.TVT_LEGACY_PATH))))
                .thenReturn(Answer.json(200, "{}"));
        try (Socket camera = new Socket("127.0.0.1", port)) {
            camera.setSoTimeout(5000);
            // the camera keeps its side open and waits: the end of the document ends the body
            camera.getOutputStream()
                    .write(("POST /SendAlarmStatus HTTP/1.1\nHost: 192.0.2.9\n\n" + xml)
                            .getBytes(StandardCharsets.ISO_8859_1));
            camera.getOutputStream().flush();

            String answer = new String(camera.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        }
    }

    @Test
    void aHeartbeatOfBareXmlIsHandedOnAndGetsNoHttpAnswer() throws Exception {
        String xml = "<config version=\"1.7\"><dataTime>2026-03-21 14:04:05</dataTime></config>";
        when(endpoint.handleTvtLegacy(any(), any(), any())).thenReturn(Answer.json(200, "{}"));

        String answer = exchange("\r\n" + xml);

        assertEquals("", answer);
        verify(endpoint)
                .handleTvtLegacy(
                        "application/xml",
                        xml.getBytes(StandardCharsets.ISO_8859_1),
                        new AlarmEndpoint.Sender("127.0.0.1", false, null, ""));
    }

    @Test
    void aBodyWithoutLengthFromASenderThatClosesItsSideIsReadToTheEnd() throws Exception {
        when(endpoint.handle(
                        any(),
                        eq("POST"),
                        any(),
                        any(),
                        eq("EventType=PD".getBytes(StandardCharsets.UTF_8)),
                        any(AlarmEndpoint.Sender.class)))
                .thenReturn(Answer.json(200, "{}"));
        try (Socket camera = new Socket("127.0.0.1", port)) {
            camera.setSoTimeout(5000);
            camera.getOutputStream()
                    .write("POST /camalarm/alarm/tok HTTP/1.0\r\n\r\nEventType=PD"
                            .getBytes(StandardCharsets.ISO_8859_1));
            camera.shutdownOutput();

            String answer = new String(camera.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        }
    }

    @Test
    void aBodyCutShortOrWithTwoLengthsIsAnswered400AndReachesNoCamera() throws Exception {
        try (Socket camera = new Socket("127.0.0.1", port)) {
            camera.setSoTimeout(5000);
            camera.getOutputStream()
                    .write(("POST /camalarm/alarm/tok HTTP/1.1\r\nContent-Length: 200\r\n\r\n" + "x".repeat(70))
                            .getBytes(StandardCharsets.ISO_8859_1));
            camera.shutdownOutput();

            String answer = new String(camera.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertTrue(answer.startsWith("HTTP/1.1 400 ") && answer.contains("incomplete_body"), answer);
        }
        String twoLengths = exchange(
                "POST /camalarm/alarm/tok HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 50\r\n\r\nEventType=PD");
        assertTrue(
                twoLengths.startsWith("HTTP/1.1 400 ") && twoLengths.contains("conflicting Content-Length"),
                twoLengths);
        verify(endpoint, never()).handle(any(), any(), any(), any(), any(), any(AlarmEndpoint.Sender.class));
    }

    @Test
    void aConnectionPastTheSendersLimitIsAnswered503WithRetryAfter() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0;
                    i < LenientAlarmListener.MAX_PER_ADDRESS;
                    i++) { // silent connections: each holds its place until its read times out
                held.add(new Socket("127.0.0.1", port));
            }
            String answer = exchange("GET /camalarm/alarm/tok?EventType=PD HTTP/1.1\r\n\r\n");

            assertTrue(answer.startsWith("HTTP/1.1 503 ") && answer.contains("Retry-After: 5"), answer);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void anNvrsAbsoluteFormRequestLineReachesTheEndpoint() throws Exception {
        when(endpoint.handle(
                        any(),
                        eq("POST"),
                        any(),
                        eq("application/soap+xml; charset=utf-8"),
                        any(),
                        any(AlarmEndpoint.Sender.class)))
                .thenReturn(Answer.json(200, "{}"));

        String answer = exchange("POST http://192.0.2.5:8089/camalarm/alarm/tok HTTP/1.1\r\n"
                + "Content-Type: application/soap+xml; charset=utf-8\r\nConnection: close\r\nContent-Length: 9\r\n\r\n"
                + "<config/>");

        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
    }
}
