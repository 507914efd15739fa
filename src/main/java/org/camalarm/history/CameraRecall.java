package org.camalarm.history;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camalarm.camera.CameraMemory;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a camera's thing gets back after a restart, read from its newest alarms: the last event
 * (type, time, data), when it was last heard from, the newest snapshot, and the properties it
 * reported (each from the newest alarm that carried it). Reads at most {@value #MAX_EVENTS} events.
 */
final class CameraRecall {

    /** The properties of a camera thing that come from its pushes. */
    static final List<String> PROPERTIES = List.of("vendor", "ipAddress", "macAddress", "deviceName", "nvrChannel");

    private static final int MAX_EVENTS = 1000;

    private CameraRecall() {}

    static @Nullable CameraMemory recall(HistoryStore store, String thing, ZoneId zone) throws IOException {
        EventFilter filter = new EventFilter(thing, null, EventKind.ALARM, Long.MIN_VALUE, Long.MAX_VALUE, 100, null);
        StoredEvent newest = null;
        Map<String, String> properties = new LinkedHashMap<>();
        byte[] image = null;
        ZonedDateTime imageTime = null;
        int seen = 0;
        EventPage page = store.query(filter);
        while (true) {
            for (StoredEvent event : page.events()) {
                if (newest == null) {
                    newest = event;
                }
                for (String key : PROPERTIES) {
                    String value = event.props().get(key);
                    if (value != null && !value.isBlank()) {
                        properties.putIfAbsent(key, value);
                    }
                }
                MediaRef last = event.slot().lastImage();
                if (image == null && last != null) {
                    image = store.media(last);
                    long at = last.equals(event.image())
                            ? event.received()
                            : event.slot().end();
                    imageTime = image == null ? null : time(at, zone);
                }
                seen++;
            }
            EventId next = page.next();
            if (next == null || seen >= MAX_EVENTS || (image != null && properties.size() == PROPERTIES.size())) {
                break;
            }
            page = store.query(filter.before(next));
        }
        if (newest == null) {
            return null;
        }
        long cameraTime = newest.time() != NewEvent.NO_TIME ? newest.time() : newest.received();
        return new CameraMemory(
                properties,
                newest.type(),
                time(cameraTime, zone),
                newest.data(),
                image,
                imageTime,
                time(newest.slot().end(), zone));
    }

    private static ZonedDateTime time(long epochMillis, ZoneId zone) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone);
    }
}
