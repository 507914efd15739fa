package org.camalarm.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camalarm.history.WriteOp.Entry;
import org.camalarm.history.WriteOp.Phase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real disk: writing, extending, reading back, reopening, torn tails. */
class HistoryStoreTest {

    @TempDir
    Path dir;

    private StoreFixture fixture;

    @AfterEach
    void close() throws IOException {
        if (fixture != null) {
            fixture.close();
        }
    }

    private StoreFixture fixture() throws IOException {
        fixture = new StoreFixture(dir, 1024);
        return fixture;
    }

    private static List<String> types(List<StoredEvent> events) {
        return events.stream().map(e -> e.thing() + "/" + e.type()).toList();
    }

    @Test
    void eventsComeBackNewestFirstAndByThingTypeAndKind() throws IOException {
        StoreFixture f = fixture();
        f.began("camalarm:vigi:door", "PERSON");
        f.clock.advance(Duration.ofSeconds(1));
        f.began("camalarm:vigi:yard", "MOTION");
        f.clock.advance(Duration.ofSeconds(1));
        f.began("camalarm:vigi:door", "VEHICLE");
        f.pushed("camalarm:shelly:porch", Map.of("success", "true"));
        f.store.maintain(); // a barrier: everything queued before is written

        assertEquals(
                List.of(
                        "camalarm:shelly:porch/ON",
                        "camalarm:vigi:door/VEHICLE",
                        "camalarm:vigi:yard/MOTION",
                        "camalarm:vigi:door/PERSON"),
                types(f.all(EventFilter.newest(50))));
        assertEquals(
                List.of("camalarm:vigi:door/VEHICLE", "camalarm:vigi:door/PERSON"),
                types(f.all(EventFilter.newest(50).withThing("camalarm:vigi:door"))));
        assertEquals(
                List.of("camalarm:vigi:door/PERSON"),
                types(f.all(new EventFilter(
                        "camalarm:vigi:door", "PERSON", null, Long.MIN_VALUE, Long.MAX_VALUE, 50, null))));
        assertEquals(
                List.of("camalarm:shelly:porch/ON"),
                types(f.all(new EventFilter(null, null, EventKind.PUSH, Long.MIN_VALUE, Long.MAX_VALUE, 50, null))));
        StoredEvent person = f.all(EventFilter.newest(50)).get(3);
        assertEquals("{\"type\":\"PERSON\"}", person.data());
        assertEquals("192.168.1.20", person.address());
        assertEquals(Map.of("ipAddress", "192.168.1.20"), person.props());
        assertEquals(person.eventId(), f.store.get(person.eventId()).eventId());
        assertNull(f.store.get(new EventId(person.id() + 1, person.position())));
    }

    @Test
    void aRepeatExtendsItsEventAndKeepsEverySnapshot() throws IOException {
        StoreFixture f = fixture();
        byte[] first = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        byte[] second = {(byte) 0xFF, (byte) 0xD8, 4, 5, 6, 7};
        long began = f.began("camalarm:vigi:door", "PERSON", first);
        f.clock.advance(Duration.ofSeconds(4));
        f.continued("camalarm:vigi:door", "PERSON", second);
        f.clock.advance(Duration.ofSeconds(4));
        f.continued("camalarm:vigi:door", "PERSON", null);

        // a repeat without a snapshot is not waited for: the writer writes it on its own within a second
        await("the repeat written")
                .atMost(Duration.ofSeconds(3))
                .until(() -> f.all(EventFilter.newest(50)).get(0).slot().end() == began + 8000);
        List<StoredEvent> events = f.all(EventFilter.newest(50));
        assertEquals(1, events.size(), "one event per detection, not one per push");
        StoredEvent event = events.get(0);
        assertEquals(began, event.received());
        assertEquals(began + 8000, event.slot().end());
        assertEquals(2, event.slot().snapshots());
        assertArrayEquals(first, f.store.media(event.image()));
        assertArrayEquals(second, f.store.media(event.slot().lastImage()));

        f.reopen();
        StoredEvent reopened = f.store.get(event.eventId());
        assertEquals(began + 8000, reopened.slot().end());
        f.continued("camalarm:vigi:door", "PERSON", null); // after a restart: a new event
        f.store.maintain(); // a barrier: everything queued before is written
        assertEquals(2, f.all(EventFilter.newest(50)).size());
    }

