package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.camalarm.camera.AlarmRouter;
import org.camalarm.camera.AlarmRouter.Delivery;
import org.camalarm.camera.AlarmRouter.Route;
import org.camalarm.config.TestConfigs;
import org.camalarm.http.Answer;
import org.camalarm.userdata.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the alarm endpoint answers, decided by the format the decoder recognised. */
class AlarmEndpointTest {

    private static final String TVT_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<config version=\"1.7\" xmlns=\"http://www.ipc.com/ver10\"><alarmStatusInfo>"
            + "<motionAlarm type=\"boolean\" id=\"1\">true</motionAlarm></alarmStatusInfo></config>";

    @TempDir
    Path dir;

    private AlarmEndpoint endpoint() {
        AlarmRouter router = mock(AlarmRouter.class);
        when(router.route(any(), any(), any())).thenReturn(new Delivery(Route.INBOX, null));
        ServerSettings settings = new ServerSettings(
                new TokenStore(dir.resolve("tokens.properties")), TestConfigs.reader(), Map.of("alarmToken", "tok"));
        return new AlarmEndpoint(settings, router);
    }

    private Answer post(String contentType, byte[] body) {
        AlarmEndpoint endpoint = endpoint();
        return endpoint.handle(endpoint.target("/tok/cam"), "POST", null, contentType, body, "192.0.2.1");
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
                endpoint.target("/tok"),
                "GET",
                "EventType=VideoMotion&EventTime=2022-5-26 11:5:0&EventAction=start&MACAddress=5C-F2-07-49-0F-24",
                "application/json;charset=UTF-8",
                new byte[0],
                "192.0.2.1");

        assertEquals(200, answer.status());
        assertEquals("{\"result\":\"success\",\"data\":{}}", new String(answer.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentNobodyKnowsIsAnswered200AndFiresNothing() {
        AlarmRouter router = mock(AlarmRouter.class);
        ServerSettings settings = new ServerSettings(
                new TokenStore(dir.resolve("tokens.properties")), TestConfigs.reader(), Map.of("alarmToken", "tok"));
        AlarmEndpoint endpoint = new AlarmEndpoint(settings, router);

        Answer answer = endpoint.handle(
                endpoint.target("/tok/cam"),
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

        Answer tvt = endpoint.handleTvtLegacy(null, TVT_XML.getBytes(StandardCharsets.UTF_8), "192.0.2.1");
        Answer vigi = endpoint.handleTvtLegacy(
                "application/json",
                "{\"mac\":\"98-ba-5f-8b-10-03\",\"event_list\":[{\"event_type\":[\"MOTION\"]}]}"
                        .getBytes(StandardCharsets.UTF_8),
                "192.0.2.1");

        assertEquals(200, tvt.status());
        assertEquals(true, new String(tvt.body(), StandardCharsets.UTF_8).contains("<status>success</status>"));
        assertEquals(Answer.NOT_FOUND, vigi);
    }
}
