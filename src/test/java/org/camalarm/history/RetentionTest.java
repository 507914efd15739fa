package org.camalarm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
    void aFullHistoryWritesItsNewSnapshotsOverTheOldestSegmentsFile() throws IOException {
        fixture = new StoreFixture(dir, 1); // 1 MB: media segments of 128 KiB
        Path media = dir.resolve("media");
        // a second name for the first segment's file: a file made anew can never be that one
        Path first = Files.createLink(dir.resolve("first"), SegmentFile.path(media, 1));
        for (int i = 0; i < 120; i++) { // sizes that differ: a reused file is longer or shorter than its records
            fixture.began("camalarm:vigi:door", "PERSON", jpeg(30_000 + (i % 7) * 3_000, i));
            fixture.clock.advance(Duration.ofSeconds(30));
            fixture.store.maintain();
        }

        List<Integer> numbers = SegmentFile.list(media);
        int last = numbers.get(numbers.size() - 1);
        assertTrue(last > 20, "many segments were started: " + last);
        Object firstFile =
                Files.readAttributes(first, BasicFileAttributes.class).fileKey();
        List<Integer> reused = new java.util.ArrayList<>();
        for (int number : numbers) {
            if (firstFile.equals(Files.readAttributes(SegmentFile.path(media, number), BasicFileAttributes.class)
                    .fileKey())) {
                reused.add(number);
            }
        }
        assertEquals(1, reused.size(), "the first segment's file is one of the newest: " + numbers);
        assertTrue(reused.get(0) > 1);
        assertTrue(fixture.store.bytes() <= (1 << 20), "within maxDiskMB: " + fixture.store.bytes());
        long onDisk = 0;
        for (int number : numbers) {
            onDisk += Files.size(SegmentFile.path(media, number));
        }
        assertTrue(onDisk <= (1 << 20), "and so are the files, earlier lives' tails included: " + onDisk);
        assertEquals(
                onDisk + segmentFiles(dir.resolve("events")),
                fixture.store.bytes(),
                "counted as the files take the disk: sealed ones cut to their records, the open one's tail counted");
        List<StoredEvent> events = fixture.all(EventFilter.newest(500));
        int shown = 0;
        for (int i = 0; i < events.size(); i++) {
            MediaRef image = events.get(i).image();
            if (image != null) {
                byte[] bytes = fixture.store.media(image);
                assertNotNull(bytes, "an event that shows a snapshot has it");
                assertEquals((byte) (119 - i), bytes[2], "its own, not what the file held before");
                shown++;
            }
        }
        assertTrue(shown >= 15, "the newest snapshots stay: " + shown);
    }

    private static long segmentFiles(Path segments) throws IOException {
        long bytes = 0;
        for (int number : SegmentFile.list(segments)) {
            bytes += Files.size(SegmentFile.path(segments, number));
        }
        return bytes;
    }

    @Test
    void afterACrashNothingAReusedFileHeldBeforeIsTakenForASnapshot() throws IOException {
        Path hub = dir.resolve("hub");
        fixture = new StoreFixture(hub, 1);
        Path media = hub.resolve("media");
        MediaRef newest = null;
        long end = 0;
        Path current = null;
        // snapshots of one size: the records of the file's earlier life start where this one's could
        for (int i = 0; current == null || Files.size(current) <= end; i++) {
            assertTrue(i < 500, "a reused segment with its earlier life behind the end");
            fixture.began("camalarm:vigi:door", "PERSON", jpeg(40_000, i));
            fixture.clock.advance(Duration.ofSeconds(30));
            fixture.store.maintain();
            newest = fixture.all(EventFilter.newest(1)).get(0).image();
            assertNotNull(newest);
            end = SegmentFile.offset(newest.position()) + MediaLog.RECORD_HEADER + newest.length();
            List<Integer> numbers = SegmentFile.list(media);
            current = SegmentFile.path(media, numbers.get(numbers.size() - 1));
            if (SegmentFile.segment(newest.position()) != numbers.get(numbers.size() - 1)) {
                current = null; // the newest snapshot is not in the open segment yet
            }
        }

        // the files as a kill -9 leaves them: what the store wrote, nothing cut at the end
        Path crashed = dir.resolve("crashed");
        for (String log : List.of("events", "media")) {
            Files.createDirectories(crashed.resolve(log));
            try (java.util.stream.Stream<Path> files = Files.list(hub.resolve(log))) {
                for (Path file : files.toList()) {
                    Files.copy(file, crashed.resolve(log).resolve(file.getFileName()));
                }
            }
        }
        assertTrue(Files.size(current) > end);
        fixture.close();
        fixture = new StoreFixture(crashed, 1);

        current = crashed.resolve("media").resolve(current.getFileName());
        assertEquals(end, Files.size(current), "the earlier life's records were cut off, not taken");
        assertNotNull(fixture.store.media(newest), "the newest snapshot is there");
        fixture.began("camalarm:vigi:door", "VEHICLE", jpeg(40_000, 200));
        MediaRef after = fixture.all(EventFilter.newest(1)).get(0).image();
        assertNotNull(after);
        assertEquals(end, SegmentFile.offset(after.position()), "the next snapshot follows the newest");
        assertEquals((byte) 200, fixture.store.media(after)[2]);
    }

    @Test
    void snapshotsStoredBeforeSegmentsWereReusedAreStillRead() throws IOException {
        fixture = new StoreFixture(dir, 1024);
        fixture.began("camalarm:vigi:door", "PERSON", jpeg(5000, 7));
        MediaRef image = fixture.all(EventFilter.newest(1)).get(0).image();
        assertNotNull(image);
        fixture.store.close();
        // as the previous version wrote it: the old magic, and the JPEG's CRC as it is
        Path file = SegmentFile.path(dir.resolve("media"), SegmentFile.segment(image.position()));
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                file, java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            SegmentFile.Header header = SegmentFile.readHeader(channel, MediaLog.MAGIC);
            assertNotNull(header);
            SegmentFile.writeFully(channel, SegmentFile.header(MediaLog.UNMASKED_MAGIC, header), 0);
            java.nio.ByteBuffer crc = java.nio.ByteBuffer.allocate(4).putInt(SegmentFile.crc(jpeg(5000, 7), 0, 5000));
            SegmentFile.writeFully(channel, crc.flip(), SegmentFile.offset(image.position()) + 4);
        }
        fixture.open();

        assertEquals((byte) 7, fixture.store.media(image)[2], "an old record reads as it was");
        fixture.began("camalarm:vigi:door", "VEHICLE", jpeg(5000, 8)); // appended to the old segment
        MediaRef next = fixture.all(EventFilter.newest(1)).get(0).image();
        assertNotNull(next);
        fixture.reopen();
        assertEquals((byte) 7, fixture.store.media(image)[2]);
        assertEquals((byte) 8, fixture.store.media(next)[2]);
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
