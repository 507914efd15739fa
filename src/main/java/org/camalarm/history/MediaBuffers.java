package org.camalarm.history;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.camalarm.image.ImageBytes;

/**
 * Direct buffers for snapshots on their way to the media log, reused. A request frames its JPEG in
 * one ({@link MediaRecord#frame}: copy and checksum) before it queues its alarm, so the group that
 * writes it, under the history's lock, hands the kernel buffers it can copy from at once. From a heap
 * array the JDK first copies every snapshot of the group into a temporary direct buffer, one after
 * the other inside the lock: a third of the time the lock was held under a load of snapshots, while
 * the requests that could have done it in parallel waited.
 *
 * <p>All buffers made, lent or idle, stay within {@value #DIRECT_BUDGET} bytes (64 typical
 * snapshots at once); a snapshot that finds none free and no room for another is framed on the heap,
 * and a free one too small for it is dropped (its share of the budget then goes to a larger one).
 * A pool of 16 without that bound had 64 cameras pushing at once make a fresh buffer for every
 * fourth push or so, each freed only by a later GC: the hub, started with {@code -Xmx512m}, grew to
 * 890 MB resident, against 380 MB with the bound. A buffer is given back by the request once its
 * alarm is written or failed, never while a group may still write it. Snapshots above
 * {@value #MAX_POOLED} bytes are framed on the heap.
 */
final class MediaBuffers {

    static final int MAX_POOLED = 4 * 1024 * 1024;
    /** The smallest buffer made: a typical 1080p snapshot fits, and sizes do not creep up 1 KB at a time. */
    static final int MIN_CAPACITY = 512 * 1024;

    static final long DIRECT_BUDGET = 64L * MIN_CAPACITY;

    /** Buffers given back, ready for the next snapshot. */
    private final Queue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    /** Bytes of all direct buffers made and not dropped, lent out or in {@link #free}. */
    private final AtomicLong made = new AtomicLong();

    /** {@code jpeg} framed in a buffer of the pool (or on the heap when none is free or it is too large). */
    MediaRecord frame(ImageBytes jpeg) {
        int needed = MediaLog.RECORD_HEADER + jpeg.length();
        if (needed > MAX_POOLED) {
            return MediaRecord.onHeap(jpeg);
        }
        ByteBuffer buffer = free.poll();
        if (buffer != null && buffer.capacity() >= needed) {
            return MediaRecord.frame(jpeg, buffer);
        }
        if (buffer != null) { // too small: dropped, sizes only grow
            made.addAndGet(-buffer.capacity());
        }
        int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(needed - 1) << 1);
        if (!reserve(capacity)) { // a camera whose snapshots grew gets larger buffers as small ones drop out
            return MediaRecord.onHeap(jpeg);
        }
        return MediaRecord.frame(jpeg, ByteBuffer.allocateDirect(capacity));
    }

    private boolean reserve(int capacity) {
        long before;
        do {
            before = made.get();
            if (before + capacity > DIRECT_BUDGET) {
                return false;
            }
        } while (!made.compareAndSet(before, before + capacity));
        return true;
    }

    /**
     * Leaves a record's buffer to the GC (a group may still be writing it when its request gave up
     * waiting): its share of the budget is free again, or every such give-up would shrink the pool.
     */
    void abandon(MediaRecord record) {
        ByteBuffer buffer = record.buffer();
        if (buffer.isDirect()) {
            made.addAndGet(-buffer.capacity());
        }
    }

    /** Takes a record's buffer back once nothing will write it any more. */
    void giveBack(MediaRecord record) {
        ByteBuffer buffer = record.buffer();
        if (buffer.isDirect()) {
            free.add(buffer);
        }
    }
}
