package org.camalarm.history;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.camalarm.history.WriteOp.Entry;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The history on disk, in {@code dir}: {@code events/} (records), {@code media/} (JPEGs). Writes go
 * through the {@link HistoryWriter} (an alarm's on the calling thread, the rest on its thread), reads
 * are done by the calling thread. Thread-safe.
 */
public final class HistoryStore implements Closeable {

    /** How long an alarm waits for room in the writer's queue and for its write. */
    private static final long WAIT_MS = 10_000;

    private final EventLog events;
    private final MediaLog media;
    private final EventQuery query;
    private final HistoryWriter writer;
    private final Thread thread;
    private final Supplier<HistorySettings> settings;
    private final Clock clock;
    private final MediaBuffers buffers = new MediaBuffers();

    private HistoryStore(
            EventLog events,
            MediaLog media,
            ChainHeads heads,
            Supplier<HistorySettings> settings,
            Clock clock,
            LongSupplier freeBytes,
            Consumer<EventId> imageStored) {
        this.events = events;
        this.media = media;
        this.settings = settings;
        this.clock = clock;
        this.query = new EventQuery(events, heads);
        Retention retention = new Retention(events, media, heads, settings, freeBytes);
        this.writer = new HistoryWriter(events, media, heads, retention, clock, imageStored);
        this.thread = new Thread(writer, "camalarm-history");
        thread.setDaemon(true);
    }

    /**
     * Opens (or creates) the store and starts its writer.
     *
     * @param imageStored told, on the writer thread, of every new event with a snapshot (must not block)
     */
    static HistoryStore open(Path dir, Supplier<HistorySettings> settings, Clock clock, Consumer<EventId> imageStored)
            throws IOException {
        Files.createDirectories(dir);
        return open(dir, settings, clock, () -> usableSpace(dir), imageStored);
    }

    static HistoryStore open(
            Path dir,
            Supplier<HistorySettings> settings,
            Clock clock,
            LongSupplier freeBytes,
            Consumer<EventId> imageStored)
            throws IOException {
        long now = clock.millis();
        MediaLog media = new MediaLog(dir.resolve("media"));
        media.open(now);
        EventLog events = new EventLog(dir.resolve("events"));
        ChainHeads heads = new ChainHeads();
        try {
            LogRecovery.recover(events, heads, now, media.end());
        } catch (IOException | RuntimeException e) {
            media.close();
            events.close();
            throw e;
        }
        HistoryStore store = new HistoryStore(events, media, heads, settings, clock, freeBytes, imageStored);
        store.thread.start();
        return store;
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: do not delete for it
        }
    }

    /** Who is told, on the writing thread, of the events each batch inserted or extended (must not block). */
    void onWritten(Consumer<List<EventId>> listener) {
        writer.onWritten(listener);
    }

    /** Stores the events of one alarm and its snapshot; returns once they are written (a repeat: once queued). */
    void recordAlarm(List<Entry> entries, @Nullable ImageBytes image) throws IOException {
        // A repeat adds no event: it moves the end of one that was written when its detection began.
        // Its request does not wait for a write: the writer takes repeats in groups (a kill -9 can
        // lose at most the last second of an event's end, never an event). The one repeat that makes
        // an event is one whose event is gone (a user deleted it while the detection went on): that
        // event is written as soon, not waited for.
        if (WriteOp.Repeat.only(entries, image) && writer.offerRepeat(new WriteOp.Repeat(entries))) {
            return;
        }
        MediaRecord framed = image == null ? null : buffers.frame(image);
        CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
        writer.writeAlarm(new WriteOp.Alarm(entries, framed, done, Thread.currentThread()), WAIT_MS);
        try {
            await(done);
        } finally {
            if (framed != null) {
                if (done.isDone()) {
                    buffers.giveBack(framed);
                } else {
                    buffers.abandon(framed); // a group may still be writing it: left to the GC
                }
            }
        }
    }

    /** Queues a push result or rule firing; false when the writer is too far behind to take it. */
    boolean recordPlain(NewEvent event) {
        return writer.offer(new WriteOp.Plain(event));
    }

    /** Queues a thumbnail for an event; dropped if the writer is too far behind (made again on request). */
    void storeThumbnail(EventId id, byte[] jpeg) {
        writer.offer(new WriteOp.Thumbnail(id, jpeg));
    }

    /** Deletes an event: no longer listed or served. False when there is no such event. */
    public boolean delete(EventId id) throws IOException {
        if (get(id) == null) {
            return false;
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        submit(new WriteOp.Delete(id, done));
        return await(done);
    }

    /** Applies the retention limits now (after a configuration change); returns when done. */
    void maintain() throws IOException {
        CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
        submit(new WriteOp.Maintain(done));
        await(done);
    }

    public EventPage query(EventFilter filter) throws IOException {
        EventPage page = query.run(filter, oldestId());
        return new EventPage(page.events().stream().map(this::withKeptMedia).toList(), page.next());
    }

    public @Nullable StoredEvent get(EventId id) throws IOException {
        StoredEvent event = query.get(id, oldestId());
        return event == null ? null : withKeptMedia(event);
    }

    /**
     * The event without the snapshots retention has deleted since it was written (low free space
     * deletes snapshots before events): a reader sees no image rather than one that is not there.
     */
    private StoredEvent withKeptMedia(StoredEvent event) {
        EventSlot slot = event.slot();
        MediaRef image = kept(event.image());
        MediaRef last = kept(slot.lastImage());
        MediaRef thumbnail = kept(slot.thumbnail());
        boolean unchanged = image == event.image() && last == slot.lastImage() && thumbnail == slot.thumbnail();
        return unchanged ? event : event.withMedia(image, last, thumbnail);
    }

    private @Nullable MediaRef kept(@Nullable MediaRef ref) {
        return ref == null || media.holds(ref) ? ref : null;
    }

    /** The JPEG at {@code ref}, or {@code null} when it was pruned or is damaged. */
    public byte @Nullable [] media(MediaRef ref) throws IOException {
        return media.read(ref);
    }

    /** Bytes on disk: events and media. */
    long bytes() {
        return events.bytes() + media.bytes();
    }

    private long oldestId() {
        return Math.max(0, clock.millis() - settings.get().maxAge().toMillis()) << 20;
    }

    private void submit(WriteOp op) throws IOException {
        if (!thread.isAlive()) {
            throw new IOException("the history writer has stopped");
        }
        writer.submit(op);
    }

    private static <T> T await(CompletableFuture<T> done) throws IOException {
        try {
            return done.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the history", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        } catch (TimeoutException e) {
            throw new IOException("the history did not write within " + WAIT_MS + " ms");
        }
    }

    /** Writes what is queued, stops the writer, closes the files. */
    @Override
    public void close() throws IOException {
        try {
            writer.submit(new WriteOp.Stop());
            thread.join(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
        events.close();
        media.close();
    }
}
