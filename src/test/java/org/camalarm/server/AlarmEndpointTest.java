package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.camalarm.auth.AuthResult;
import org.camalarm.camera.AlarmRouter;
import org.camalarm.camera.AlarmRouter.Delivery;
import org.camalarm.camera.AlarmRouter.Route;
import org.camalarm.config.TestConfigs;
import org.camalarm.http.Answer;
import org.camalarm.thing.ThingUID;
import org.camalarm.userdata.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the alarm endpoint answers, decided by the format the decoder recognised. */
class AlarmEndpointTest {

    /** What a TVT legacy alarm server's POST presents: an address, no credentials. */
    private static final AlarmEndpoint.Sender LEGACY =
            new AlarmEndpoint.Sender("192.0.2.1", false, null, AlarmEndpoint.TVT_LEGACY_PATH);

    private static final String TVT_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<config version=\"1.7\" xmlns=\"http://www.ipc.com/ver10\"><alarmStatusInfo>"
            + "<motionAlarm type=\"boolean\" id=\"1\">true</motionAlarm></alarmStatusInfo></config>";

    @TempDir
    Path dir;

    private AlarmEndpoint endpoint() {
        AlarmRouter router = mock(AlarmRouter.class);
        when(router.route(any(), any(), any(), any())).thenReturn(new Delivery(Route.INBOX, null));
        return endpointFor(router);
    }

    /** The endpoint with alarm token {@code tok}, handing alarms to {@code router}. */
    private AlarmEndpoint endpointFor(AlarmRouter router) {
        ServerSettings settings = new ServerSettings(
                new TokenStore(dir.resolve("tokens.properties")), TestConfigs.reader(), Map.of("alarmToken", "tok"));
        return new AlarmEndpoint(settings, router);
    }

    private Answer post(String contentType, byte[] body) {
        AlarmEndpoint endpoint = endpoint();
        return endpoint.handle(endpoint.target("/tok/cam", "192.0.2.1"), "POST", null, contentType, body, "192.0.2.1");
    }

    @Test
    void tvtXmlIsAnsweredWithTvtsXml() {
        Answer answer = post("application/xml", TVT_XML.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, answer.status());
        assertEquals("application/xml;charset=utf-8", answer.contentType());
        assertEquals(true, new String(answer.body(), StandardCharsets.UTF_8).contains("<status>success</status>"));
    }

    @Test
    void tvtXmlAfterAByteOrderMarkIsStillAnsweredAsTvt() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        body.write(TVT_XML.getBytes(StandardCharsets.UTF_8));
        Answer answer = post(null, body.toByteArray());

