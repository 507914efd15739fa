package org.camalarm.history;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;

/** What the writer thread is asked to do; see {@link HistoryWriter}. */
sealed interface WriteOp {

    /** How a camera judged one event of an alarm. */
    enum Phase {
        /** A detection began: a new event. */
        BEGAN,
        /** A repeat or the stop of a detection going on: extends its event (a new one if none is open). */
        CONTINUED,
        /** No camera judged it (the inbox): a repeat when the same channel pushed within the last 10 s. */
        UNJUDGED
    }

    record Entry(NewEvent event, Phase phase) {}

    /**
     * The events of one alarm and its snapshot (framed by the request); {@code done} completes once
     * they are written, and then {@code waiter}, the request's thread, is unparked (once the writer
     * has let go of the lock).
     */
    record Alarm(
            List<Entry> entries, @Nullable MediaRecord image, CompletableFuture<@Nullable Void> done, Thread waiter)
            implements WriteOp {}

    /**
     * Repeats of detections going on, without a snapshot: each only moves the end of its open event,
     * so nobody waits for it (see {@link HistoryStore#recordAlarm}).
     */
    record Repeat(List<Entry> entries) implements WriteOp {

        /**
         * Whether an alarm is only that: no snapshot, and every entry a pulse or "goes on" report of a
         * detection the camera judged going on. A start or stop is never one: a start the camera
         * judged continued may follow a stop the history has already closed its event for, and then
         * it begins a new event, which its answer must wait for.
         */
        static boolean only(List<Entry> entries, @Nullable ImageBytes image) {
            return image == null
                    && !entries.isEmpty()
                    && entries.stream()
                            .allMatch(e -> e.phase() == Phase.CONTINUED
                                    && (e.event().action() == EventAction.PULSE
                                            || e.event().action() == EventAction.ACTIVE));
        }
    }

    /** A push result or rule firing: nobody waits for it. */
    record Plain(NewEvent event) implements WriteOp {}

    /** A thumbnail made for an event's image. */
    record Thumbnail(EventId id, byte[] jpeg) implements WriteOp {}

    /** A user's delete; {@code done} tells whether the event existed. */
    record Delete(EventId id, CompletableFuture<Boolean> done) implements WriteOp {}

    /** Runs retention now (a configuration change, tests); {@code done} completes after it. */
    record Maintain(CompletableFuture<@Nullable Void> done) implements WriteOp {}

    /** Ends the writer after what was queued before it. */
    record Stop() implements WriteOp {}

    /**
     * Tells the waiting callers that a batch was written ({@code deleted}: whether each delete found
     * its event). The alarms' request threads go to {@code toWake}, to be unparked after the lock.
     */
    static void completeAll(List<WriteOp> ops, Map<Delete, Boolean> deleted, List<Thread> toWake) {
        for (WriteOp op : ops) {
            if (op instanceof Alarm alarm) {
                alarm.done().complete(null);
                toWake.add(alarm.waiter());
            } else if (op instanceof Delete delete) {
                delete.done().complete(deleted.getOrDefault(delete, false));
            } else if (op instanceof Maintain maintain) {
                maintain.done().complete(null);
            }
        }
    }

    /** Tells who asked for retention that it failed (the batch itself was written). */
    static void failMaintenance(List<WriteOp> ops, Throwable e) {
        for (WriteOp op : ops) {
            if (op instanceof Maintain maintain) {
                maintain.done().completeExceptionally(e); // completeAll's complete() is then a no-op
            }
        }
    }

    /** Tells the waiting callers that a batch was not written; the alarms' threads go to {@code toWake}. */
    static void failAll(List<WriteOp> ops, Throwable e, List<Thread> toWake) {
        for (WriteOp op : ops) {
            if (op instanceof Alarm alarm) {
                alarm.done().completeExceptionally(e);
                toWake.add(alarm.waiter());
            } else if (op instanceof Delete delete) {
                delete.done().completeExceptionally(e);
            } else if (op instanceof Maintain maintain) {
                maintain.done().completeExceptionally(e);
            }
        }
    }
}
