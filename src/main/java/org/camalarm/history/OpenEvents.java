package org.camalarm.history;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The detections still going on, by thing, channel and type: where a repeat within the hold finds
 * the event it extends. Writer thread only. Bounded: the detection pushed longest ago makes room (it
 * is long over), so memory depends on the number of active detections, not of stored events. Empty
 * after a start, like the cameras' switches: the first push after a restart begins a new event.
 * Every change is undone when its batch cannot be written ({@link #rollback}).
 */
final class OpenEvents {

    static final int MAX_OPEN = 10_000;

    /** One open event: where its record lies and its slot as last written. */
    static final class Open {
        final long id;
        final long position;
        final int bodyCrc;
        EventSlot slot;
        long lastPush;

        Open(long id, long position, int bodyCrc, EventSlot slot, long lastPush) {
            this.id = id;
            this.position = position;
            this.bodyCrc = bodyCrc;
            this.slot = slot;
            this.lastPush = lastPush;
        }
    }

    private final Map<String, Open> open = new LinkedHashMap<>(64, 0.75f, true);
    /** How to undo what the batch being written changed, newest last ({@link #rollback}). */
    private final Deque<Runnable> undo = new ArrayDeque<>();

    /**
     * One detection: a thing's channel and the event type. The type counts because types beyond a
     * camera's channel limit share one channel ({@code otherAlarm}), yet are different detections.
     */
    static String key(String thing, String channel, String type) {
        return thing + '\u0000' + channel + '\u0000' + type;
    }

    @Nullable
    Open get(String key) {
        return open.get(key);
    }

    void put(String key, Open event) {
        Open replaced = open.put(key, event);
        undo.add(() -> {
            if (replaced == null) {
                open.remove(key, event);
            } else {
                open.put(key, replaced);
            }
        });
        if (open.size() > MAX_OPEN) {
            Map.Entry<String, Open> eldest = open.entrySet().iterator().next();
            remove(eldest.getKey(), eldest.getValue());
        }
    }

    void remove(String key, Open event) {
        if (open.remove(key, event)) {
            undo.add(() -> open.put(key, event));
        }
    }

    /** Changes an event's slot and last push (it may be open or read from disk). */
    void change(Open event, EventSlot slot, long lastPush) {
        EventSlot before = event.slot;
        long pushedBefore = event.lastPush;
        event.slot = slot;
        event.lastPush = lastPush;
        undo.add(() -> {
            event.slot = before;
            event.lastPush = pushedBefore;
        });
    }

    /** The batch was written: its changes stay. */
    void commit() {
        undo.clear();
    }

    /**
     * The batch could not be written: every change since the last {@link #commit} is undone, so the
     * events are as the disk has them (a retried stop still finds its event open, a repeat does not
     * point at a snapshot that was never written).
     */
    void rollback() {
        while (!undo.isEmpty()) {
            undo.removeLast().run();
        }
    }

    /** The open event with this id, or {@code null} (a thumbnail or delete for an event still going on). */
    @Nullable
    Open byId(long id) {
        for (Open event : open.values()) {
            if (event.id == id) {
                return event;
            }
        }
        return null;
    }

    /** Forgets an event (deleted by a user): a repeat then begins a new one. */
    void forget(long id) {
        for (Map.Entry<String, Open> entry : List.copyOf(open.entrySet())) {
            if (entry.getValue().id == id) {
                remove(entry.getKey(), entry.getValue());
            }
        }
    }
}
