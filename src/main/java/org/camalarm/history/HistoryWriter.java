package org.camalarm.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camalarm.history.WriteOp.Entry;
import org.camalarm.history.WriteOp.Phase;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the history, in groups, one group at a time (under {@link #writing}): a group's snapshots
 * in one write to the media log, its records in one write to the event log, then the slots of
 * extended events are patched, the new chain heads published, and only then are the waiting alarm
 * requests told their events are stored. No fsync: what a write() handed to the kernel survives a
 * crash of the process (not a power cut). A group that cannot be written fails as a whole and leaves
 * nothing behind.
 *
 * <p>Everything is queued in one order ({@link #pending}). An alarm's request writes a group itself
 * ({@link #writeAlarm}): whichever request holds the lock writes everything queued so far, and wakes
 * the requests whose alarms it wrote (group commit); the others park until then, or until the lock
 * is handed on to them. The writer thread writes one group per hold of the lock, so waiting requests
 * are not kept out while it drains a long queue. A hand-off to a writer thread and back cost each
 * alarm two thread wake-ups, which under load was most of what the history cost. Snapshots come
 * framed in direct buffers ({@link MediaBuffers}): the lock is held for the kernel's copy only.
 * The writer thread ({@link #run}) takes what nobody waits for (push results, rule firings,
 * thumbnails), deletes, and runs retention ({@link Retention}) between groups.
 */
final class HistoryWriter implements Runnable {

    static final int MAX_BATCH = 1024;
    private static final int QUEUE = 8192;
    private static final int REPEATS_PER_WAKE = 256;
    private static final long UNJUDGED_HOLD_MS = 10_000;
    private static final long MAINTENANCE_EVERY_MS = 1000;
    private static final Logger LOGGER = LoggerFactory.getLogger(HistoryWriter.class);

    /** Everything to write, in the order it was asked for (ids and positions follow it). */
    private final Queue<WriteOp> pending = new ConcurrentLinkedQueue<>();
    /** Operations in {@link #pending} that nobody waits for: bounded, so a stuck disk cannot fill the heap. */
    private final AtomicInteger unawaited = new AtomicInteger();
    /** Held while a group is written or retention runs: the state below is only touched under it. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Under {@link #writing}: the request threads of the alarms written or failed, woken after the lock. */
    private final List<Thread> toWake = new ArrayList<>();
    /** Set under {@link #writing} once a Stop was written: later operations fail, files are closing. */
    private boolean stopped;
    /** The writer thread, woken when something is queued that no caller writes itself. */
    private volatile @Nullable Thread thread;

    private final EventLog events;
    private final MediaLog media;
    private final ChainHeads heads;
    private final Retention retention;
    private final Clock clock;
    private final Consumer<EventId> imageStored;
    /** Told after each batch of the events it inserted or extended, once each, in order. */
    private volatile Consumer<List<EventId>> written = ids -> {};

    private final OpenEvents open = new OpenEvents();
    private ByteBuffer out = ByteBuffer.allocate(256 * 1024);
    private long lastId;
    private long nextMaintenance;
    /** Until when failures are logged at DEBUG only (a full disk must not flood the log); 0: the next warns. */
    private long quietUntil;

    /** One batch's changes, applied to the shared state only once it is written. */
    private static final class Batch {
        final Map<String, Long> heads = new HashMap<>();
        /** Slots to write, by event id. */
        final Map<Long, OpenEvents.Open> patched = new LinkedHashMap<>();

        final List<EventId> withImage = new ArrayList<>();
        /** Events inserted or extended, in order: alarms, push results, rule firings (not thumbnails, deletes). */
        final Set<EventId> written = new LinkedHashSet<>();

        final Map<WriteOp.Delete, Boolean> deleted = new HashMap<>();
        long base;
        boolean maintain;
    }

    HistoryWriter(
            EventLog events,
            MediaLog media,
            ChainHeads heads,
            Retention retention,
            Clock clock,
            Consumer<EventId> imageStored) {
        this.events = events;
        this.media = media;
        this.heads = heads;
        this.retention = retention;
        this.clock = clock;
        this.imageStored = imageStored;
        this.lastId = heads.lastId();
    }

    /** Who is told of the events each batch wrote (on this thread: must not block). */
    void onWritten(Consumer<List<EventId>> listener) {
        this.written = listener;
    }

    /**
     * Queues an operation for the writer thread (a delete, retention now, the stop); its caller
     * waits on the operation's future.
     */
    void submit(WriteOp op) {
        pending.add(op);
        wake();
    }

    /** Queues an operation nobody waits for, if there is room at once. */
    boolean offer(WriteOp op) {
        if (unawaited.incrementAndGet() > QUEUE) {
            unawaited.decrementAndGet();
            return false;
        }
        pending.add(op);
        wake();
        return true;
    }

    /**
     * Queues repeats nobody waits for, if there is room at once. The writer is woken only when
     * {@value #REPEATS_PER_WAKE} unwritten operations have piled up: under load it writes them in
     * groups (one patch per event and group), and when alarms are few it writes them within
     * {@value #MAINTENANCE_EVERY_MS} ms, its longest sleep.
     */
    boolean offerRepeat(WriteOp.Repeat repeat) {
        int queued = unawaited.incrementAndGet();
        if (queued > QUEUE) {
            unawaited.decrementAndGet();
            return false;
        }
        pending.add(repeat);
        if (queued >= REPEATS_PER_WAKE) {
            wake();
        }
        return true;
    }

    /**
     * Writes an alarm on the calling thread, with whatever was queued before it; returns once its
     * {@code done} is complete (or failed), or after {@code waitMs} if the group that took it is
     * still being written then (its end completes it).
     *
     * <p>A request that finds the lock taken does not queue for it: it parks until the group that
     * takes its alarm completes it, or until the holder hands the lock on to it (its alarm is the
     * first one left). Queueing for the lock made every request of a group take it in turn only to
     * find its alarm written, one wake-up after the other, while the next group waited: on two
     * busy cores the lock stood idle most of the time.
     */
    void writeAlarm(WriteOp.Alarm alarm, long waitMs) {
        pending.add(alarm);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        while (!alarm.done().isDone()) {
            if (writing.tryLock()) {
                try {
                    while (!alarm.done().isDone() && writeGroup()) {
                        // the groups queued before it, then its own
                    }
                } finally {
                    unlockAndWake();
                }
                handOff();
                return;
            }
            long left = deadline - System.nanoTime();
            boolean interrupted = Thread.currentThread().isInterrupted();
            if (left <= 0 || interrupted) {
                if (pending.remove(alarm)) { // else a group that took it is being written: its end completes it
                    alarm.done()
                            .completeExceptionally(new IOException(
                                    interrupted
                                            ? "interrupted while waiting for the history"
                                            : "the history did not write within " + waitMs + " ms"));
                }
                handOff();
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    /**
     * Lets go of the lock, then wakes the requests whose alarms it wrote. A wake-up is a system call
     * (and, on a virtual machine, often an exit to the hypervisor): made inside the lock, they took a
     * third of the time it was held under a load of snapshots, while the next group waited.
     */
    private void unlockAndWake() {
        Thread[] woken = toWake.toArray(new Thread[0]);
        toWake.clear();
        writing.unlock();
        Thread self = Thread.currentThread();
        for (Thread waiter : woken) {
            if (waiter != self) { // its own alarm: it is not parked, and a permit would wake its next park
                LockSupport.unpark(waiter);
            }
        }
    }

    /**
     * Called after letting go of the lock (or of the wait for it): whoever waits for the first
     * operation left is woken to write it, so nothing queued waits for a lock nobody holds.
     */
    private void handOff() {
        WriteOp next = pending.peek();
        if (next instanceof WriteOp.Alarm waiting) {
            LockSupport.unpark(waiting.waiter());
        } else if (next != null) {
            wake();
        }
    }

    private void wake() {
        Thread writer = thread;
        if (writer != null) {
            LockSupport.unpark(writer);
        }
    }

    /** Writes up to {@value #MAX_BATCH} queued operations; false when none was queued. Holds {@link #writing}. */
    private boolean writeGroup() {
        List<WriteOp> group = new ArrayList<>();
        for (WriteOp op; group.size() < MAX_BATCH && (op = pending.poll()) != null; ) {
            group.add(op);
            if (op instanceof WriteOp.Plain || op instanceof WriteOp.Thumbnail || op instanceof WriteOp.Repeat) {
                unawaited.decrementAndGet();
            }
        }
        if (group.isEmpty()) {
            return false;
        }
        if (stopped) {
            WriteOp.failAll(group, new IOException("the history is closed"), toWake);
        } else {
            write(group);
            stopped = group.stream().anyMatch(WriteOp.Stop.class::isInstance);
        }
        return true;
    }

    /** The writer thread: what nobody writes itself, and retention between groups, until a Stop. */
    @Override
    public void run() {
        thread = Thread.currentThread();
        boolean running = true;
        while (running) {
            writing.lock();
            try {
                writeGroup(); // one group per hold: requests waiting for the lock get it in between
                running = !stopped && !Thread.currentThread().isInterrupted();
                long now = clock.millis();
                if (running && now >= nextMaintenance) {
                    nextMaintenance = now + MAINTENANCE_EVERY_MS;
                    retention.maintain(now);
                }
            } catch (RuntimeException | IOException e) {
                warnAtMostEveryMinute("History: maintenance failed: {}", e);
            } finally {
                unlockAndWake();
            }
            if (running && pending.isEmpty()) { // else queued while it held the lock: write them first
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(MAINTENANCE_EVERY_MS));
            }
        }
        writing.lock();
        try {
            stopped = true;
            while (writeGroup()) {
                // fails what is left
            }
        } finally {
            unlockAndWake();
        }
    }

    /** Writes one group; the caller holds {@link #writing}. */
    private void write(List<WriteOp> ops) {
        Batch batch = new Batch();
        try {
            sealIfDue();
            batch.base = events.end();
            out.clear();
            for (WriteOp op : ops) {
                apply(op, batch);
            }
            media.flush();
            for (OpenEvents.Open event : batch.patched.values()) {
                if (event.position >= batch.base) { // written in this batch: its slot is still in the buffer
                    int at = (int) (event.position - batch.base) + RecordFormat.HEADER;
                    RecordFormat.writeSlot(out, at, event.slot, event.bodyCrc);
                }
            }
            if (out.position() > 0) {
                events.append(out.flip());
            }
            for (OpenEvents.Open event : batch.patched.values()) {
                if (event.position < batch.base) {
                    events.patch(event.position, RecordFormat.slot(event.slot, event.bodyCrc));
                }
            }
            heads.publish(batch.heads, lastId);
            open.commit();
        } catch (IOException | RuntimeException e) {
            warnAtMostEveryMinute("History: " + ops.size() + " operations could not be written: {}", e);
            media.discard();
            open.rollback();
            WriteOp.failAll(ops, e, toWake);
            try {
                retention.maintain(clock.millis()); // a full disk: make room for the next batch
            } catch (IOException | RuntimeException again) {
                warnAtMostEveryMinute("History: no room could be made: {}", again);
            }
            return;
        }
        // written: what follows cannot undo it, so a failure of it fails no alarm's answer
        if (batch.maintain) {
            try {
                retention.maintain(clock.millis());
            } catch (IOException | RuntimeException e) {
                WriteOp.failMaintenance(ops, e);
            }
        }
        batch.withImage.forEach(imageStored);
        if (!batch.written.isEmpty()) {
            written.accept(List.copyOf(batch.written)); // only queues: the answers wait not for it
        }
        WriteOp.completeAll(ops, batch.deleted, toWake);
    }

    /**
     * Seals the open segments when due. When that fails (a full disk), the batch is written on into
     * them: a segment grown past its size or age is better than alarms refused.
     */
    private void sealIfDue() {
        try {
            retention.rollIfDue(clock.millis());
        } catch (IOException | RuntimeException e) {
            warnAtMostEveryMinute("History: the open segments could not be sealed, writing on in them: {}", e);
        }
    }

    /** A failing disk fails every batch and every maintenance: one warning a minute, the rest at DEBUG. */
    private void warnAtMostEveryMinute(String message, Exception e) {
        long now = clock.millis();
        if (now >= quietUntil || now < quietUntil - 60_000) { // or the clock was set back
            quietUntil = now + 60_000;
            LOGGER.warn(message, e.toString());
        } else {
            LOGGER.debug(message, e.toString());
        }
    }

    private void apply(WriteOp op, Batch batch) throws IOException {
        if (op instanceof WriteOp.Alarm alarm) {
            MediaRef image = null;
            for (Entry entry : alarm.entries()) {
                image = alarmEntry(entry, alarm.image(), image, batch);
            }
        } else if (op instanceof WriteOp.Repeat repeat) {
            for (Entry entry : repeat.entries()) {
                alarmEntry(entry, null, null, batch);
            }
        } else if (op instanceof WriteOp.Plain plain) {
            OpenEvents.Open inserted =
                    insert(plain.event(), nextId(plain.event().received()), null, batch);
            batch.written.add(new EventId(inserted.id, inserted.position));
        } else if (op instanceof WriteOp.Thumbnail thumbnail) {
            change(
                    thumbnail.id(),
                    slot -> slot.thumbnail() != null
                            ? null
                            : slot.withThumbnail(media.stage(
                                    thumbnail.id().id(), MediaRecord.onHeap(ImageBytes.of(thumbnail.jpeg())))),
                    batch);
        } else if (op instanceof WriteOp.Delete delete) {
            batch.deleted.put(delete, change(delete.id(), EventSlot::asDeleted, batch));
            open.forget(delete.id().id());
        } else if (op instanceof WriteOp.Maintain) {
            batch.maintain = true;
        }
    }

    /**
     * One event of an alarm: extends the open event it continues, or becomes a new one. A stop that
     * continues nothing is no event: a TVT camera reports every type it knows with each alarm, most
     * of them false, and those are not intrusions. Nor does it end an event its camera already let go
     * (its hold time passed): when that detection really ended is not known, and a stop minutes
     * later would stretch it.
     */
    private @Nullable MediaRef alarmEntry(
            Entry entry, @Nullable MediaRecord jpeg, @Nullable MediaRef stored, Batch batch) {
        NewEvent event = entry.event();
        String key = OpenEvents.key(event.thing(), event.channel(), event.type());
        OpenEvents.Open current = open.get(key);
        boolean continues = current != null
                && (entry.phase() == Phase.CONTINUED
                        || entry.phase() == Phase.UNJUDGED && event.received() - current.lastPush <= UNJUDGED_HOLD_MS);
        if (event.action() == EventAction.STOP && !continues) {
            return stored;
        }
        MediaRef image = stored;
        if (continues && current != null) {
            if (jpeg != null && image == null) {
                image = media.stage(current.id, jpeg);
            }
            if (jpeg != null && current.slot.lastImage() == null) { // its first snapshot: a thumbnail to make
                batch.withImage.add(new EventId(current.id, current.position));
            }
            open.change(
                    current, current.slot.extended(event.received(), jpeg != null ? image : null), event.received());
            batch.patched.put(current.id, current);
            batch.written.add(new EventId(current.id, current.position));
            if (event.action() == EventAction.STOP) {
                open.remove(key, current);
            }
            return image;
        }
        long id = nextId(event.received());
        if (jpeg != null && image == null) {
            image = media.stage(id, jpeg);
        }
        OpenEvents.Open inserted = insert(event, id, image, batch);
        if (event.action() != EventAction.STOP) {
            open.put(key, inserted);
        }
        EventId insertedId = new EventId(inserted.id, inserted.position);
        batch.written.add(insertedId);
        if (image != null) {
            batch.withImage.add(insertedId);
        }
        return image;
    }

    private OpenEvents.Open insert(NewEvent event, long id, @Nullable MediaRef image, Batch batch) {
        if (out.remaining() < RecordFormat.MAX_RECORD) {
            ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2);
            bigger.put(out.flip());
            out = bigger;
        }
        long position = batch.base + out.position();
        long[] previous = new long[Chain.values().length];
        for (Chain chain : Chain.values()) {
            String key = chain.key(event.thing(), event.kind(), event.type());
            Long head = batch.heads.get(key);
            previous[chain.ordinal()] = head != null ? head : heads.head(key);
            batch.heads.put(key, position);
        }
        int start = out.position();
        EventSlot slot = EventSlot.initial(event.received(), image);
        RecordFormat.encode(out, id, previous, event, image, slot);
        return new OpenEvents.Open(id, position, RecordFormat.bodyCrc(out, start), slot, event.received());
    }

    /** A new id: the receive time in ms shifted by 20 bits, always above the last one. */
    private long nextId(long received) {
        lastId = Math.max(lastId + 1, received << 20);
        return lastId;
    }

    /** Changes a stored event's slot ({@code how} gives null: no change); false when there is no such event. */
    private boolean change(EventId id, Function<EventSlot, @Nullable EventSlot> how, Batch batch) throws IOException {
        OpenEvents.Open current = batch.patched.get(id.id());
        if (current == null) {
            current = open.byId(id.id());
        }
        if (current == null) {
            try (EventLog.Reader reader = events.reader()) {
                StoredEvent stored = reader.read(id.position());
                if (stored == null || stored.id() != id.id()) {
                    return false;
                }
                current = new OpenEvents.Open(stored.id(), stored.position(), reader.bodyCrc(), stored.slot(), 0);
            }
        }
        if (current.slot.deleted()) {
            return false;
        }
        EventSlot changed = how.apply(current.slot);
        if (changed != null) {
            open.change(current, changed, current.lastPush);
            batch.patched.put(current.id, current);
        }
        return true;
    }
}