        assertEquals(200, answer.status());
        assertEquals("application/xml;charset=utf-8", answer.contentType(), "the decoder saw TVT; so does the answer");
    }

    @Test
    void blanksBeforeTheXmlDeclarationDoNotHideTvt() {
        Answer answer = post("application/xml", ("\r\n  " + TVT_XML).getBytes(StandardCharsets.UTF_8));

        assertEquals(200, answer.status());
        assertEquals("application/xml;charset=utf-8", answer.contentType(), "the decoder saw TVT; so does the answer");
    }

    @Test
    void otherFormatsAreAnsweredWithJson() {
        Answer answer = post(
                "application/json",
                "{\"mac\":\"98-ba-5f-8b-10-03\",\"event_list\":[{\"event_type\":[\"MOTION\"]}]}"
                        .getBytes(StandardCharsets.UTF_8));

        assertEquals(200, answer.status());
        assertEquals("{\"status\":\"ok\"}", new String(answer.body(), StandardCharsets.UTF_8));
    }

    @Test
    void ivsecIsAnsweredTheWayTheRaysharpDocumentShows() {
        AlarmEndpoint endpoint = endpoint();
        Answer answer = endpoint.handle(
                endpoint.target("/tok", "192.0.2.1"),
                "GET",
                "EventType=VideoMotion&EventTime=2022-5-26 11:5:0&EventAction=start&MACAddress=5C-F2-07-49-0F-24",
                "application/json;charset=UTF-8",
                new byte[0],
                "192.0.2.1");

        assertEquals(200, answer.status());
        assertEquals("{\"result\":\"success\",\"data\":{}}", new String(answer.body(), StandardCharsets.UTF_8));
    }

    @Test
    void methodsNoCameraPushesWithAre405AndFireNothing() {
        AlarmRouter router = mock(AlarmRouter.class);
        AlarmEndpoint endpoint = endpointFor(router);

        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            Answer answer = endpoint.handle(
                    endpoint.target("/tok/cam", "192.0.2.1"), method, null, null, new byte[0], "192.0.2.1");
            assertEquals(405, answer.status(), method);
            assertEquals("GET, POST", answer.allow());
        }
        verifyNoInteractions(router);
    }

    @Test
    void aPathWhoseThingIdIsNoneIs400AndReachesNoCamera() {
        AlarmRouter router = mock(AlarmRouter.class);
        AlarmEndpoint endpoint = endpointFor(router);

        for (String id : new String[] {"front.door", "front$door", "x".repeat(65)}) {
            Answer answer = endpoint.handle(
                    endpoint.target("/tok/" + id, "192.0.2.1"),
                    "GET",
                    "EventType=VideoMotion",
                    null,
                    new byte[0],
                    "192.0.2.1");
            assertEquals(400, answer.status(), id);
            String text = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("invalid_thing_id"), text);
        }
        verifyNoInteractions(router);
    }

    @Test
    void aDocumentNobodyKnowsIsAnswered200AndFiresNothing() {
        AlarmRouter router = mock(AlarmRouter.class);
        AlarmEndpoint endpoint = endpointFor(router);

        Answer answer = endpoint.handle(
                endpoint.target("/tok/cam", "192.0.2.1"),
                "POST",
                null,
                "application/xml",
                "<Heartbeat><Up>1</Up></Heartbeat>".getBytes(StandardCharsets.UTF_8),
                "192.0.2.1");

        assertEquals(200, answer.status());
        verifyNoInteractions(router);
    }

    @Test
    void theTvtLegacyServerNeedsNoTokenButOnlyTvtXmlComesThatWay() {
        AlarmEndpoint endpoint = endpoint();

        Answer tvt = endpoint.handleTvtLegacy(null, TVT_XML.getBytes(StandardCharsets.UTF_8), LEGACY);
        Answer vigi = endpoint.handleTvtLegacy(
                "application/json",
                "{\"mac\":\"98-ba-5f-8b-10-03\",\"event_list\":[{\"event_type\":[\"MOTION\"]}]}"
                        .getBytes(StandardCharsets.UTF_8),
                LEGACY);

        assertEquals(200, tvt.status());
        assertEquals(true, new String(tvt.body(), StandardCharsets.UTF_8).contains("<status>success</status>"));
        assertEquals(Answer.NOT_FOUND, vigi);
    }

    private static final byte[] MOTION =
            "{\"event_list\":[{\"event_type\":[\"MOTION\"]}]}".getBytes(StandardCharsets.UTF_8);
    private static final ThingUID CAM = new ThingUID("vigi", "cam");

    /** An endpoint whose router answers every push with {@code delivery}. */
    private AlarmEndpoint endpointRouting(AlarmRouter router, Delivery delivery) {
        when(router.route(any(), any(), any(), any())).thenReturn(delivery);
        return endpointFor(router);
    }

    private static Answer push(AlarmEndpoint endpoint, String address) {
        return endpoint.handle(
                endpoint.target("/tok/cam", "192.0.2.1"),
                "POST",
                null,
                "application/json",
                MOTION,
                new AlarmEndpoint.Sender(address, true, "Basic Y2FtOmd1ZXNz", "/camalarm/alarm/tok/cam"));
    }

    @Test
    void wrongCredentialsAreChallengedAndCountedUntilTheAddressIsBlocked() {
        AlarmRouter router = mock(AlarmRouter.class);
        AlarmEndpoint endpoint = endpointRouting(router, new Delivery(Route.UNAUTHORIZED, CAM, AuthResult.WRONG));

        for (int i = 0; i < 10; i++) {
            Answer answer = push(endpoint, "192.0.2.9");
            assertEquals(401, answer.status(), "push " + i);
            assertEquals(2, answer.headers().size());
            assertEquals("WWW-Authenticate", answer.headers().get(0).name());
            assertTrue(answer.headers().get(0).value().startsWith("Digest realm=\"camalarm\""));
            assertTrue(answer.headers().get(1).value().startsWith("Basic realm=\"camalarm\""));
        }
        Answer blocked = push(endpoint, "192.0.2.9");

        assertEquals(429, blocked.status());
        assertEquals("Retry-After", blocked.headers().get(0).name());
        assertEquals("300", blocked.headers().get(0).value());
        verify(router, times(10)).route(any(), any(), any(), any()); // refused before it was even decoded
        assertEquals(401, push(endpoint, "192.0.2.10").status(), "another address is still heard");
    }

    @Test
    void missingCredentialsAreChallengedButNeverBlockACamera() {
        AlarmEndpoint endpoint =
                endpointRouting(mock(AlarmRouter.class), new Delivery(Route.UNAUTHORIZED, CAM, AuthResult.MISSING));

        for (int i = 0; i < 30; i++) {
            assertEquals(401, push(endpoint, "192.0.2.9").status(), "push " + i);
        }
    }

    @Test
    void credentialsOverPlainHttpAreRefusedWithoutAChallenge() {
        AlarmEndpoint endpoint =
                endpointRouting(mock(AlarmRouter.class), new Delivery(Route.UNAUTHORIZED, CAM, AuthResult.PLAIN_HTTP));

        Answer answer = push(endpoint, "192.0.2.9");

        assertEquals(403, answer.status());
        assertTrue(new String(answer.body(), StandardCharsets.UTF_8).contains("\"https_required\""));
        assertEquals(0, answer.headers().size(), "a challenge would invite the password in clear");
    }

    @Test
    void aStaleNonceIsChallengedWithStaleTrue() {
        AlarmEndpoint endpoint =
                endpointRouting(mock(AlarmRouter.class), new Delivery(Route.UNAUTHORIZED, CAM, AuthResult.STALE));

        Answer answer = push(endpoint, "192.0.2.9");

        assertEquals(401, answer.status());
        assertTrue(answer.headers().get(0).value().endsWith("stale=true"));
    }

    @Test
    void aLegacyTvtAlarmForACameraWithCredentialsIsRefused() {
        AlarmEndpoint endpoint =
                endpointRouting(mock(AlarmRouter.class), new Delivery(Route.UNAUTHORIZED, CAM, AuthResult.MISSING));

        Answer answer = endpoint.handleTvtLegacy(null, TVT_XML.getBytes(StandardCharsets.UTF_8), LEGACY);

        assertEquals(401, answer.status());
    }

    @Test
    void anAddressBlockedForWrongCredentialsIsRefusedOnTheLegacyPathToo() {
        AlarmRouter router = mock(AlarmRouter.class);
        AlarmEndpoint endpoint = endpointRouting(router, new Delivery(Route.UNAUTHORIZED, CAM, AuthResult.WRONG));
        for (int i = 0; i < 10; i++) {
            push(endpoint, "192.0.2.1");
        }

        Answer answer = endpoint.handleTvtLegacy(null, TVT_XML.getBytes(StandardCharsets.UTF_8), LEGACY);

        assertEquals(429, answer.status());
        verify(router, times(10)).route(any(), any(), any(), any());
    }
}
