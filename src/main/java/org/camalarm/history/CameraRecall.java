package org.camalarm.history;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camalarm.camera.CameraMemory;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a camera's thing gets back after a restart, read from its newest alarms: the last event
 * (type, time, data), when it was last heard from, the newest snapshot, and the properties it
 * reported (each from the newest alarm that carried it), and the detection channels of its events.
 * Reads its newest {@value #MAX_EVENTS} events.
 *
 * <p>"Last" is by when an event ended, not by when it began: a repeat extends its event, so a
 * person still in view after a motion that began later is the camera's last word.
 */
final class CameraRecall {

    /** The properties of a camera thing that come from its pushes. */
    static final List<String> PROPERTIES = List.of("vendor", "ipAddress", "macAddress", "deviceName", "nvrChannel");

    private static final int MAX_EVENTS = 1000;

    private CameraRecall() {}

    static @Nullable CameraMemory recall(HistoryStore store, String thing, ZoneId zone) throws IOException {
        EventFilter filter = new EventFilter(thing, null, EventKind.ALARM, Long.MIN_VALUE, Long.MAX_VALUE, 100, null);
        List<StoredEvent> read = new ArrayList<>(); // newest first by beginning
        StoredEvent last = null;
        List<Snapshot> snapshots = new ArrayList<>();
        EventPage page = store.query(filter);
        while (true) {
            for (StoredEvent event : page.events()) {
                read.add(event);
                if (last == null || event.slot().end() > last.slot().end()) {
                    last = event;
                }
                MediaRef newest = event.slot().lastImage();
                if (newest != null) {
                    snapshots.add(new Snapshot(
                            newest,
                            newest.equals(event.image())
                                    ? event.received()
                                    : event.slot().end()));
                }
            }
            EventId next = page.next();
            if (next == null || read.size() >= MAX_EVENTS) { // all of them: each may have had its own channel
                break;
            }
            page = store.query(filter.before(next));
        }
        if (last == null) {
            return null;
        }
        Map<String, String> channels = new LinkedHashMap<>();
        for (int i = read.size() - 1; i >= 0; i--) { // oldest first: channels come back in the order they came
            StoredEvent event = read.get(i);
            if (!event.channel().isEmpty()) {
                channels.putIfAbsent(event.channel(), event.props().getOrDefault("rawType", event.type()));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        read.remove(last);
        read.add(0, last); // its properties first, then each from the newest other event that has it
        for (StoredEvent event : read) {
            for (String key : PROPERTIES) {
                String value = event.props().get(key);
                if (value != null && !value.isBlank()) {
                    properties.putIfAbsent(key, value);
                }
            }
        }
        // the newest that can be read: after a crash, the newest may be the one torn
        snapshots.sort(Comparator.comparingLong(Snapshot::at).reversed());
        byte[] jpeg = null;
        long imageAt = 0;
        for (Snapshot snapshot : snapshots) {
            jpeg = store.media(snapshot.ref());
            if (jpeg != null) {
                imageAt = snapshot.at();
                break;
            }
        }
        long cameraTime = last.time() != NewEvent.NO_TIME ? last.time() : last.received();
        return new CameraMemory(
                properties,
                last.type(),
                time(cameraTime, zone),
                last.data(),
                jpeg,
                jpeg == null ? null : time(imageAt, zone),
                time(last.slot().end(), zone),
                channels);
    }

    /** A snapshot an event refers to, and when it came. */
    private record Snapshot(MediaRef ref, long at) {}

    private static ZonedDateTime time(long epochMillis, ZoneId zone) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone);
    }
}
