package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.Color;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the history keeps when the hub stops, is killed, or finds its files damaged, and how it
 * stays within its limits: each test runs its own hub process in its own directory.
 */
class HistoryCrashIT {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    private static String vigi(String type) {
        return "{\"ip\":\"192.168.1.20\",\"mac\":\"f0-a7-31-3e-84-18\",\"device_name\":\"VIGI C250\",\"event_list\":[{\"dateTime\":\"20261201120000\",\"event_type\":[\""
                + type + "\"]}]}";
    }

    private static HttpResponse<String> multipart(Hub hub, String path, String type, byte[] jpeg) throws Exception {
        return hub.push(
                "POST",
                path,
                "multipart/form-data; boundary=ReportEventBoundary",
                BodyPublishers.ofByteArray(Jpegs.vigiMultipart(vigi(type), jpeg)));
    }

    private static Set<String> things(Hub hub, String query) throws Exception {
        Set<String> things = new HashSet<>();
        hub.allEvents(query).forEach(e -> things.add(e.get("thingUID").getAsString()));
        return things;
    }

    @Test
    void aRestartKeepsTheEventsAndGivesCamerasTheirLastEventSnapshotAndAddressBack(@TempDir Path dir) throws Exception {
        byte[] jpeg = Jpegs.snapshot(640, 360, Color.GREEN);
        try (Hub hub = Hub.withTokens(dir)) {
            hub.writeConf("camalarm.vigi-door.cfg", "label=Door\n");
            hub.start();
            hub.awaitThing("camalarm:vigi:door");
            assertEquals(200, hub.postJson("/door", vigi("BARKING")).statusCode()); // a type of its own channel
            assertEquals(200, hub.postJson("/door", vigi("MOTION")).statusCode());
            assertEquals(200, multipart(hub, "/door", "PEOPLE", jpeg).statusCode());
            List<JsonObject> before = hub.allEvents("");
            hub.close(); // a normal stop

            hub.start();
            hub.awaitThing("camalarm:vigi:door");
            assertEquals(before, hub.allEvents(""));
            await("the camera's state restored")
                    .atMost(FEW_SECONDS)
                    .until(() -> "PERSON".equals(hub.state("camalarm:vigi:door", "lastEventType")));
            assertArrayEquals(
                    jpeg,
                    hub.getBytes("/camalarm/api/things/camalarm:vigi:door/image")
                            .body());
            JsonObject properties = hub.thing("camalarm:vigi:door").getAsJsonObject("properties");
            assertEquals("192.168.1.20", properties.get("ipAddress").getAsString());
            assertEquals("F0:A7:31:3E:84:18", properties.get("macAddress").getAsString());
            assertEquals("VIGI C250", properties.get("deviceName").getAsString());
            assertEquals("OFF", hub.state("camalarm:vigi:door", "humanAlarm"), "detections start OFF");
            assertEquals(
                    "OFF",
                    hub.state("camalarm:vigi:door", "barkingAlarm"),
                    "the channel BARKING made is there again, for the rules that use it");
        }
    }

