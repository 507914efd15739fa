package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.camalarm.push.FakeDevice;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event history through the real hub's REST API: what an alarm, a repeat, a push and a rule
 * leave in it, images and thumbnails, paging while events arrive, bad requests, and the camera
 * watchdog. One hub for the class; each test uses its own cameras or event types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

    private Hub hub;
    private FakeDevice relay;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        relay = FakeDevice.http(r -> Reply.of(200, "ok"));
        hub = Hub.withTokens(dir);
        hub.writeConf("camalarm.vigi-door.cfg", "label=Door\nholdTime=30\n");
        hub.writeConf("camalarm.vigi-porch.cfg", "label=Porch\nholdTime=30\n");
        hub.writeConf("camalarm.vigi-watched.cfg", "label=Watched\nofflineAfter=2\n");
        hub.writeConf(
                "camalarm.http-light.cfg",
                "host=127.0.0.1\nport=" + relay.port() + "\ntimeout=2000\ncommand.on=POST relay/0?turn=on\n");
        hub.writeConf(
                "camalarm.rule-porchlight.cfg",
                "when=camalarm:vigi:porch:event\nevent=PERSON\nthen=camalarm:http:light:on\ncommand=ON\n");
        hub.start();
        for (String uid :
                List.of("camalarm:vigi:door", "camalarm:vigi:porch", "camalarm:vigi:watched", "camalarm:http:light")) {
            hub.awaitThing(uid);
        }
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
        relay.close();
    }

    private static String vigi(String... types) {
        return "{\"ip\":\"192.168.1.20\",\"mac\":\"f0-a7-31-3e-84-18\",\"device_name\":\"VIGI C250\",\"event_list\":[{\"dateTime\":\"20261201120000\",\"event_type\":[\""
                + String.join("\",\"", types) + "\"]}]}";
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(hub.uri(path)).header("Authorization", "Bearer " + Hub.API_TOKEN);
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), BodyHandlers.ofByteArray());
    }

    @Test
    void anAlarmIsListedWithItsSnapshotAndAThumbnail() throws Exception {
        byte[] jpeg = Jpegs.snapshot(1280, 720, Color.BLUE);
        HttpResponse<String> pushed = hub.push(
                "POST",
                "/door",
                "multipart/form-data; boundary=ReportEventBoundary",
                BodyPublishers.ofByteArray(Jpegs.vigiMultipart(vigi("PEOPLE"), jpeg)));
        assertEquals(200, pushed.statusCode());

        JsonObject event = hub.events("thing=camalarm:vigi:door&type=person")
                .getAsJsonArray("events")
                .get(0)
                .getAsJsonObject();
        assertEquals("alarm", event.get("kind").getAsString());
        assertEquals("PERSON", event.get("type").getAsString());
        assertEquals("humanAlarm", event.get("channel").getAsString());
        assertEquals("pulse", event.get("action").getAsString());
        assertEquals(
                java.time.LocalDateTime.of(2026, 12, 1, 12, 0)
                        .atZone(java.time.ZoneId.systemDefault())
                        .toInstant(),
                java.time.Instant.parse(event.get("time").getAsString()),
                "the camera's time, read in the hub's zone");
        assertEquals("127.0.0.1", event.get("address").getAsString());
        assertTrue(event.get("data").getAsString().contains("PEOPLE"), event.toString());
        String id = event.get("id").getAsString();
        assertEquals(
                event,
                JsonParser.parseString(
                        hub.get("/camalarm/api/events/" + id, Hub.API_TOKEN).body()));

        HttpResponse<byte[]> image = get(event.get("image").getAsString(), null);
        assertEquals(200, image.statusCode());
        assertArrayEquals(jpeg, image.body(), "byte for byte");
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse(""));
        assertTrue(image.headers().firstValue("Cache-Control").orElse("").startsWith("private, max-age="));
        String etag = image.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(event.get("image").getAsString(), etag).statusCode());
        HttpResponse<String> head =
                hub.api("HEAD", event.get("image").getAsString().substring("/camalarm/api/".length()), null);
        assertEquals(200, head.statusCode(), "HEAD answers as GET");
        assertEquals(
                String.valueOf(jpeg.length),
                head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(etag, head.headers().firstValue("ETag").orElse(""));
        assertEquals("", head.body(), "without the body");

        HttpResponse<byte[]> thumbnail = get(event.get("thumbnail").getAsString(), null);
        assertEquals(200, thumbnail.statusCode());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertNotNull(small, "a valid JPEG");
        assertEquals(320, small.getWidth());
        assertEquals(180, small.getHeight());
        assertTrue(thumbnail.body().length < jpeg.length, thumbnail.body().length + " < " + jpeg.length);
        assertTrue(thumbnail.headers().firstValue("ETag").isPresent());
    }

    @Test
    void repeatsWithinTheHoldAreOneEventWithItsDuration() throws Exception {
        assertEquals(200, hub.postJson("/door", vigi("VEHICLE")).statusCode());
        byte[] later = Jpegs.snapshot(640, 360, Color.RED);
        assertEquals(
                200,
                hub.push(
                                "POST",
                                "/door",
                                "multipart/form-data; boundary=ReportEventBoundary",
                                BodyPublishers.ofByteArray(Jpegs.vigiMultipart(vigi("VEHICLE"), later)))
                        .statusCode());

        List<JsonObject> events = hub.allEvents("thing=camalarm:vigi:door&type=VEHICLE");
        assertEquals(1, events.size(), events.toString());
        JsonObject event = events.get(0);
        assertFalse(
                java.time.Instant.parse(event.get("end").getAsString())
                        .isBefore(java.time.Instant.parse(event.get("received").getAsString())),
                event.toString());
        assertEquals(1, event.get("images").getAsInt());
        assertTrue(event.get("image").isJsonNull(), "the first push brought no snapshot");
        assertArrayEquals(later, get(event.get("lastImage").getAsString(), null).body());
    }

    @Test
    void pushesAndRuleFiringsAreRecordedWithTheirOutcome() throws Exception {
        assertEquals(200, hub.postJson("/porch", vigi("PEOPLE")).statusCode());
        await().atMost(FEW_SECONDS).until(() -> relay.requestLines().size() == 1);

        await().atMost(FEW_SECONDS)
                .until(() -> hub.events("kind=rule").getAsJsonArray("events").size() == 1);
        JsonObject rule =
                hub.events("kind=rule").getAsJsonArray("events").get(0).getAsJsonObject();
        assertEquals("porchlight", rule.get("rule").getAsString());
        assertEquals("camalarm:vigi:porch", rule.get("thingUID").getAsString());
        assertEquals("camalarm:http:light:on", rule.get("then").getAsString());
        assertTrue(rule.get("success").getAsBoolean(), rule.toString());

        JsonObject push = hub.events("kind=push&thing=camalarm:http:light")
                .getAsJsonArray("events")
                .get(0)
                .getAsJsonObject();
        assertEquals("on", push.get("channel").getAsString());
        assertTrue(push.get("success").getAsBoolean());
        assertEquals("OK", push.get("reason").getAsString());
        assertEquals(200, push.get("status").getAsInt());
        assertTrue(push.get("latencyMs").getAsLong() >= 0);
        assertTrue(hub.events("kind=alarm&thing=camalarm:http:light")
                .getAsJsonArray("events")
                .isEmpty());
    }

    @Test
    void pagingReturnsEveryEventExactlyOnceWhileNewOnesArrive() throws Exception {
        for (int i = 0; i < 40; i++) { // unknown cameras: each push is an event of its own
            assertEquals(200, hub.postJson("/pager" + i, vigi("PAGE_TEST")).statusCode());
        }
        Set<String> before = new HashSet<>();
        hub.allEvents("type=PAGE_TEST&limit=500")
                .forEach(e -> before.add(e.get("id").getAsString()));
        assertEquals(40, before.size());

        AtomicBoolean arriving = new AtomicBoolean(true);
        AtomicInteger more = new AtomicInteger();
        Thread camera = new Thread(() -> {
            while (arriving.get()) {
                try {
                    hub.postJson("/later" + more.incrementAndGet(), vigi("PAGE_TEST"));
                } catch (Exception e) {
                    return;
                }
            }
        });
        camera.start();
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            JsonObject page = hub.events("type=PAGE_TEST&limit=7" + (next == null ? "" : "&before=" + next));
            page.getAsJsonArray("events")
                    .forEach(e -> seen.add(e.getAsJsonObject().get("id").getAsString()));
            next = page.get("next").isJsonNull() ? null : page.get("next").getAsString();
        } while (next != null);
        arriving.set(false);
        camera.join();

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no event twice");
        assertTrue(seen.containsAll(before), "every event that was there");
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, seen, "newest first");
    }

    @Test
    void badRequestsAreExplainedAndUnknownIdsAreNotFound() throws Exception {
        for (String query : List.of(
                "limit=501",
                "limit=ten",
                "kind=camera",
                "since=yesterday",
                "until=2026-13-01",
                "tihng=x",
                "before=abc",
                "thing=vigi:door")) {
            HttpResponse<String> r = hub.get("/camalarm/api/events?" + query, Hub.API_TOKEN);
            assertEquals(400, r.statusCode(), query);
            JsonObject error = JsonParser.parseString(r.body()).getAsJsonObject();
            assertTrue(error.has("error") && error.has("detail"), r.body());
        }
        assertTrue(
                hub.get("/camalarm/api/events?limit=501", Hub.API_TOKEN).body().contains("limit"));
        HttpResponse<String> unknown = hub.get("/camalarm/api/events/" + "0".repeat(32), Hub.API_TOKEN);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no event " + "0".repeat(32)), unknown.body());
        HttpResponse<String> nonsense = hub.get("/camalarm/api/events/nonsense/image", Hub.API_TOKEN);
        assertEquals(404, nonsense.statusCode());
        assertTrue(nonsense.body().contains("32 hex digits"), nonsense.body());
        // a "+" typed into the URL arrives as a space: still the offset it was
        assertEquals(
                200,
                hub.get("/camalarm/api/events?since=2026-12-01T19:00:00+01:00", Hub.API_TOKEN)
                        .statusCode());
        assertEquals(401, hub.get("/camalarm/api/events", "wrong").statusCode());

        assertEquals(200, hub.postJson("/door", vigi("TAMPER")).statusCode());
        String id = hub.events("thing=camalarm:vigi:door&type=TAMPER")
                .getAsJsonArray("events")
                .get(0)
                .getAsJsonObject()
                .get("id")
                .getAsString();
        assertEquals(
                404,
                hub.get("/camalarm/api/events/" + id + "/image", Hub.API_TOKEN).statusCode(),
                "no snapshot came");
        HttpResponse<String> patch = hub.api("PATCH", "events/" + id, "{}");
        assertEquals(405, patch.statusCode(), patch.body());
        assertEquals(
                "GET, HEAD, DELETE, OPTIONS",
                patch.headers().firstValue("Allow").orElse(""));
        assertEquals(204, hub.api("DELETE", "events/" + id, null).statusCode());
        assertEquals(404, hub.get("/camalarm/api/events/" + id, Hub.API_TOKEN).statusCode());
        assertEquals(404, hub.api("DELETE", "events/" + id, null).statusCode());
        assertTrue(hub.events("thing=camalarm:vigi:door&type=TAMPER")
                .getAsJsonArray("events")
                .isEmpty());
    }

    @Test
    void aSilentCameraGoesOfflineAndItsNextPushBringsItBack() throws Exception {
        assertEquals(200, hub.postJson("/watched", vigi("MOTION")).statusCode());
        assertEquals("ONLINE", status("camalarm:vigi:watched").get("status").getAsString());

        await().atMost(FEW_SECONDS)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "OFFLINE"
                        .equals(status("camalarm:vigi:watched").get("status").getAsString()));
        JsonObject offline = status("camalarm:vigi:watched");
        assertEquals("COMMUNICATION_ERROR", offline.get("statusDetail").getAsString());
        assertTrue(offline.get("description").getAsString().contains("offlineAfter 2 s"), offline.toString());

        assertEquals(200, hub.postJson("/watched", vigi("MOTION")).statusCode());
        assertEquals("ONLINE", status("camalarm:vigi:watched").get("status").getAsString());
        assertFalse(hub.logText().contains("Exception"), "no stack trace in the log");
    }

    private JsonObject status(String uid) throws Exception {
        return hub.thing(uid).getAsJsonObject("statusInfo");
    }
}
