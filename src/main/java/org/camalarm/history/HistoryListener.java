package org.camalarm.history;

/**
 * Told of every event the history has written: a new alarm event, or one a repeat within its hold
 * extended ({@code end} moved, another snapshot), a push result, a rule firing. Registered as an
 * OSGi service (whiteboard); called on the history's own announcing thread, in the order the events
 * were written, after they are on disk (so {@code GET /camalarm/api/events} already returns them).
 * Must not block.
 */
public interface HistoryListener {

    void stored(StoredEvent event);

    /**
     * Whether this listener wants events now; when none does, the history does not read its
     * written events back to announce them (the alarm path's cheapest work is none).
     */
    default boolean listening() {
        return true;
    }
}
