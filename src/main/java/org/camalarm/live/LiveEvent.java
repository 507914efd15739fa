package org.camalarm.live;

import com.google.gson.JsonObject;
import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One change as the stream carries it: its sequence number, its SSE event name and its JSON data,
 * made only when a client needs it (the alarm path builds no JSON).
 */
final class LiveEvent {

    /** SSE event names. */
    static final String STATE = "state";

    static final String TRIGGER = "trigger";
    static final String STATUS = "status";
    static final String THING = "thing";
    static final String HISTORY = "history";

    final long id;
    final String name;
    private final JsonSource source;
    private @Nullable String json;

    /** Makes the JSON data; runs on the dispatcher thread. */
    @FunctionalInterface
    interface JsonSource {
        JsonObject json();
    }

    LiveEvent(long id, String name, JsonSource source) {
        this.id = id;
        this.name = name;
        this.source = source;
    }

    /** The data, made once. Only the dispatcher thread calls this. */
    String json() {
        String made = json;
        if (made == null) {
            made = source.json().toString();
            json = made;
        }
        return made;
    }

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
