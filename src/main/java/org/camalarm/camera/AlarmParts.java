package org.camalarm.camera;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.alarm.Channels;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An alarm split by NVR channel: one NVR push may report several cameras (TVT alarm status lists
 * one item per channel, a VIGI NVR's messages name theirs), and each goes to its own camera thing.
 * Events without a channel form a part of their own. The snapshot goes with the first event's
 * part (a push carries one picture; which message it belongs to is not documented anywhere). A
 * keepalive is one part without events.
 */
final class AlarmParts {

    private AlarmParts() {}

    /** The parts, in the order of their first event; the alarm itself when it has one channel or none. */
    static List<Alarm> byChannel(Alarm alarm) {
        Map<String, List<AlarmEvent>> byChannel = new LinkedHashMap<>();
        for (AlarmEvent event : alarm.events()) {
            String channel = Channels.normalise(event.nvrChannel());
            String key = channel == null ? "" : channel;
            List<AlarmEvent> events = byChannel.get(key);
            if (events == null) {
                events = new ArrayList<>();
                byChannel.put(key, events);
            }
            events.add(event);
        }
        if (byChannel.size() <= 1) {
            return List.of(alarm);
        }
        List<Alarm> parts = new ArrayList<>(byChannel.size());
        boolean first = true;
        for (List<AlarmEvent> events : byChannel.values()) {
            parts.add(new Alarm(
                    alarm.vendor(),
                    alarm.format(),
                    alarm.ip(),
                    alarm.mac(),
                    alarm.deviceName(),
                    List.copyOf(events),
                    first ? alarm.image() : null,
                    alarm.deviceId()));
            first = false;
        }
        return parts;
    }

    /** The channel of a part (its events all share it), or {@code null}. */
    static @Nullable String channel(Alarm part) {
        return part.events().isEmpty()
                ? null
                : Channels.normalise(part.events().get(0).nvrChannel());
    }
}
