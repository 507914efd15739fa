package org.camalarm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention: by age, by disk budget, by free space; always the oldest first, never the open segments. */
class RetentionTest {

    @TempDir
    Path dir;

    private StoreFixture fixture;

    @AfterEach
    void close() throws IOException {
        fixture.close();
    }

    private static byte[] jpeg(int size, int seed) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) seed;
        return bytes;
    }

    @Test
    void eventsOlderThanMaxAgeVanishAndTheirFilesGo() throws IOException {
        fixture = new StoreFixture(dir, 1024);
        fixture.settings = new HistorySettings(true, Duration.ofHours(1), 1024L << 20, 0);
        for (int i = 0; i < 120; i++) { // two hours, one event a minute, a snapshot each
            fixture.began("camalarm:vigi:door", "PERSON", jpeg(1000, i));
            fixture.clock.advance(Duration.ofMinutes(1));
        }
        fixture.store.maintain();

        List<StoredEvent> kept = fixture.all(EventFilter.newest(500));
        long oldestAllowed = fixture.clock.millis() - Duration.ofHours(1).toMillis();
        assertTrue(kept.stream().allMatch(e -> e.received() >= oldestAllowed), "nothing older than maxAge is shown");
        assertTrue(kept.size() >= 59 && kept.size() <= 60, "the last hour stays: " + kept.size());
        assertTrue(SegmentFile.list(dir.resolve("events")).get(0) > 1, "the oldest event segments were deleted");
        assertTrue(SegmentFile.list(dir.resolve("media")).get(0) > 1, "the oldest media segments were deleted");
        for (StoredEvent event : kept) {
            assertNotNull(fixture.store.media(event.image()), "a kept event keeps its snapshot");
        }
    }

    @Test
    void aSegmentThatCannotBeSealedDoesNotStopOldOnesFromBeingDeleted() throws IOException {
        fixture = new StoreFixture(dir, 1024);
        fixture.settings = new HistorySettings(true, Duration.ofHours(1), 1024L << 20, 0);
        for (int i = 0; i < 120; i++) { // two hours, one event a minute, a snapshot each: several segments
            fixture.began("camalarm:vigi:door", "PERSON", jpeg(1000, i));
            fixture.clock.advance(Duration.ofMinutes(1));
        }
        fixture.store.maintain();
        fixture.began("camalarm:vigi:door", "MOTION"); // the open segment has a record: it can be sealed
        Path events = dir.resolve("events");
        List<Integer> before = SegmentFile.list(events);
        assertTrue(before.size() > 1, "sealed segments: " + before);
        // sealing the open segment now fails, as on a full disk: its heads cannot be written
        int open = before.get(before.size() - 1);
        Files.createDirectories(
                events.resolve(String.format("%08d.heads.tmp", open)).resolve("in-the-way"));

        fixture.clock.advance(Duration.ofHours(2)); // every sealed segment is past maxAge, and a roll is due
        assertThrows(IOException.class, fixture.store::maintain, "the roll fails");

        assertEquals(List.of(open), SegmentFile.list(events), "the old event segments were deleted all the same");
        assertEquals(1, SegmentFile.list(dir.resolve("media")).size(), "and the old media segments");
        fixture.began("camalarm:vigi:door", "VEHICLE");
        assertEquals("VEHICLE", fixture.all(EventFilter.newest(1)).get(0).type(), "alarms are still stored");
    }

    @Test
    void aFullDiskBudgetDeletesTheOldestFirst() throws IOException {
        fixture = new StoreFixture(dir, 1); // 1 MB: media segments of 128 KiB
        for (int i = 0; i < 60; i++) {
            fixture.began("camalarm:vigi:door", "PERSON", jpeg(40_000, i));
            fixture.clock.advance(Duration.ofSeconds(30));
        }
        fixture.store.maintain();

        assertTrue(fixture.store.bytes() <= (1 << 20), "within maxDiskMB: " + fixture.store.bytes());
        List<StoredEvent> events = fixture.all(EventFilter.newest(500));
        StoredEvent newest = events.get(0);
        assertEquals(jpeg(40_000, 59)[2], fixture.store.media(newest.image())[2], "the newest snapshot stays");
        int firstWithImage = -1;
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).image() != null) {
                firstWithImage = i;
                break;
            }
        }
        for (int i = 0; i <= firstWithImage; i++) {
            MediaRef image = events.get(i).image();
            assertNotNull(image, "snapshots go oldest first, without gaps");
            assertNotNull(fixture.store.media(image), "an event that shows a snapshot has it");
        }
        assertNull(events.get(events.size() - 1).image(), "the oldest snapshots went");
    }

    @Test
    void aFullDiskBudgetDeletesOldEventsBeforeNewerSnapshots() throws IOException {
        fixture = new StoreFixture(dir, 1); // event segments of 64 KiB, media segments of 128 KiB
        for (int i = 0; i < 3000; i++) { // days of detections without a snapshot: several event segments
            fixture.began("camalarm:vigi:door", "PERSON");
            fixture.clock.advance(Duration.ofSeconds(30));
        }
        for (int i = 0; i < 12; i++) { // then snapshots, into the media segment open since the start
            fixture.began("camalarm:vigi:garden", "PERSON", jpeg(40_000, i));
            fixture.clock.advance(Duration.ofSeconds(30));
        }
        fixture.store.maintain();

        assertTrue(fixture.store.bytes() <= (1 << 20), "within maxDiskMB: " + fixture.store.bytes());
        List<StoredEvent> events = fixture.all(EventFilter.newest(5000));
        assertTrue(events.size() < 3012, "old events were deleted: " + events.size());
        for (int i = 0; i < 12; i++) {
            StoredEvent event = events.get(i);
            assertEquals(
                    jpeg(40_000, 11 - i)[2],
                    fixture.store.media(event.image())[2],
                    "the newest events keep their snapshots while older events remain");
        }
    }

    @Test
    void lowFreeSpaceDeletesSnapshotsBeforeEvents() throws IOException {
        fixture = new StoreFixture(dir, 64); // media segments of 4 MiB: the first is sealed
        for (int i = 0; i < 60; i++) {
            fixture.began("camalarm:vigi:door", "PERSON", jpeg(100_000, i));
            fixture.clock.advance(Duration.ofSeconds(30));
        }
        fixture.settings = new HistorySettings(true, Duration.ofDays(30), 64L << 20, 100L << 20);
        fixture.freeBytes.set(10L << 20); // always too little: everything deletable goes
        fixture.store.maintain();

        List<StoredEvent> events = fixture.all(EventFilter.newest(500));
        assertEquals(60, events.size(), "the events stay while snapshots can go");
        assertEquals(1, SegmentFile.list(dir.resolve("media")).size(), "only the open media segment is left");
        assertTrue(events.stream().anyMatch(e -> e.image() == null), "events whose snapshot went say so");
        for (StoredEvent event : events) {
            assertTrue(
                    event.image() == null || fixture.store.media(event.image()) != null,
                    "no event shows a snapshot that is gone");
            StoredEvent alone = fixture.store.get(event.eventId());
            assertEquals(event.image(), alone.image(), "one event read alone says the same");
            assertEquals(event.slot(), alone.slot(), "one event read alone says the same");
        }
    }
}