    @Test
    void eachWrittenEventIsAnnouncedNewAndExtendedAndReadsBackAsWritten() throws IOException {
        StoreFixture f = fixture();
        List<EventId> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
        f.store.onWritten(announced::addAll);
        f.began("camalarm:vigi:door", "PERSON", new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        f.clock.advance(Duration.ofSeconds(4));
        f.continued("camalarm:vigi:door", "PERSON", null);
        f.began("camalarm:vigi:door", "VEHICLE");
        f.pushed("camalarm:shelly:porch", Map.of("success", "false", "reason", "UNREACHABLE"));
        f.store.maintain(); // a barrier: everything queued before is written

        List<StoredEvent> events = f.all(EventFilter.newest(50));
        assertEquals(3, events.size());
        StoredEvent person = events.get(2);
        assertEquals(
                List.of(
                        person.eventId(),
                        person.eventId(),
                        events.get(1).eventId(),
                        events.get(0).eventId()),
                announced,
                "the new event, its extension, the next event, the push result: each once its batch is written");
        assertEquals(person.slot().end(), f.store.get(announced.get(1)).slot().end(), "the extension is readable");
        assertEquals("UNREACHABLE", f.store.get(announced.get(3)).props().get("reason"), "a push result is announced");
    }

    @Test
    void aSnapshotThatComesOnlyWithARepeatIsTheEventsFirstAndGetsAThumbnail() throws IOException {
        StoreFixture f = fixture();
        f.began("camalarm:vigi:door", "PERSON"); // JSON first: no picture
        byte[] later = {(byte) 0xFF, (byte) 0xD8, 7};
        f.clock.advance(Duration.ofSeconds(2));
        f.continued("camalarm:vigi:door", "PERSON", later); // then the multipart with the JPEG
        f.store.maintain(); // a barrier: everything queued before is written

        StoredEvent event = f.all(EventFilter.newest(1)).get(0);
        assertNull(event.image(), "the first push carried none");
        assertArrayEquals(later, f.store.media(event.firstSnapshot()));
        assertEquals(List.of(event.eventId()), f.imagesStored, "its thumbnail is to be made, once");

        f.continued("camalarm:vigi:door", "PERSON", new byte[] {(byte) 0xFF, (byte) 0xD8, 8});
        f.store.maintain();
        assertEquals(1, f.imagesStored.size(), "not again for the next snapshot");
    }

    @Test
    void typesSharingTheOtherChannelAreDifferentDetections() throws IOException {
        StoreFixture f = fixture();
        long now = f.clock.millis();
        for (String type : new String[] {"BANANA", "CHERRY", "BANANA"}) { // past the camera's channel limit
            f.store.recordAlarm(
                    List.of(new Entry(
                            StoreFixture.alarm("camalarm:vigi:odd", type, "otherAlarm", EventAction.PULSE, now),
                            Phase.CONTINUED)), // the channel was already on
                    null);
            now += 1000;
            f.clock.advance(Duration.ofSeconds(1));
        }
        f.store.maintain();

        assertEquals(
                List.of("camalarm:vigi:odd/CHERRY", "camalarm:vigi:odd/BANANA"),
                types(f.all(EventFilter.newest(50))),
                "one event per type, the second BANANA extends the first");
    }

    /**
     * A TVT camera reports every alarm type it knows with each alarm, all but one false: those stops
     * end nothing, and are no intrusions in the history, whether a camera judged them or the inbox.
     */
    @Test
    void aStopThatEndsNothingIsNoEventNorStretchesOneTheCameraLetGo() throws IOException {
        StoreFixture f = fixture();
        long start = f.clock.millis();
        f.store.recordAlarm(
                List.of(
                        new Entry(
                                StoreFixture.alarm(
                                        "camalarm:ivsec:gate", "MOTION", "motionAlarm", EventAction.START, start),
                                Phase.BEGAN),
                        new Entry(
                                StoreFixture.alarm(
                                        "camalarm:ivsec:gate", "INTRUSION", "intrusionAlarm", EventAction.STOP, start),
                                Phase.BEGAN),
                        new Entry(
                                StoreFixture.alarm(
                                        "camalarm:ivsec:cam2",
                                        "LINE_CROSSING",
                                        "lineCrossingAlarm",
                                        EventAction.STOP,
                                        start),
                                Phase.UNJUDGED)),
                null);
        assertEquals(List.of("camalarm:ivsec:gate/MOTION"), types(f.all(EventFilter.newest(50))));

        // the camera's hold ended the detection: a stop minutes later (judged BEGAN) must not stretch it
        f.clock.advance(Duration.ofMinutes(5));
        f.store.recordAlarm(
                List.of(new Entry(
                        StoreFixture.alarm(
                                "camalarm:ivsec:gate", "MOTION", "motionAlarm", EventAction.STOP, f.clock.millis()),
                        Phase.BEGAN)),
                null);
        List<StoredEvent> events = f.all(EventFilter.newest(50));
        assertEquals(1, events.size());
        assertEquals(start, events.get(0).slot().end());
    }

    @Test
    void aStopEndsTheEventAndTheNextStartBeginsAnother() throws IOException {
        StoreFixture f = fixture();
        long start = f.clock.millis();
        f.store.recordAlarm(
                List.of(new Entry(
                        StoreFixture.alarm("camalarm:ivsec:gate", "MOTION", "motionAlarm", EventAction.START, start),
                        Phase.BEGAN)),
                null);
        f.clock.advance(Duration.ofSeconds(9));
        f.store.recordAlarm(
                List.of(new Entry(
                        StoreFixture.alarm(
                                "camalarm:ivsec:gate", "MOTION", "motionAlarm", EventAction.STOP, f.clock.millis()),
                        Phase.CONTINUED)),
                null);
        f.clock.advance(Duration.ofSeconds(1));
        f.store.recordAlarm(
                List.of(new Entry(
                        StoreFixture.alarm(
                                "camalarm:ivsec:gate", "MOTION", "motionAlarm", EventAction.START, f.clock.millis()),
                        Phase.CONTINUED)),
                null);

        List<StoredEvent> events = f.all(EventFilter.newest(50));
        assertEquals(2, events.size());
        assertEquals(start + 9000, events.get(1).slot().end(), "the stop set the end of the first");
        assertEquals(EventAction.START, events.get(0).action());
    }

    @Test
    void inboxRepeatsWithinTenSecondsExtendTheirEvent() throws IOException {
        StoreFixture f = fixture();
        for (int i = 0; i < 3; i++) {
            f.store.recordAlarm(
                    List.of(new Entry(
                            StoreFixture.alarm(
                                    "camalarm:vigi:vigi_98ba",
                                    "PERSON",
                                    "humanAlarm",
                                    EventAction.PULSE,
                                    f.clock.millis()),
                            Phase.UNJUDGED)),
                    null);
            f.clock.advance(Duration.ofSeconds(5));
        }
        f.clock.advance(Duration.ofSeconds(30));
        f.store.recordAlarm(
                List.of(new Entry(
                        StoreFixture.alarm(
                                "camalarm:vigi:vigi_98ba", "PERSON", "humanAlarm", EventAction.PULSE, f.clock.millis()),
                        Phase.UNJUDGED)),
                null);
        assertEquals(2, f.all(EventFilter.newest(50)).size());
    }

    @Test
    void reopeningKeepsEverythingAndNewEventsChainOntoOld() throws IOException {
        StoreFixture f = fixture();
        f.began("camalarm:vigi:door", "PERSON");
        f.clock.advance(Duration.ofSeconds(1));
        f.began("camalarm:vigi:yard", "PERSON");
        f.reopen();
        f.clock.advance(Duration.ofSeconds(1));
        f.began("camalarm:vigi:door", "MOTION");

        assertEquals(
                List.of("camalarm:vigi:door/MOTION", "camalarm:vigi:door/PERSON"),
                types(f.all(EventFilter.newest(50).withThing("camalarm:vigi:door"))));
        assertEquals(3, f.all(EventFilter.newest(50)).size());
    }

    @Test
    void aTornTailIsCutOffAndOlderEventsStay() throws IOException {
        StoreFixture f = fixture();
        for (int i = 0; i < 20; i++) {
            f.began("camalarm:vigi:door", "PERSON" + i);
            f.clock.advance(Duration.ofSeconds(20));
        }
        f.close();
        fixture = null;
        Path segment = lastSegment(dir.resolve("events"));
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}), size - 30); // the last record, torn
            channel.write(ByteBuffer.wrap(new byte[777]), size + 100); // and zeros after a hole
        }

        fixture = new StoreFixture(dir, 1024);
        List<StoredEvent> events = fixture.all(EventFilter.newest(50));
        assertEquals(19, events.size(), "only the damaged record is gone");
        assertEquals("PERSON18", events.get(0).type());
        assertTrue(Files.size(segment) < size, "the file was cut at the last good record");

        fixture.began("camalarm:vigi:door", "AFTER");
        assertEquals("AFTER", fixture.all(EventFilter.newest(1)).get(0).type());
        assertEquals(
                20,
                fixture.all(EventFilter.newest(50).withThing("camalarm:vigi:door"))
                        .size());
    }

    @Test
    void garbageAfterTheLastRecordIsCutOff() throws IOException {
        StoreFixture f = fixture();
        f.began("camalarm:vigi:door", "PERSON", new byte[] {(byte) 0xFF, (byte) 0xD8, 9});
        f.close();
        fixture = null;
        for (Path log : List.of(dir.resolve("events"), dir.resolve("media"))) {
            Files.write(lastSegment(log), new byte[1000], StandardOpenOption.APPEND);
        }
        fixture = new StoreFixture(dir, 1024);
        StoredEvent event = fixture.all(EventFilter.newest(50)).get(0);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, 9}, fixture.store.media(event.image()));
        fixture.began("camalarm:vigi:door", "MOTION", new byte[] {(byte) 0xFF, (byte) 0xD8, 10});
        StoredEvent next = fixture.all(EventFilter.newest(1)).get(0);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, 10}, fixture.store.media(next.image()));
    }

    @Test
    void deletedEventsAreNeitherListedNorServed() throws IOException {
        StoreFixture f = fixture();
        f.began("camalarm:vigi:door", "PERSON");
        f.began("camalarm:vigi:door", "MOTION");
        StoredEvent motion = f.all(EventFilter.newest(1)).get(0);

        assertTrue(f.store.delete(motion.eventId()));
        assertFalse(f.store.delete(motion.eventId()));
        assertNull(f.store.get(motion.eventId()));
        assertEquals(List.of("camalarm:vigi:door/PERSON"), types(f.all(EventFilter.newest(50))));
        f.reopen();
        assertEquals(List.of("camalarm:vigi:door/PERSON"), types(f.all(EventFilter.newest(50))));
    }

    @Test
    void aThumbnailIsStoredWithItsEvent() throws IOException {
        StoreFixture f = fixture();
        f.began("camalarm:vigi:door", "PERSON", new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        assertEquals(1, f.imagesStored.size());
        EventId id = f.imagesStored.get(0);
        f.store.storeThumbnail(id, new byte[] {(byte) 0xFF, (byte) 0xD8, 2});
        f.store.maintain();
        StoredEvent event = f.store.get(id);
        assertNotNull(event.slot().thumbnail());
        assertArrayEquals(
                new byte[] {(byte) 0xFF, (byte) 0xD8, 2},
                f.store.media(event.slot().thumbnail()));
    }

    /**
     * Requests write each other's alarms (group commit) from snapshot buffers they reuse: under
     * contention every alarm must still come back with its own bytes, and every request return.
     */
    @Test
    void concurrentAlarmsEachKeepTheirOwnSnapshot() throws Exception {
        StoreFixture f = fixture();
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String thing = "camalarm:vigi:cam" + t;
                requests.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        f.began(thing, "T" + i, jpeg(thing, i));
                    }
                    return null;
                }));
            }
            for (Future<?> request : requests) {
                request.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            String thing = "camalarm:vigi:cam" + t;
            List<StoredEvent> events = f.all(EventFilter.newest(500).withThing(thing));
            assertEquals(each, events.size(), thing);
            for (StoredEvent event : events) {
                int i = Integer.parseInt(event.type().substring(1));
                assertArrayEquals(jpeg(thing, i), f.store.media(event.image()), thing + " " + event.type());
            }
        }
    }

    /** A JPEG-like array of its own length and bytes for each alarm (10 to 600 KB: pooled buffers of every size). */
    private static byte[] jpeg(String thing, int i) {
        Random random = new Random(thing.hashCode() * 31L + i);
        byte[] bytes = new byte[10_000 + random.nextInt(590_000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        return bytes;
    }

    static Path lastSegment(Path dir) throws IOException {
        List<Integer> numbers = SegmentFile.list(dir);
        return SegmentFile.path(dir, numbers.get(numbers.size() - 1));
    }
}
