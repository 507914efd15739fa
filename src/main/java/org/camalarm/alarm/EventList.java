package org.camalarm.alarm;

import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camalarm.alarm.AlarmEvent.Action;
import org.eclipse.jdt.annotation.Nullable;

/** The events of one push as a decoder collects them, at most {@value VigiDecoder#MAX_EVENTS}. Not thread-safe. */
final class EventList {

    private final List<AlarmEvent> events = new ArrayList<>();

    /** @throws MalformedAlarmException {@code too_many_events} past the limit */
    void add(
            String rawType,
            String type,
            Action action,
            @Nullable LocalDateTime time,
            @Nullable String channel,
            JsonObject json,
            @Nullable String channelName)
            throws MalformedAlarmException {
        if (events.size() == VigiDecoder.MAX_EVENTS) {
            throw new MalformedAlarmException(
                    "too_many_events", "more than " + VigiDecoder.MAX_EVENTS + " events in one push");
        }
        events.add(new AlarmEvent(rawType, type, action, time, channel, EventJson.of(json), channelName));
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    List<AlarmEvent> list() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }
}
