package org.camalarm.history;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The detections still going on, by thing and channel: where a repeat within the hold finds the
 * event it extends. Writer thread only. Bounded: the detection pushed longest ago makes room (it is
 * long over), so memory depends on the number of active detections, not of stored events. Empty
 * after a start, like the cameras' switches: the first push after a restart begins a new event.
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

    static String key(String thing, String channel) {
        return thing + '\u0000' + channel;
    }

    @Nullable
    Open get(String key) {
        return open.get(key);
    }

    void put(String key, Open event) {
        open.put(key, event);
        if (open.size() > MAX_OPEN) {
            open.remove(open.keySet().iterator().next());
        }
    }

    void remove(String key, Open event) {
        open.remove(key, event);
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
        open.values().removeIf(event -> event.id == id);
    }
}
