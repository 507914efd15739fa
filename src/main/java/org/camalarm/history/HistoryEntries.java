package org.camalarm.history;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.camera.Detection;
import org.camalarm.history.WriteOp.Entry;
import org.camalarm.history.WriteOp.Phase;
import org.camalarm.push.PushResult;
import org.camalarm.rule.RuleFiring;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the history keeps of an alarm, a push and a rule firing. Alarms: one entry per event, with the
 * camera's reported address, MAC and name; pushes and rule firings: their outcome (success, reason,
 * detail, HTTP status, latency) as properties, the rule's channels too. A push is kept under its
 * target thing, a rule firing under the thing whose channel fired it.
 */
final class HistoryEntries {

    private HistoryEntries() {}

    static List<Entry> alarm(ThingUID thing, Alarm alarm, List<Detection> detections, String sender, long now) {
        List<Entry> entries = new ArrayList<>(detections.size());
        for (Detection detection : detections) {
            AlarmEvent event = detection.event();
            NewEvent stored = new NewEvent(
                    EventKind.ALARM,
                    thing.toString(),
                    event.type(),
                    detection.channel(),
                    EventAction.valueOf(event.action().name()),
                    cameraTime(event.time()),
                    now,
                    sender,
                    event.json(),
                    properties(alarm, event));
            entries.add(new Entry(stored, Phase.valueOf(detection.phase().name())));
        }
        return entries;
    }

    /** Cameras send local times without a zone: read in the hub's zone, as the camera's channels do. */
    private static long cameraTime(@Nullable LocalDateTime time) {
        try {
            return time == null
                    ? NewEvent.NO_TIME
                    : time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        } catch (ArithmeticException e) { // beyond a long of ms: the camera's clock is nonsense, not the alarm
            return NewEvent.NO_TIME;
        }
    }

    private static Map<String, String> properties(Alarm alarm, AlarmEvent event) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("vendor", alarm.vendor().name());
        put(properties, "ipAddress", alarm.ip());
        put(properties, "macAddress", alarm.mac());
        put(properties, "deviceName", alarm.deviceName());
        put(properties, "nvrChannel", event.nvrChannel());
        if (!event.rawType().equals(event.type())) {
            properties.put("rawType", event.rawType());
        }
        return properties;
    }

    private static void put(Map<String, String> properties, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }

    static NewEvent push(ThingUID target, String channelId, String command, boolean test, PushResult result, long now) {
        Map<String, String> properties =
                outcome(result.success(), result.reason().name(), result.detail(), result.status(), result.latencyMs());
        if (test) {
            properties.put("test", "true");
        }
        // what the device's state, read back, said of the command: true, false or unknown
        properties.put("confirmed", result.confirmed().name().toLowerCase(Locale.ROOT));
        if (result.state() != null) {
            properties.put("state", String.valueOf(result.state()));
        }
        return new NewEvent(
                EventKind.PUSH,
                target.toString(),
                command,
                channelId,
                EventAction.NONE,
                now - result.latencyMs(),
                now,
                "",
                "",
                properties);
    }

    static NewEvent rule(RuleFiring firing, long now) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("rule", firing.rule());
        properties.put("when", firing.when());
        properties.put("then", firing.then());
        properties.put("trigger", firing.trigger());
        properties.putAll(
                outcome(firing.success(), firing.reason(), firing.detail(), firing.status(), firing.latencyMs()));
        int split = firing.when().lastIndexOf(':');
        String thing = split < 0 ? firing.when() : firing.when().substring(0, split);
        String channel = split < 0 ? "" : firing.when().substring(split + 1);
        return new NewEvent(
                EventKind.RULE,
                thing,
                firing.command(),
                channel,
                EventAction.NONE,
                firing.firedAt(),
                now,
                "",
                "",
                properties);
    }

    private static Map<String, String> outcome(
            boolean success, String reason, String detail, @Nullable Integer status, long latencyMs) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("success", Boolean.toString(success));
        properties.put("reason", reason);
        properties.put("detail", detail);
        if (status != null) {
            properties.put("status", status.toString());
        }
        properties.put("latencyMs", Long.toString(latencyMs));
        return properties;
    }
}
