package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alarm server end to end: real camera requests over HTTP to the real hub process, observed
 * through its REST API. One hub for the class; each test uses its own cameras.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmServerIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
    /** The configuration contract: changes in conf/ apply within 3 s. */
    private static final Duration HOT_RELOAD = Duration.ofSeconds(3);

    private Hub hub;
    private int lenientPort;

    @BeforeAll
    void startHub(@TempDir Path dir) throws Exception {
        hub = Hub.withTokens(dir);
        lenientPort = Hub.freePort();
        hub.writeConf(
                "camalarm.server.cfg",
                "alarmToken=" + Hub.ALARM_TOKEN + "\napiToken=" + Hub.API_TOKEN + "\nmaxBodyBytes=1048576\nlenientPort="
                        + lenientPort + "\n");
        hub.writeConf("camalarm.ivsec-lane.cfg", "label=Lane\nmac=5C-F2-07-49-0F-31\n");
        hub.writeConf("camalarm.vigi-frontdoor.cfg", "label=Front door\nholdTime=1\n");
        hub.writeConf("camalarm.vigi-porch.cfg", "label=Porch\nmac=98ba.5f8b.1003\nholdTime=30\n");
        hub.writeConf("camalarm.vigi-garden.cfg", "label=Garden\n");
        hub.writeConf("camalarm.ivsec-gate.cfg", "label=Gate\nmac=5C-F2-07-49-0F-24\n");
        hub.writeConf("camalarm.ivsec-yard.cfg", "label=Yard\n");
        hub.writeConf("camalarm.vigi-locked.cfg", "label=Locked\nallowedAddresses=10.0.0.0/8, 192.168.1.20\n");
        // a small thread pool, as on a small box: a test below shows held connections cannot take it
        hub.systemProperties.add("-Dorg.apache.felix.http.jetty.threadpool.max=24");
        hub.start();
        for (String id : new String[] {
            "vigi:frontdoor", "vigi:porch", "vigi:garden", "ivsec:gate", "ivsec:yard", "vigi:locked", "ivsec:lane"
        }) {
            hub.awaitThing("camalarm:" + id);
        }
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.close();
    }

    @Test
    void vigiJsonAlarmSwitchesDetectionsOnThenOffAfterHoldTime() throws Exception {
        assertEquals("UNKNOWN", status("camalarm:vigi:frontdoor"));

        HttpResponse<String> r = hub.postJson("/frontdoor", """
                {"ip":"192.168.0.101","mac":"98-ba-5f-8b-10-99","protocol":"HTTP","device_name":"InSight S445 1.0_1003","event_list":[{"dateTime":"20261005150501","event_type":["MOTION","PEOPLE"]}]}""");

        assertEquals(200, r.statusCode());
        assertEquals("ON", hub.state("camalarm:vigi:frontdoor", "motionAlarm"));
        assertEquals("ON", hub.state("camalarm:vigi:frontdoor", "humanAlarm"));
        assertEquals("OFF", hub.state("camalarm:vigi:frontdoor", "carAlarm"));
        assertEquals("PERSON", hub.state("camalarm:vigi:frontdoor", "lastEventType"));
        assertTrue(hub.state("camalarm:vigi:frontdoor", "lastEventTime").startsWith("2026-10-05T15:05:01.000"));
        assertTrue(hub.state("camalarm:vigi:frontdoor", "lastEventData").contains("PEOPLE"));
        assertEquals("ONLINE", status("camalarm:vigi:frontdoor"));
        JsonObject properties = hub.thing("camalarm:vigi:frontdoor").getAsJsonObject("properties");
        assertEquals("98:BA:5F:8B:10:99", properties.get("macAddress").getAsString());
        assertEquals("192.168.0.101", properties.get("ipAddress").getAsString());
        assertEquals("InSight S445 1.0_1003", properties.get("deviceName").getAsString());

        // VIGI sends no stop: OFF once the 1 s hold time passes without a repeat
        await().atMost(FEW_SECONDS)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "OFF".equals(hub.state("camalarm:vigi:frontdoor", "motionAlarm")));
        assertEquals("OFF", hub.state("camalarm:vigi:frontdoor", "humanAlarm"));
    }

    @Test
    void enhancedVigiPushWithSeveralEventsIsRoutedByMac() throws Exception {
        HttpResponse<String> r = hub.postJson("", """
                {"ip":"192.168.0.102","mac":"98-ba-5f-8b-10-03","device_name":"NVR","event_list":[
                 {"camera":"1","dateTime":"2026-10-05 16:25:31","event_type":"PEOPLE","extra_text":[{"region_id":[1],"obj_num":2}]},
                 {"camera":"1","dateTime":"2026-10-05 16:25:32","event_type":"VEHICLE"}]}""");

        assertEquals(200, r.statusCode());
        assertEquals("ON", hub.state("camalarm:vigi:porch", "humanAlarm"));
        assertEquals("ON", hub.state("camalarm:vigi:porch", "carAlarm"));
        assertEquals("VEHICLE", hub.state("camalarm:vigi:porch", "lastEventType"));
        assertEquals(
                "1",
                hub.thing("camalarm:vigi:porch")
                        .getAsJsonObject("properties")
                        .get("nvrChannel")
                        .getAsString());
    }

    @Test
    void vigiMultipartSnapshotIsServedByteForByte() throws Exception {
        byte[] jpeg = Jpegs.snapshot(320, 180, Color.BLUE);
        byte[] body = Jpegs.vigiMultipart("""
                {"ip":"192.168.0.103","mac":"98-ba-5f-8b-10-04","device_name":"Garden","event_list":[{"dateTime":"20261005150501","event_type":["PEOPLE"]}]}""", jpeg);

        HttpResponse<String> r = hub.push(
                "POST",
                "/garden",
                "multipart/form-data; boundary=ReportEventBoundary",
                BodyPublishers.ofByteArray(body));

        assertEquals(200, r.statusCode());
        HttpResponse<byte[]> image = hub.getBytes("/camalarm/api/things/camalarm:vigi:garden/image");
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(jpeg, image.body());
        assertEquals("ON", hub.state("camalarm:vigi:garden", "humanAlarm"));
        assertNotNull(hub.state("camalarm:vigi:garden", "imageTime"));
        assertEquals("/camalarm/api/things/camalarm:vigi:garden/image", hub.state("camalarm:vigi:garden", "imageUrl"));
    }

    @Test
    void ivsecStartAndStopSwitchTheDetection() throws Exception {
        HttpResponse<String> start = hub.push(
                "GET",
                "?EventType=VideoMotion&EventTime=2022-5-26%2011:5:0&EventAction=start&MACAddress=5CF207490F24",
                null,
                BodyPublishers.noBody());
        assertEquals(200, start.statusCode());
        assertEquals("{\"result\":\"success\",\"data\":{}}", start.body(), "the camera's Test judges the answer");
        assertEquals("ON", hub.state("camalarm:ivsec:gate", "motionAlarm"));
        assertTrue(hub.state("camalarm:ivsec:gate", "lastEventTime").startsWith("2022-05-26T11:05:00.000"));

        HttpResponse<String> stop = hub.push(
                "GET",
                "?EventType=VideoMotion&EventTime=2022-5-26%2011:5:9&EventAction=stop&MACAddress=5C-F2-07-49-0F-24",
                null,
                BodyPublishers.noBody());
        assertEquals(200, stop.statusCode());
        assertEquals("OFF", hub.state("camalarm:ivsec:gate", "motionAlarm"));
    }

    /** One request as raw bytes on a fresh connection; the whole answer as text. */
    private static String rawRequest(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void ivsecGetWithARawSpaceIsRefusedByJettyButTakenByTheLenientPort() throws Exception {
        String documented =
                "GET /camalarm/alarm/" + Hub.ALARM_TOKEN + "?EventType=VideoMotion&EventTime=2022-5-26 11:5:0"
                        + "&EventAction=start&MACAddress=5C-F2-07-49-0F-31 HTTP/1.1\r\nHost: hub\r\nAccept: */*\r\n"
                        + "Content-Type: application/json;charset=UTF-8\r\n\r\n";

        assertTrue(rawRequest(hub.port, documented).startsWith("HTTP/1.1 400"), "Jetty refuses the raw space");
        assertEquals("OFF", hub.state("camalarm:ivsec:lane", "motionAlarm"));

        String answer = rawRequest(lenientPort, documented);
        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        assertTrue(answer.endsWith("{\"result\":\"success\",\"data\":{}}"), answer);
        assertEquals("ON", hub.state("camalarm:ivsec:lane", "motionAlarm"));
        assertTrue(hub.state("camalarm:ivsec:lane", "lastEventTime").startsWith("2022-05-26T11:05:00.000"));

        rawRequest(lenientPort, documented.replace("start", "stop"));
        assertEquals("OFF", hub.state("camalarm:ivsec:lane", "motionAlarm"));
    }

    @Test
    void lenientPortAnswersLikeTheMainOne() throws Exception {
        String wrongToken = "POST /camalarm/alarm/not-the-token/lane HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}";
        String lenient = rawRequest(lenientPort, wrongToken);
        HttpResponse<String> main = hub.raw(HttpRequest.newBuilder(hub.uri("/camalarm/alarm/not-the-token/lane"))
                .POST(BodyPublishers.ofString("{}"))
                .build());
        assertTrue(lenient.startsWith("HTTP/1.1 404"), lenient);
        assertTrue(lenient.endsWith("\r\n\r\n" + main.body()), lenient + " vs " + main.body());

        String tooLarge =
                "POST /camalarm/alarm/" + Hub.ALARM_TOKEN + "/lane HTTP/1.1\r\nContent-Length: 5000000\r\n\r\n";
        assertTrue(rawRequest(lenientPort, tooLarge).startsWith("HTTP/1.1 413"));

        String malformed = "POST /camalarm/alarm/" + Hub.ALARM_TOKEN
                + "/lane HTTP/1.1\r\nContent-Type: application/json" + "\r\nContent-Length: 9\r\n\r\n{\"event_l";
        String bad = rawRequest(lenientPort, malformed);
        assertTrue(bad.startsWith("HTTP/1.1 400") && bad.contains("\"error\""), bad);
        assertTrue(rawRequest(lenientPort, "\u0016\u0003\u0001garbage\r\n\r\n").startsWith("HTTP/1.1 400"));
    }

    @Test
    void aSenderHoldingIdleConnectionsToTheLenientPortCannotKeepOtherCamerasOut() throws Exception {
        List<Socket> idle = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) { // more than the port's 16 workers, all from one address, sending nothing
                Socket socket = new Socket();
                socket.bind(new java.net.InetSocketAddress("127.0.0.2", 0));
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", lenientPort));
                idle.add(socket);
            }
            // past its share the sender's connections are answered 503 at once, unread, and closed
            idle.get(idle.size() - 1).setSoTimeout(5_000);
            String busy =
                    new String(idle.get(idle.size() - 1).getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(busy.startsWith("HTTP/1.1 503 ") && busy.contains("Retry-After: 5"), busy);

            // another camera is answered while they are held (the idle ones would hold a worker 10 s each)
            try (Socket camera = new Socket("127.0.0.1", lenientPort)) {
                camera.setSoTimeout(5_000);
                camera.getOutputStream()
                        .write(("POST /camalarm/alarm/" + Hub.ALARM_TOKEN + "/garden HTTP/1.1\r\nHost: hub\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                                .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(camera.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 200", answer);
            }
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void dribbledSignInBodiesHoldNoThreadAlarmsNeed() throws Exception {
        // no token needed to send these: more connections than the HTTP server has threads (24 here)
        List<Socket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Socket socket = new Socket("127.0.0.1", hub.port);
                socket.getOutputStream()
                        .write(("POST /camalarm/auth/signin HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json"
                                        + "\r\nContent-Length: 1000\r\n\r\n{\"user\":")
                                .getBytes(StandardCharsets.US_ASCII));
                held.add(socket);
            }
            HttpResponse<String> good = hub.postJson(
                    "/garden", "{\"event_list\":[{\"dateTime\":\"20261005150501\",\"event_type\":[\"MOTION\"]}]}");
            assertEquals(200, good.statusCode(), "an alarm is answered while they are held");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void ivsecPostWithFormBodyAndPersonOrVehicleType() throws Exception {
        HttpResponse<String> r = hub.push(
                "POST",
                "/yard",
                "application/x-www-form-urlencoded",
                BodyPublishers.ofString(
                        "EventType=PD_VD&EventTime=2022-5-26+11:5:0&EventAction=start&MACAddress=D094662C1A8D"));

        assertEquals(200, r.statusCode());
        assertEquals("ON", hub.state("camalarm:ivsec:yard", "personOrVehicleAlarm"));
        // "person or vehicle" proves neither alone
        assertEquals("OFF", hub.state("camalarm:ivsec:yard", "humanAlarm"));
        assertEquals("OFF", hub.state("camalarm:ivsec:yard", "carAlarm"));
    }

    @Test
    void unknownEventTypeGetsItsOwnChannel() throws Exception {
        HttpResponse<String> r =
                hub.push("GET", "/yard?EventType=SmokeDetect&EventAction=start", null, BodyPublishers.noBody());

        assertEquals(200, r.statusCode());
        assertEquals("ON", hub.state("camalarm:ivsec:yard", "smokeDetectAlarm"));
        assertEquals("SMOKE_DETECT", hub.state("camalarm:ivsec:yard", "lastEventType"));
    }

    @Test
    void fixedPathPushNamesCameraAndEvent() throws Exception {
        HttpResponse<String> r = hub.push("POST", "/yard/LCD", null, BodyPublishers.noBody());

        assertEquals(200, r.statusCode());
        assertEquals("ON", hub.state("camalarm:ivsec:yard", "lineCrossingAlarm"));
    }

    @Test
    void unknownCameraLandsInInboxAndApprovalMakesItAThing() throws Exception {
        String json = """
                {"ip":"192.168.0.150","mac":"AA-BB-CC-00-11-22","device_name":"Shed","event_list":[{"dateTime":"20261005150501","event_type":["MOTION"]}]}""";
        assertEquals(200, hub.postJson("", json).statusCode());

        JsonObject entry = inboxEntry("camalarm:vigi:vigi_aabbcc001122");
        assertNotNull(entry, "inbox entry expected in " + hub.inbox());
        assertEquals("Shed", entry.get("label").getAsString());
        assertEquals(
                "AA:BB:CC:00:11:22",
                entry.getAsJsonObject("properties").get("macAddress").getAsString());

        HttpResponse<String> misspelt =
                hub.api("POST", "inbox/camalarm:vigi:vigi_aabbcc001122/approve", "{\"id\":\"gardenshed\"}");
        assertEquals(400, misspelt.statusCode(), "a key said in vain is no choice silently lost");
        assertTrue(misspelt.body().contains("unknown key id; known: label, thingId"), misspelt.body());

        // a camera known by its MAC may get an id of the user's choosing
        HttpResponse<String> approve = hub.api(
                "POST",
                "inbox/camalarm:vigi:vigi_aabbcc001122/approve",
                "{\"label\":\"Garden shed\",\"thingId\":\"gardenshed\"}");
        assertEquals(200, approve.statusCode(), approve.body());
        assertEquals("{\"thingUID\":\"camalarm:vigi:gardenshed\"}", approve.body());
        hub.awaitThing("camalarm:vigi:gardenshed");
        assertNull(inboxEntry("camalarm:vigi:vigi_aabbcc001122"));
        assertEquals(
                "Garden shed",
                hub.thing("camalarm:vigi:gardenshed").get("label").getAsString());

        assertEquals(200, hub.postJson("", json).statusCode());
        assertEquals("ON", hub.state("camalarm:vigi:gardenshed", "motionAlarm"), "found by its MAC");

        // one known by its alarm path keeps that path's id: only a thing of that id takes its alarms
        assertEquals(
                200,
                hub.postJson("/loft", json.replace("AA-BB-CC-00-11-22", "")).statusCode());
        HttpResponse<String> renamed = hub.api("POST", "inbox/camalarm:vigi:loft/approve", "{\"thingId\":\"attic\"}");
        assertEquals(400, renamed.statusCode(), renamed.body());
        assertTrue(renamed.body().contains("names itself loft in its alarm path"), renamed.body());
        assertFalse(inboxEntry("camalarm:vigi:loft").get("renamable").getAsBoolean());
    }

    @Test
    void configurationFilesAreHotReloaded() throws Exception {
        hub.writeConf("camalarm.vigi-hot.cfg", "label=Hot one\n");
        await().atMost(HOT_RELOAD)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> hub.thing("camalarm:vigi:hot") != null);

        hub.writeConf("camalarm.vigi-hot.cfg", "label=Hot two\n");
        await().atMost(HOT_RELOAD)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> "Hot two"
                        .equals(hub.thing("camalarm:vigi:hot").get("label").getAsString()));

        Files.delete(hub.conf.resolve("camalarm.vigi-hot.cfg"));
        await().atMost(HOT_RELOAD)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> hub.thing("camalarm:vigi:hot") == null);
    }

    @Test
    void wrongTokenLooksExactlyLikeAnUnknownPath() throws Exception {
        HttpResponse<String> wrongToken =
                hub.raw(HttpRequest.newBuilder(hub.uri("/camalarm/alarm/not-the-token/frontdoor"))
                        .POST(BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json")
                        .build());
        HttpResponse<String> unknownPath = hub.raw(HttpRequest.newBuilder(hub.uri("/camalarm/nothing/here"))
                .POST(BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build());

        assertEquals(404, wrongToken.statusCode());
        assertEquals(404, unknownPath.statusCode());
        assertEquals(unknownPath.body(), wrongToken.body());
        assertEquals(withoutDate(unknownPath), withoutDate(wrongToken));
    }

    private static java.util.Map<String, java.util.List<String>> withoutDate(HttpResponse<String> r) {
        java.util.Map<String, java.util.List<String>> headers =
                new java.util.TreeMap<>(r.headers().map());
        headers.remove("date");
        return headers;
    }

    @Test
    void malformedJsonGets400WithReasonAndGoodAlarmsAroundItStillWork() throws Exception {
        HttpResponse<String> bad = hub.postJson("/garden", "{\"event_list\":[{\"dateTime\":");
        assertEquals(400, bad.statusCode());
        JsonObject error = JsonParser.parseString(bad.body()).getAsJsonObject();
        assertTrue(error.has("error") && error.has("detail"), bad.body());
        assertFalse(bad.body().contains("Exception"), bad.body());

        HttpResponse<String> good = hub.postJson("/garden", """
                {"event_list":[{"dateTime":"20261005150501","event_type":["VEHICLE"]}]}""");
        assertEquals(200, good.statusCode());
        assertEquals("ON", hub.state("camalarm:vigi:garden", "carAlarm"));
    }

    @Test
    void garbageNeverGetsA500() throws Exception {
        String[][] cases = {
            {
                "multipart/form-data; boundary=ReportEventBoundary",
                "--ReportEventBoundary\r\nContent-Type: application/json\r\n\r\n{\"event_list\":["
            },
            {"multipart/form-data", "no boundary at all"},
            {"application/json", "[1,2,3]"},
            {"application/json", "{\"event_list\":\"not a list\"}"},
            {"text/plain", "\u0000\u0001\u0002garbage"},
            {"application/xml", "<config><alarmStatusInfo><perimeterAlarm>tr"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = hub.push("POST", "", c[0], BodyPublishers.ofString(c[1]));
            assertTrue(r.statusCode() == 400 || r.statusCode() == 200, c[1] + " -> " + r.statusCode() + " " + r.body());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        }
    }

    @Test
    void stalledAndAbandonedRequestsDoNotHoldUpGoodAlarms() throws Exception {
        String head = "POST /camalarm/alarm/" + Hub.ALARM_TOKEN + "/garden HTTP/1.1\r\nHost: hub\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"event_list\":[";
        try (Socket stalled = new Socket("127.0.0.1", hub.port);
                Socket abandoned = new Socket("127.0.0.1", hub.port)) {
            stalled.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            abandoned.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            abandoned.close(); // the camera went away mid-body

            // held behind the stalled request, this would outlast the client's 10 s timeout (the server's is 60 s)
            HttpResponse<String> good = hub.postJson("/garden", """
                    {"event_list":[{"dateTime":"20261005150501","event_type":["LINE_CROSSING"]}]}""");

            assertEquals(200, good.statusCode());
            assertEquals("ON", hub.state("camalarm:vigi:garden", "lineCrossingAlarm"));
        }
    }

    @Test
    void aBodyShorterThanItsLengthGets400NeverA200OrAStackTrace() throws Exception {
        // the client says 100 bytes, sends 7 and half-closes: the alarm was not read, so no 200
        String alarm = rawRequest(
                hub.port,
                "POST /camalarm/alarm/" + Hub.ALARM_TOKEN + "/garden HTTP/1.1\r\nHost: hub\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":1}");
        assertTrue(alarm.startsWith("HTTP/1.1 400"), alarm);
        assertTrue(alarm.contains("\"error\":\"incomplete_body\""), alarm);

        String rest = rawRequest(
                hub.port,
                "POST /camalarm/api/things HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer " + Hub.API_TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":");
        assertTrue(rest.startsWith("HTTP/1.1 400"), rest);
        assertFalse(rest.contains("Exception") || rest.contains("\tat "), rest);

        String signIn = rawRequest(
                hub.port,
                "POST /camalarm/auth/signin HTTP/1.1\r\nHost: hub\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"user\":");
        assertTrue(signIn.startsWith("HTTP/1.1 400"), signIn);
        assertFalse(signIn.contains("Exception") || signIn.contains("\tat "), signIn);
        assertFalse(hub.logText().contains("ERROR"), "a client's broken body is no error of the hub's");
    }

    @Test
    void bodyOverTheLimitGets413WithoutBeingRead() throws Exception {
        // only the head: the hub must answer from the declared length, without reading (or waiting for) the body
        String answer = rawRequest(
                hub.port,
                "POST /camalarm/alarm/" + Hub.ALARM_TOKEN + "/garden HTTP/1.1\r\nHost: hub\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1048577\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"error\":\"body_too_large\""), answer);
    }

    @Test
    void addressOutsideAllowedAddressesGets403AndChangesNothing() throws Exception {
        HttpResponse<String> r = hub.postJson("/locked", """
                {"event_list":[{"dateTime":"20261005150501","event_type":["MOTION"]}]}""");

        assertEquals(403, r.statusCode());
        assertEquals("OFF", hub.state("camalarm:vigi:locked", "motionAlarm"));
        assertEquals("UNKNOWN", status("camalarm:vigi:locked"));
    }

    @Test
    void restNeedsTheApiToken() throws Exception {
        assertEquals(401, hub.get("/camalarm/api/things", null).statusCode());
        assertEquals(401, hub.get("/camalarm/api/things", "wrong").statusCode());
        HttpResponse<String> ok = hub.get("/camalarm/api/things", Hub.API_TOKEN);
        assertEquals(200, ok.statusCode());
        JsonElement things = JsonParser.parseString(ok.body());
        assertTrue(things.getAsJsonArray().size() >= 6);
        JsonObject first = things.getAsJsonArray().get(0).getAsJsonObject();
        for (String field : new String[] {"UID", "thingTypeUID", "label", "statusInfo", "properties", "channels"}) {
            assertTrue(first.has(field), field + " missing in " + first);
        }
        JsonObject channel = first.getAsJsonArray("channels").get(0).getAsJsonObject();
        for (String field : new String[] {"uid", "id", "itemType", "kind", "state"}) {
            assertTrue(channel.has(field), field + " missing in " + channel);
        }
    }

    @Test
    void badRestInputGets400NeverAStackTrace() throws Exception {
        for (String body : new String[] {"null", "[1]", "{\"label\":", "\"text\""}) {
            HttpResponse<String> r = hub.api("POST", "inbox/camalarm:vigi:nobody/approve", body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
        assertEquals(400, hub.api("GET", "things/not-a-uid", null).statusCode());
        HttpResponse<String> notUtf8 = hub.api("GET", "events?type=%ff%fe", null);
        assertEquals(400, notUtf8.statusCode(), notUtf8.body());
        assertTrue(notUtf8.body().contains("\"bad_query\""), notUtf8.body());
        String longId = "q".repeat(240); // ids name configuration files: too long a name was a 500 from the disk
        HttpResponse<String> tooLong =
                hub.api("POST", "things", "{\"UID\":\"camalarm:vigi:" + longId + "\",\"label\":\"Long\"}");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("1 to 64 letters"), tooLong.body());
        assertEquals(
                400, hub.api("POST", "rules", "{\"id\":\"" + longId + "\"}").statusCode());
        HttpResponse<String> fromLabel =
                hub.api("POST", "things", "{\"thingTypeUID\":\"camalarm:vigi\",\"label\":\"" + longId + "\"}");
        assertEquals(201, fromLabel.statusCode(), "an id made from a long label is cut: " + fromLabel.body());
        assertTrue(fromLabel.body().contains("camalarm:vigi:" + "q".repeat(64) + "\""), fromLabel.body());
        HttpResponse<String> nobody = hub.api("POST", "inbox/camalarm:vigi:nobody/approve", "{}");
        assertEquals(404, nobody.statusCode());
        assertTrue(nobody.body().contains("no camera camalarm:vigi:nobody in the inbox"), nobody.body());
        // approving under an id a thing already has would create a second, dead configuration
        assertEquals(
                409, hub.api("POST", "inbox/camalarm:vigi:garden/approve", "{}").statusCode());
    }

    private String status(String uid) throws Exception {
        return hub.thing(uid).getAsJsonObject("statusInfo").get("status").getAsString();
    }

    private JsonObject inboxEntry(String uid) throws Exception {
        for (JsonElement e : hub.inbox()) {
            if (uid.equals(e.getAsJsonObject().get("thingUID").getAsString())) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }
}
