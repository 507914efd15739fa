package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.camalarm.it.DeviceMessages.IPC_KEEPALIVE;
import static org.camalarm.it.DeviceMessages.LEGACY_ALARM;
import static org.camalarm.it.DeviceMessages.LEGACY_HEARTBEAT;
import static org.camalarm.it.DeviceMessages.NVR_KEEPALIVE;
import static org.camalarm.it.RawExchanges.exchangeWithoutClosing;
import static org.camalarm.it.RawExchanges.nvrHeaders;
import static org.camalarm.it.RawExchanges.post;
import static org.camalarm.it.RawExchanges.raw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.camalarm.push.FakeDevice;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * TVT devices through the real hub, on the port each would use (the HTTP server's, and the lenient
 * one for what it refuses): IPC firmware 1.x alarm status and smart data, NVR channels over the NVR
 * transport, keepalives, the legacy alarm server and its bare-XML heartbeat; and documents nobody
 * knows. Observed through REST, and a rule on the trigger channel that counts detections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TvtShapesIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
    private static final String TVT_SUCCESS = "<status>success</status>";
    private static final String TOKEN_PATH = "/camalarm/alarm/" + Hub.ALARM_TOKEN;

    private Hub hub;
    private int lenientPort;
    private FakeDevice counter;

    @BeforeAll
    void startHub(@TempDir Path dir) throws Exception {
        counter = FakeDevice.http(r -> Reply.of(200, "ok"));
        hub = Hub.withTokens(dir);
        lenientPort = Hub.freePort();
        hub.writeConf(
                "camalarm.server.cfg",
                "alarmToken=" + Hub.ALARM_TOKEN + "\napiToken=" + Hub.API_TOKEN + "\nlenientPort=" + lenientPort
                        + "\n");
        hub.writeConf("camalarm.ivsec-driveway.cfg", "mac=" + DeviceMessages.IPC_MAC + "\nholdTime=30\n");
        hub.writeConf("camalarm.ivsec-barn1.cfg", "mac=" + DeviceMessages.NVR_MAC + "\nchannel=1\n");
        hub.writeConf("camalarm.ivsec-barn2.cfg", "mac=" + DeviceMessages.NVR_MAC + "\nchannel=02\n");
        hub.writeConf("camalarm.ivsec-shed.cfg", "mac=" + DeviceMessages.LEGACY_MAC + "\n");
        hub.writeConf("camalarm.ivsec-quiet.cfg", "label=Quiet\n");
        hub.writeConf(
                "camalarm.http-counter.cfg", "host=127.0.0.1\nport=" + counter.port() + "\ncommand.hit=POST hit\n");
        hub.writeConf(
                "camalarm.rule-intrusion.cfg",
                "when=camalarm:ivsec:driveway:event\nevent=INTRUSION\nthen=camalarm:http:counter:hit\ncommand=hit\n");
        hub.start();
        for (String uid : new String[] {
            "ivsec:driveway", "ivsec:barn1", "ivsec:barn2", "ivsec:shed", "ivsec:quiet", "http:counter"
        }) {
            hub.awaitThing("camalarm:" + uid);
        }
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        counter.close();
    }

    @Test
    void tvtStatusThenSmartDataIsOneDetectionWhoseDataBringsThePicture() throws Exception {
        HttpResponse<String> status = hub.push(
                "POST", "", "application/xml; charset=utf-8", xml(DeviceMessages.ipcStatus("perimeterAlarm", true)));
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains(TVT_SUCCESS), status.body());
        assertEquals("ON", hub.state("camalarm:ivsec:driveway", "fieldDetectionAlarm"));
        assertEquals(
                LocalDateTime.of(2026, 3, 21, 21, 5, 7), local(hub.state("camalarm:ivsec:driveway", "lastEventTime")));
        await("the rule's push for the detection")
                .atMost(FEW_SECONDS)
                .until(() -> counter.requests().size() == 1);

        // 0.6 s later the same detection as smart data, on the lenient port, naming no device
        byte[] jpeg = Jpegs.snapshot(64, 48, Color.GREEN);
        long micros = 1_774_101_845_250_000L;
        String answer =
                raw(lenientPort, post(TOKEN_PATH, "application/xml", DeviceMessages.ipcPerimeterData(jpeg, micros)));

        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.contains(TVT_SUCCESS), answer);
        assertArrayEquals(
                jpeg,
                hub.getBytes("/camalarm/api/things/camalarm:ivsec:driveway/image")
                        .body());
        assertEquals("ON", hub.state("camalarm:ivsec:driveway", "humanAlarm"));
        assertEquals(
                Instant.ofEpochMilli(1_774_101_845_250L),
                OffsetDateTime.parse(hub.state("camalarm:ivsec:driveway", "lastEventTime"))
                        .toInstant());
        await("no second push: one detection")
                .during(Duration.ofSeconds(1))
                .atMost(FEW_SECONDS)
                .until(() -> counter.requests().size() == 1);

        hub.push("POST", "", "application/xml", xml(DeviceMessages.ipcStatus("perimeterAlarm", false)));
        assertEquals("OFF", hub.state("camalarm:ivsec:driveway", "fieldDetectionAlarm"));
    }

    @Test
    void tvtIpcVehicleOnTheLenientPortAndItsKeepaliveOnTheMainOne() throws Exception {
        String answer =
                raw(lenientPort, post(TOKEN_PATH, "application/xml", DeviceMessages.ipcStatus("vehiceAlarm", true)));
        assertTrue(answer.contains(TVT_SUCCESS), answer);
        assertEquals("ON", hub.state("camalarm:ivsec:driveway", "carAlarm"));
        String lastSeen = hub.state("camalarm:ivsec:driveway", "lastSeen");
        String lastType = hub.state("camalarm:ivsec:driveway", "lastEventType");

        awaitClockTick(lastSeen);
        HttpResponse<String> keepalive = hub.push("POST", "", "application/xml", xml(IPC_KEEPALIVE));

        assertEquals(200, keepalive.statusCode());
        assertTrue(keepalive.body().contains(TVT_SUCCESS));
        assertTrue(later(hub.state("camalarm:ivsec:driveway", "lastSeen"), lastSeen));
        assertEquals(lastType, hub.state("camalarm:ivsec:driveway", "lastEventType"));
        assertEquals("ON", hub.state("camalarm:ivsec:driveway", "carAlarm"));
    }

    @Test
    void tvtNvrChannelsReachTheirCamerasOverTheNvrTransportOnBothPorts() throws Exception {
        long micros = 1_774_101_845_000_000L;
        String channel1 = "POST http://127.0.0.1:" + lenientPort + TOKEN_PATH + " HTTP/1.1\r\n"
                // a Host other than the request line's authority: the lenient port does not mind
                + nvrHeaders(
                        "hub",
                        DeviceMessages.nvrStatus("<item id=\"1\">true</item><item id=\"2\">false</item>", micros));
        String answer = raw(lenientPort, channel1);

        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.contains(TVT_SUCCESS), answer);
        assertEquals("ON", hub.state("camalarm:ivsec:barn1", "fieldDetectionAlarm"));
        assertEquals("OFF", hub.state("camalarm:ivsec:barn2", "fieldDetectionAlarm"));
        assertEquals(
                Instant.ofEpochSecond(1_774_101_845L),
                OffsetDateTime.parse(hub.state("camalarm:ivsec:barn1", "lastEventTime"))
                        .toInstant());

        String channel2 = "POST http://127.0.0.1:" + hub.port + TOKEN_PATH + " HTTP/1.1\r\n"
                // Jetty refuses an authority that differs from Host (400 Mismatched Authority); an NVR sends both alike
                + nvrHeaders("127.0.0.1:" + hub.port, DeviceMessages.nvrStatus("<item id=\"2\">true</item>", micros));
        String main = raw(hub.port, channel2);
        assertTrue(main.startsWith("HTTP/1.1 200") && main.contains(TVT_SUCCESS), main);
        assertEquals("ON", hub.state("camalarm:ivsec:barn2", "fieldDetectionAlarm"));

        String seen1 = hub.state("camalarm:ivsec:barn1", "lastSeen");
        String seen2 = hub.state("camalarm:ivsec:barn2", "lastSeen");
        awaitClockTick(seen1);
        assertTrue(raw(lenientPort, "POST " + TOKEN_PATH + " HTTP/1.1\r\n" + nvrHeaders("hub", NVR_KEEPALIVE))
                .contains(TVT_SUCCESS));

        assertTrue(later(hub.state("camalarm:ivsec:barn1", "lastSeen"), seen1), "the keepalive reaches every channel");
        assertTrue(later(hub.state("camalarm:ivsec:barn2", "lastSeen"), seen2));
        assertEquals("ON", hub.state("camalarm:ivsec:barn1", "fieldDetectionAlarm"));
        assertEquals("INTRUSION", hub.state("camalarm:ivsec:barn2", "lastEventType"));
    }

    @Test
    void theLegacyAlarmServerAndItsBareXmlHeartbeatOnTheLenientPort() throws Exception {
        // the camera writes its post and waits: no Content-Length, so the document's end ends it
        String answer = exchangeWithoutClosing(lenientPort, LEGACY_ALARM);

        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.contains(TVT_SUCCESS), answer);
        assertEquals("ON", hub.state("camalarm:ivsec:shed", "motionAlarm"));
        assertEquals("MOTION", hub.state("camalarm:ivsec:shed", "lastEventType"), "the six 'false' change nothing");
        assertEquals(
                LocalDateTime.of(2026, 3, 21, 14, 1, 22), local(hub.state("camalarm:ivsec:shed", "lastEventTime")));
        String lastSeen = hub.state("camalarm:ivsec:shed", "lastSeen");

        awaitClockTick(lastSeen);
        assertEquals("", exchangeWithoutClosing(lenientPort, LEGACY_HEARTBEAT), "no HTTP answer to no HTTP request");

        await().atMost(FEW_SECONDS).until(() -> later(hub.state("camalarm:ivsec:shed", "lastSeen"), lastSeen));
        assertEquals("ON", hub.state("camalarm:ivsec:shed", "motionAlarm"));
        assertEquals("MOTION", hub.state("camalarm:ivsec:shed", "lastEventType"));
    }

    @Test
    void emptyPostsAndDocumentsNobodyKnowsFireNothing() throws Exception {
        HttpResponse<String> empty = hub.push("POST", "/quiet", "application/xml", BodyPublishers.noBody());
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains(TVT_SUCCESS), empty.body());
        assertEquals(
                "ONLINE",
                hub.thing("camalarm:ivsec:quiet")
                        .getAsJsonObject("statusInfo")
                        .get("status")
                        .getAsString());
        String lastSeen = hub.state("camalarm:ivsec:quiet", "lastSeen");

        String[][] unknown = {
            {"application/xml", "<?xml version=\"1.0\"?><Heartbeat><Uptime>3600</Uptime></Heartbeat>"},
            {"application/json", "{\"motion_alarm\":true,\"io_alarm\":false}"},
            {"text/xml", "<Heartbeat><Uptime>3601</Uptime></Heartbeat>"}
        };
        for (String[] document : unknown) {
            assertEquals(
                    200,
                    hub.push("POST", "/quiet", document[0], BodyPublishers.ofString(document[1]))
                            .statusCode());
            assertTrue(raw(lenientPort, post(TOKEN_PATH + "/quiet", document[0], document[1]))
                    .startsWith("HTTP/1.1 200"));
        }

        assertEquals(lastSeen, hub.state("camalarm:ivsec:quiet", "lastSeen"), "not even lastSeen");
        assertNull(hub.state("camalarm:ivsec:quiet", "genericAlarm"));
        assertEquals("NULL", hub.state("camalarm:ivsec:quiet", "lastEventType"));
        String log = hub.logText();
        assertEquals(1, count(log, "Ignored a Heartbeat document"), log);
        assertEquals(1, count(log, "Ignored a JSON document"), log);
        assertEquals(0, count(log, "motion_alarm"), "the sender's member names stay out of the log at INFO");
    }

    private static java.net.http.HttpRequest.BodyPublisher xml(String document) {
        return BodyPublishers.ofString(document, StandardCharsets.UTF_8);
    }

    private static LocalDateTime local(String dateTime) {
        return OffsetDateTime.parse(dateTime).toLocalDateTime();
    }

    private static boolean later(String dateTime, String than) {
        return OffsetDateTime.parse(dateTime).isAfter(OffsetDateTime.parse(than));
    }

    /** Waits until the clock is past a time stamp, so that a new lastSeen can be told from it. */
    private static void awaitClockTick(String dateTime) {
        Instant seen = OffsetDateTime.parse(dateTime).toInstant();
        await().atMost(FEW_SECONDS)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> Instant.now().isAfter(seen));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
