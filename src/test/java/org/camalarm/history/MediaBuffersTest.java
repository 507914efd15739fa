package org.camalarm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.camalarm.image.ImageBytes;
import org.junit.jupiter.api.Test;

class MediaBuffersTest {

    private final MediaBuffers buffers = new MediaBuffers();

    @Test
    void aFramedSnapshotIsTheMediaLogRecordForItsOwner() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 7, 8, 9};
        MediaRecord record = buffers.frame(ImageBytes.of(jpeg));
        ByteBuffer framed = record.forOwner(42L << 20, 0x5EED);

        assertTrue(framed.isDirect(), "written without the JDK's copy to a temporary direct buffer");
        assertEquals(MediaLog.RECORD_HEADER + jpeg.length, framed.remaining());
        assertEquals(jpeg.length, framed.getInt(0));
        assertEquals(SegmentFile.crc(jpeg, 0, jpeg.length), record.crc(), "checksummed off the writer's lock");
        assertEquals(0x5EED, framed.getInt(4), "the check the writer gives it");
        assertEquals(42L << 20, framed.getLong(8));
        byte[] body = new byte[jpeg.length];
        framed.get(MediaLog.RECORD_HEADER, body);
        assertEquals(ByteBuffer.wrap(jpeg), ByteBuffer.wrap(body));
        assertEquals(0, record.buffer().position(), "a view: staging does not move the record's own buffer");
    }

    @Test
    void aBufferGivenBackIsReusedForTheNextSnapshotAndOnlyFittingOnesAreKept() {
        MediaRecord first = buffers.frame(ImageBytes.of(new byte[100_000]));
        buffers.giveBack(first);
        MediaRecord second = buffers.frame(ImageBytes.of(new byte[200_000]));
        assertSame(first.buffer(), second.buffer(), "one buffer serves snapshots of a typical size");

        buffers.giveBack(second);
        MediaRecord big = buffers.frame(ImageBytes.of(new byte[1_500_000]));
        assertNotSame(second.buffer(), big.buffer(), "too small a buffer is dropped, a bigger one made");
        assertTrue(big.buffer().capacity() >= MediaLog.RECORD_HEADER + 1_500_000);
    }

    @Test
    void snapshotsLargerThanPooledBuffersAreFramedOnTheHeapAndNotKept() {
        MediaRecord pooled = buffers.frame(ImageBytes.of(new byte[10]));
        buffers.giveBack(pooled);
        MediaRecord huge = buffers.frame(ImageBytes.of(new byte[MediaBuffers.MAX_POOLED]));
        assertFalse(huge.buffer().isDirect());
        assertNotSame(pooled.buffer(), huge.buffer(), "the pooled buffer is not grown to a huge size");

        buffers.giveBack(huge);
        assertSame(
                pooled.buffer(),
                buffers.frame(ImageBytes.of(new byte[10])).buffer(),
                "the pool still holds the small one");
        assertNotSame(huge.buffer(), buffers.frame(ImageBytes.of(new byte[10])).buffer(), "the huge one was not kept");
    }

    @Test
    void directMemoryStaysWithinTheBudgetHoweverManySnapshotsArriveAtOnce() {
        int fit = (int) (MediaBuffers.DIRECT_BUDGET / MediaBuffers.MIN_CAPACITY);
        List<MediaRecord> inFlight = new ArrayList<>();
        for (int i = 0; i < fit + 5; i++) { // 64 cameras pushing at once, and more
            inFlight.add(buffers.frame(ImageBytes.of(new byte[200_000])));
        }
        assertEquals(fit, inFlight.stream().filter(r -> r.buffer().isDirect()).count(), "direct up to the budget");
        assertEquals(5, inFlight.stream().filter(r -> !r.buffer().isDirect()).count(), "beyond it, on the heap");

        inFlight.forEach(buffers::giveBack);
        List<MediaRecord> next = new ArrayList<>();
        for (int i = 0; i < fit + 5; i++) {
            next.add(buffers.frame(ImageBytes.of(new byte[200_000])));
        }
        long reused = next.stream()
                .filter(r -> inFlight.stream().anyMatch(old -> old.buffer() == r.buffer()))
                .count();
        assertEquals(fit, reused, "the next burst reuses every pooled buffer, none is made anew");
    }

    @Test
    void aBufferTooSmallForTheNextSnapshotGivesItsShareOfTheBudgetBack() {
        int fit = (int) (MediaBuffers.DIRECT_BUDGET / MediaBuffers.MIN_CAPACITY);
        List<MediaRecord> small = new ArrayList<>();
        for (int i = 0; i < fit; i++) {
            small.add(buffers.frame(ImageBytes.of(new byte[1000])));
        }
        small.forEach(buffers::giveBack);
        // the camera now sends 600 KB snapshots: a 1 MB buffer fits once two small ones are dropped
        assertFalse(buffers.frame(ImageBytes.of(new byte[600_000])).buffer().isDirect(), "one dropped: no room");
        MediaRecord larger = buffers.frame(ImageBytes.of(new byte[600_000]));
        assertTrue(larger.buffer().isDirect(), "two dropped: room for one larger buffer");
        assertTrue(larger.buffer().capacity() >= MediaLog.RECORD_HEADER + 600_000);
    }

    @Test
    void aBufferLeftToTheGcGivesItsShareOfTheBudgetBack() {
        int fit = (int) (MediaBuffers.DIRECT_BUDGET / MediaBuffers.MIN_CAPACITY);
        List<MediaRecord> abandoned = new ArrayList<>();
        for (int i = 0; i < fit; i++) { // requests that gave up waiting while their group was still written
            abandoned.add(buffers.frame(ImageBytes.of(new byte[1000])));
        }
        abandoned.forEach(buffers::abandon);
        assertTrue(buffers.frame(ImageBytes.of(new byte[1000])).buffer().isDirect(), "the pool is not shrunk for good");
    }
}