    @Test
    void killMinus9KeepsEveryEventThatWasAnswered(@TempDir Path dir) throws Exception {
        try (Hub hub = Hub.withTokens(dir)) {
            hub.start();
            // one alarm, then kill -9 the moment its 200 is in
            assertEquals(200, hub.postJson("/justbefore", vigi("KILL_TEST")).statusCode());
            hub.kill();
            hub.start();
            assertEquals(Set.of("camalarm:vigi:justbefore"), things(hub, "type=KILL_TEST"));

            // many cameras pushing at once, killed in the middle
            Set<String> answered = ConcurrentHashMap.newKeySet();
            AtomicInteger counter = new AtomicInteger();
            AtomicBoolean pushing = new AtomicBoolean(true);
            ExecutorService cameras = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 8; i++) {
                cameras.execute(() -> {
                    while (pushing.get()) {
                        String id = "cam" + counter.incrementAndGet();
                        try {
                            byte[] body = Jpegs.vigiMultipart(vigi("KILL_LOAD"), Jpegs.snapshot(320, 180, Color.GRAY));
                            if (hub.push(
                                                    "POST",
                                                    "/" + id,
                                                    "multipart/form-data; boundary=ReportEventBoundary",
                                                    BodyPublishers.ofByteArray(body))
                                            .statusCode()
                                    == 200) {
                                answered.add("camalarm:vigi:" + id);
                            }
                        } catch (Exception e) {
                            return; // the hub is gone
                        }
                    }
                });
            }
            await().atMost(FEW_SECONDS).until(() -> answered.size() >= 100);
            hub.kill();
            pushing.set(false);
            cameras.shutdown();
            assertTrue(cameras.awaitTermination(20, TimeUnit.SECONDS));

            hub.start();
            Set<String> kept = things(hub, "type=KILL_LOAD&limit=500");
            Set<String> lost = new HashSet<>(answered);
            lost.removeAll(kept);
            assertEquals(Set.of(), lost, "answered 200 but not kept (" + answered.size() + " answered)");
            for (JsonObject event : hub.allEvents("type=KILL_LOAD&limit=500")) {
                if (answered.contains(event.get("thingUID").getAsString())) {
                    assertEquals(
                            200, hub.getBytes(event.get("image").getAsString()).statusCode(), "and its snapshot");
                }
            }
        }
    }

    @Test
    void aDamagedTailIsSkippedAndTheHubStartsWithTheOlderEvents(@TempDir Path dir) throws Exception {
        try (Hub hub = Hub.withTokens(dir)) {
            hub.start();
            for (int i = 0; i < 5; i++) {
                assertEquals(200, hub.postJson("/tail" + i, vigi("TAIL_TEST")).statusCode());
            }
            hub.kill();
            Path segment = newestSegment(hub.userdata.resolve("camalarm/history/events"));
            long size = Files.size(segment);
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap("torn write".getBytes()), size - 40); // inside the last record
                channel.write(ByteBuffer.wrap(new byte[4096]), size); // and zeros after it
            }

            hub.start();
            assertEquals(
                    Set.of("camalarm:vigi:tail0", "camalarm:vigi:tail1", "camalarm:vigi:tail2", "camalarm:vigi:tail3"),
                    things(hub, "type=TAIL_TEST"));
            assertTrue(hub.logText().contains("torn or damaged record"), "the start says what it skipped");
            assertEquals(200, hub.postJson("/tail5", vigi("TAIL_TEST")).statusCode());
            assertTrue(things(hub, "type=TAIL_TEST").contains("camalarm:vigi:tail5"), "and records again");
        }
    }

    @Test
    void eventsOlderThanMaxAgeAreRemovedWithTheirFiles(@TempDir Path dir) throws Exception {
        // which events go first is RetentionTest's (on a test clock); here: the real hub prunes by age
        try (Hub hub = Hub.withTokens(dir)) {
            hub.writeConf("camalarm.history.cfg", "maxAgeDays=0.0001\n"); // 8.64 s
            hub.start();
            assertEquals(200, hub.postJson("/old", vigi("AGE_TEST")).statusCode());
            assertEquals(Set.of("camalarm:vigi:old"), things(hub, "type=AGE_TEST"));

            await("the event expires")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> things(hub, "type=AGE_TEST").isEmpty());
            await("and its segment file goes")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> !Files.exists(hub.userdata.resolve("camalarm/history/events/00000001.seg")));
        }
    }

    @Test
    void aFullDiskBudgetRemovesTheOldestSnapshotsFirst(@TempDir Path dir) throws Exception {
        try (Hub hub = Hub.withTokens(dir)) {
            hub.writeConf("camalarm.history.cfg", "maxDiskMB=1\n");
            hub.start();
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 16; i++) { // about 100 KB each: 1.6 MB in all
                byte[] jpeg = Jpegs.noise(480, 360, i);
                sent.add(jpeg);
                assertEquals(200, multipart(hub, "/size" + i, "SIZE_TEST", jpeg).statusCode());
            }
            Path history = hub.userdata.resolve("camalarm/history");
            await("within maxDiskMB")
                    .atMost(FEW_SECONDS)
                    .ignoreException(java.io.UncheckedIOException.class) // a file pruned while it is walked
                    .until(() -> size(history) <= 1024 * 1024 + 64 * 1024);

            List<JsonObject> events = hub.allEvents("type=SIZE_TEST"); // newest first
            List<Boolean> hasImage = new ArrayList<>();
            for (JsonObject event : events) {
                boolean shown = !event.get("image").isJsonNull(); // an event whose snapshot went says so
                if (shown) {
                    HttpResponse<byte[]> image = hub.getBytes(event.get("image").getAsString());
                    int index =
                            Integer.parseInt(event.get("thingUID").getAsString().replace("camalarm:vigi:size", ""));
                    assertEquals(200, image.statusCode(), "a snapshot the event shows is served");
                    assertArrayEquals(sent.get(index), image.body());
                }
                hasImage.add(shown);
            }
            assertTrue(hasImage.get(0), "the newest snapshot is kept");
            assertTrue(hasImage.contains(false), "some went: " + hasImage);
            assertEquals(
                    hasImage.indexOf(false), hasImage.lastIndexOf(true) + 1, "the oldest went, no gaps: " + hasImage);
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    private static Path newestSegment(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
    }
}
