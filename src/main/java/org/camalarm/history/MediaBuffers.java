package org.camalarm.history;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.camalarm.image.ImageBytes;

/**
 * Direct buffers for snapshots on their way to the media log, reused. A request frames its JPEG in
 * one ({@link MediaRecord#frame}: copy and checksum) before it queues its alarm, so the group that
 * writes it, under the history's lock, hands the kernel buffers it can copy from at once. From a heap
 * array the JDK first copies every snapshot of the group into a temporary direct buffer, one after
 * the other inside the lock: a third of the time the lock was held under a load of snapshots, while
 * the requests that could have done it in parallel waited.
 *
 * <p>A buffer is given back by the request once its alarm is written or failed, never while a group
 * may still write it. At most {@value #KEPT} are kept; snapshots above {@value #MAX_POOLED} bytes
 * are framed on the heap.
 */
final class MediaBuffers {

    static final int KEPT = 16;
    static final int MAX_POOLED = 4 * 1024 * 1024;
    /** The smallest buffer made: a typical 1080p snapshot fits, and sizes do not creep up 1 KB at a time. */
    private static final int MIN_CAPACITY = 512 * 1024;

    private final Queue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();

    /** {@code jpeg} framed in a buffer of the pool (or on the heap when it is larger than pooled ones). */
    MediaRecord frame(ImageBytes jpeg) {
        int needed = MediaLog.RECORD_HEADER + jpeg.length();
        if (needed > MAX_POOLED) {
            return MediaRecord.onHeap(jpeg);
        }
        ByteBuffer buffer = free.poll();
        if (buffer != null) {
            kept.decrementAndGet();
        }
        if (buffer == null || buffer.capacity() < needed) { // a smaller one is dropped: sizes only grow
            buffer = ByteBuffer.allocateDirect(Math.max(MIN_CAPACITY, Integer.highestOneBit(needed - 1) << 1));
        }
        return MediaRecord.frame(jpeg, buffer);
    }

    /** Takes a record's buffer back once nothing will write it any more. */
    void giveBack(MediaRecord record) {
        ByteBuffer buffer = record.buffer();
        if (buffer.isDirect() && kept.incrementAndGet() <= KEPT) {
            free.add(buffer);
        } else if (buffer.isDirect()) {
            kept.decrementAndGet();
        }
    }
}
