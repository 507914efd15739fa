package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.camalarm.it.DeviceMessages.HIK_HEARTBEAT;
import static org.camalarm.it.DeviceMessages.HIK_PSIA_NVR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VIGI NVR's channels, a Hikvision camera and NVR, and a relay that answers without an HTTP head,
 * through the real hub. Observed through REST.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VigiNvrHikvisionRelayIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    private Hub hub;
    private ControlByWebRelay relay;

    @BeforeAll
    void startHub(@TempDir Path dir) throws Exception {
        relay = new ControlByWebRelay();
        hub = Hub.withTokens(dir);
        hub.writeConf(
                "camalarm.vigi-carport.cfg", "deviceId=" + DeviceMessages.VIGI_NVR_ID + "\nchannel=3\nholdTime=30\n");
        hub.writeConf("camalarm.hikvision-terrace.cfg", "mac=" + DeviceMessages.HIK_MAC + "\nholdTime=30\n");
        hub.writeConf("camalarm.hikvision-lane2.cfg", "deviceId=" + DeviceMessages.HIK_NVR_SERIAL + "\nchannel=2\n");
        hub.writeConf("camalarm.2n-relay-cbw.cfg", "host=127.0.0.1\nport=" + relay.port() + "\nrelay=1\n");
        hub.start();
        for (String uid : new String[] {"vigi:carport", "hikvision:terrace", "hikvision:lane2", "2n-relay:cbw"}) {
            hub.awaitThing("camalarm:" + uid);
        }
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        relay.close();
    }

    @Test
    void aVigiNvrChannelIsACameraAndUnknownSubTypesStayVisible() throws Exception {
        assertEquals(
                200,
                hub.postJson("", DeviceMessages.vigiNvr("3", "Carport", "2, 101", 0))
                        .statusCode());

        assertEquals("ON", hub.state("camalarm:vigi:carport", "motionAlarm"));
        assertEquals("ON", hub.state("camalarm:vigi:carport", "vigiType1SubType101Alarm"));
        assertEquals(
                LocalDateTime.of(2026, 3, 21, 14, 4, 5), local(hub.state("camalarm:vigi:carport", "lastEventTime")));
        JsonObject properties = hub.thing("camalarm:vigi:carport").getAsJsonObject("properties");
        assertEquals("Carport", properties.get("channelName").getAsString());
        assertEquals(DeviceMessages.VIGI_NVR_ID, properties.get("deviceId").getAsString());

        byte[] jpeg = Jpegs.snapshot(80, 60, Color.RED);
        byte[] body = Jpegs.vigiMultipart(DeviceMessages.vigiNvr("3", "Carport", "4", 1), jpeg);
        assertEquals(
                200,
                hub.push(
                                "POST",
                                "",
                                "multipart/form-data; boundary=ReportEventBoundary",
                                BodyPublishers.ofByteArray(body))
                        .statusCode());
        assertEquals("ON", hub.state("camalarm:vigi:carport", "lineCrossingAlarm"));
        assertArrayEquals(
                jpeg,
                hub.getBytes("/camalarm/api/things/camalarm:vigi:carport/image").body());

        // channel 5 nobody configured: the inbox offers it as a camera of its own
        assertEquals(
                200,
                hub.postJson("", DeviceMessages.vigiNvr("5", "Porch", "6", 0)).statusCode());
        JsonObject entry = inboxEntry("camalarm:vigi:vigi_5a7e0c11d2f3_ch5");
        assertEquals("Porch", entry.get("label").getAsString());
        assertEquals(
                200,
                hub.api("POST", "inbox/camalarm:vigi:vigi_5a7e0c11d2f3_ch5/approve", "{}")
                        .statusCode());
        hub.awaitThing("camalarm:vigi:vigi_5a7e0c11d2f3_ch5");
        assertEquals(
                200,
                hub.postJson("", DeviceMessages.vigiNvr("5", "Porch", "6", 0)).statusCode());
        assertEquals("ON", hub.state("camalarm:vigi:vigi_5a7e0c11d2f3_ch5", "regionEntranceAlarm"));
        assertEquals("OFF", hub.state("camalarm:vigi:carport", "regionEntranceAlarm"));
    }

    @Test
    void hikvisionDetectionsTheirPictureTheirEndAndAHeartbeat() throws Exception {
        assertEquals(
                200,
                hub.push(
                                "POST",
                                "",
                                "application/xml; charset=\"UTF-8\"",
                                xml(DeviceMessages.hikvision("VMD", "active", 1, "")))
                        .statusCode());
        assertEquals("ON", hub.state("camalarm:hikvision:terrace", "motionAlarm"));
        assertEquals(
                Instant.parse("2026-03-21T14:04:05Z"),
                OffsetDateTime.parse(hub.state("camalarm:hikvision:terrace", "lastEventTime"))
                        .toInstant());
        hub.push("POST", "", "application/xml", xml(DeviceMessages.hikvision("VMD", "inactive", 0, "")));
        assertEquals("OFF", hub.state("camalarm:hikvision:terrace", "motionAlarm"));

        byte[] jpeg = Jpegs.snapshot(96, 54, Color.YELLOW);
        String alert = DeviceMessages.hikvision(
                "fielddetection",
                "active",
                1,
                "\n<DetectionRegionList><DetectionRegionEntry><regionID>1</regionID><detectionTarget>human</detectionTarget>"
                        + "</DetectionRegionEntry></DetectionRegionList>");
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.writeBytes(("--boundary\r\nContent-Disposition: form-data; name=\"fielddetection\"\r\n"
                        + "Content-Type: application/xml\r\nContent-Length: " + alert.length() + "\r\n\r\n" + alert
                        + "\r\n--boundary\r\nContent-Disposition: form-data; name=\"intrusionImage\"; filename=\"intrusionImage.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        multipart.writeBytes(jpeg);
        multipart.writeBytes("\r\n--boundary--\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                200,
                hub.push(
                                "POST",
                                "",
                                "multipart/form-data; boundary=boundary",
                                BodyPublishers.ofByteArray(multipart.toByteArray()))
                        .statusCode());
        assertEquals("ON", hub.state("camalarm:hikvision:terrace", "fieldDetectionAlarm"));
        assertEquals("ON", hub.state("camalarm:hikvision:terrace", "humanAlarm"));
        assertArrayEquals(
                jpeg,
                hub.getBytes("/camalarm/api/things/camalarm:hikvision:terrace/image")
                        .body());

        String lastSeen = hub.state("camalarm:hikvision:terrace", "lastSeen");
        String lastTime = hub.state("camalarm:hikvision:terrace", "lastEventTime");
        awaitClockTick(lastSeen);
        assertEquals(
                200, hub.push("POST", "", "application/xml", xml(HIK_HEARTBEAT)).statusCode());
        assertTrue(later(hub.state("camalarm:hikvision:terrace", "lastSeen"), lastSeen));
        assertEquals(lastTime, hub.state("camalarm:hikvision:terrace", "lastEventTime"), "a heartbeat is no event");
        assertNull(hub.state("camalarm:hikvision:terrace", "videoLossAlarm"));

        assertEquals(
                200, hub.push("POST", "", "application/xml", xml(HIK_PSIA_NVR)).statusCode());
        assertEquals("ON", hub.state("camalarm:hikvision:lane2", "lineCrossingAlarm"));
    }

    @Test
    void aRelayAnsweringStateXmlWithoutAHeadIsTestedOk() throws Exception {
        HttpResponse<String> test = hub.api("POST", "things/camalarm:2n-relay:cbw/test", null);

        assertEquals(200, test.statusCode(), test.body());
        JsonElement result = com.google.gson.JsonParser.parseString(test.body());
        assertTrue(result.getAsJsonObject().get("success").getAsBoolean(), test.body());
        assertTrue(result.getAsJsonObject().get("body").getAsString().contains("<relaystate>"), test.body());
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

    private JsonObject inboxEntry(String uid) throws Exception {
        for (JsonElement e : hub.inbox()) {
            if (uid.equals(e.getAsJsonObject().get("thingUID").getAsString())) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError(uid + " not in the inbox: " + hub.inbox());
    }
}
