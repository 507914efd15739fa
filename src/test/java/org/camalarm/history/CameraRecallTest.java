package org.camalarm.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camalarm.camera.CameraMemory;
import org.camalarm.history.WriteOp.Entry;
import org.camalarm.history.WriteOp.Phase;
import org.camalarm.image.ImageBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a camera gets back after a restart, read from a real store. */
class CameraRecallTest {

    private static final String DOOR = "camalarm:vigi:door";

    @TempDir
    Path dir;

    @Test
    void theLastWordIsTheEventThatEndedLastNotTheOneThatBeganLast() throws IOException {
        byte[] person = jpeg(1);
        byte[] stillThere = jpeg(2);
        try (StoreFixture f = new StoreFixture(dir, 1024)) {
            long began = push(f, "PERSON", Phase.BEGAN, "10.0.0.1", person);
            f.clock.advance(Duration.ofSeconds(1));
            push(f, "MOTION", Phase.BEGAN, "10.0.0.1", null);
            f.clock.advance(Duration.ofSeconds(1));
            long repeated = push(f, "PERSON", Phase.CONTINUED, "10.0.0.2", stillThere);
            f.store.maintain(); // everything queued is written

            CameraMemory memory = CameraRecall.recall(f.store, DOOR, ZoneOffset.UTC);

            assertNotNull(memory);
            assertEquals("PERSON", memory.lastEventType(), "the person, still in view after the motion began");
            assertEquals(
                    Instant.ofEpochMilli(began - 1000), memory.lastEventTime().toInstant(), "its camera time");
            assertEquals(Instant.ofEpochMilli(repeated), memory.lastSeen().toInstant(), "the repeat, not the motion");
            assertArrayEquals(stillThere, memory.image());
            assertEquals(Instant.ofEpochMilli(repeated), memory.imageTime().toInstant());
            assertEquals(
                    Map.of("personAlarm", "PERSON", "motionAlarm", "MOTION"),
                    memory.channels(),
                    "the channels its events had, made again for the rules that use them");
        }
    }

    @Test
    void aTornNewestSnapshotGivesWayToTheOneBefore() throws IOException {
        byte[] older = jpeg(1);
        byte[] newest = jpeg(2);
        try (StoreFixture f = new StoreFixture(dir, 1024)) {
            long first = push(f, "PERSON", Phase.BEGAN, "10.0.0.1", older);
            f.clock.advance(Duration.ofSeconds(1));
            push(f, "MOTION", Phase.BEGAN, "10.0.0.1", newest);
            f.store.maintain();
            Path media;
            try (var files = Files.list(dir.resolve("media"))) {
                media = files.max(Comparator.naturalOrder()).orElseThrow();
            }
            try (FileChannel channel = FileChannel.open(media, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(new byte[] {0x55}), channel.size() - 1); // the newest JPEG's last byte
            }

            CameraMemory memory = CameraRecall.recall(f.store, DOOR, ZoneOffset.UTC);

            assertArrayEquals(older, memory.image(), "the newest one that can be read");
            assertEquals(Instant.ofEpochMilli(first), memory.imageTime().toInstant());
        }
    }

    @Test
    void aCameraWithoutAlarmsRecallsNothing() throws IOException {
        try (StoreFixture f = new StoreFixture(dir, 1024)) {
            push(f, "MOTION", Phase.BEGAN, "10.0.0.1", null);
            f.store.maintain();
            assertNull(CameraRecall.recall(f.store, "camalarm:vigi:elsewhere", ZoneOffset.UTC));
        }
    }

    /** A JPEG's start and one byte that tells it from the others. */
    private static byte[] jpeg(int which) {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) which};
    }

    private static long push(StoreFixture f, String type, Phase phase, String address, byte[] jpeg) throws IOException {
        long now = f.clock.millis();
        NewEvent event = new NewEvent(
                EventKind.ALARM,
                DOOR,
                type,
                StoreFixture.channel(type),
                EventAction.PULSE,
                now - 1000,
                now,
                address,
                "{\"type\":\"" + type + "\"}",
                Map.of("ipAddress", address));
        f.store.recordAlarm(List.of(new Entry(event, phase)), jpeg == null ? null : ImageBytes.of(jpeg));
        return now;
    }
}
