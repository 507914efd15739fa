package org.camalarm.history;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the thumbnails of new events in the background, one at a time, from a short queue: when
 * snapshots come faster than that, the rest are made when first asked for ({@link #forRequest}), at
 * most two at a time. Either way the thumbnail is stored, so it is made once.
 */
final class Thumbnailer {

    private static final Logger LOGGER = LoggerFactory.getLogger(Thumbnailer.class);
    private static final int QUEUE = 64;

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
                Thread thread = new Thread(r, "camalarm-thumbnails");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            },
            new ThreadPoolExecutor.DiscardPolicy());
    private final Semaphore onRequest = new Semaphore(2);
    private volatile @Nullable HistoryStore store;

    Thumbnailer() {
        executor.allowCoreThreadTimeOut(true);
    }

    void use(@Nullable HistoryStore current) {
        store = current;
    }

    /** A new event with an image (writer thread): queued, or left for the first request. */
    void offer(EventId id) {
        try {
            executor.execute(() -> make(id));
        } catch (RejectedExecutionException e) {
            // shut down: made on request
        }
    }

    private void make(EventId id) {
        HistoryStore current = store;
        try {
            StoredEvent event = current == null ? null : current.get(id);
            if (current != null && event != null && event.slot().thumbnail() == null) {
                made(current, event);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("History: no thumbnail for {}: {}", id, e.toString());
        }
    }

    /** The event's thumbnail: the stored one, else made now (waiting for a free slot). */
    byte @Nullable [] forRequest(HistoryStore current, StoredEvent event) throws IOException {
        MediaRef stored = event.slot().thumbnail();
        if (stored != null) {
            byte[] bytes = current.media(stored);
            if (bytes != null) {
                return bytes;
            }
        }
        try {
            if (!onRequest.tryAcquire(20, TimeUnit.SECONDS)) {
                throw new IOException("too many thumbnails are being made; ask again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to make a thumbnail", e);
        }
        try {
            return made(current, event);
        } finally {
            onRequest.release();
        }
    }

    private static byte @Nullable [] made(HistoryStore current, StoredEvent event) throws IOException {
        MediaRef image = event.firstSnapshot();
        byte[] jpeg = image == null ? null : current.media(image);
        byte[] thumbnail = jpeg == null ? null : Thumbnails.of(jpeg);
        if (thumbnail != null) {
            current.storeThumbnail(event.eventId(), thumbnail);
        }
        return thumbnail;
    }

    void close() {
        executor.shutdownNow();
    }
}
