package org.camalarm.alarm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads the JSON document of a TP-Link VIGI "Alarm Server" push (docs/protocols.md §1.1), whether it
 * came as the whole body or as the JSON part of a multipart body.
 *
 * <p>Top level: {@code ip}, {@code mac} (any notation), {@code device_name}, {@code event_list}.
 * Items: legacy {@code {"dateTime":"20261005150501","event_type":["MOTION","PEOPLE"]}} (one event
 * per array element) and enhanced {@code {"camera":"1","dateTime":"2026-10-05 16:25:31",
 * "event_type":"PEOPLE","extra_text":[...]}}. Unknown fields are ignored, unknown types kept.
 * Every event is {@link Action#PULSE}: VIGI sends no stop. Each event's JSON is its item plus the
 * top-level {@code ip}, {@code mac} and {@code device_name} as received.
 *
 * <p>A path event type applies to items without {@code event_type} and to an empty or missing
 * {@code event_list}; it never replaces a type the body names. Thread-safe (stateless).
 */
final class VigiDecoder {

    /** More events than this in one push is no camera's. */
    static final int MAX_EVENTS = 256;
    /** Longer event type names are rejected: no camera sends them and they become channel ids. */
    static final int MAX_TYPE_CHARS = 64;

    static final int MAX_DEVICE_NAME_CHARS = 128;
    /** Longer than an IPv6 address in text. */
    static final int MAX_IP_CHARS = 45;

    static final int MAX_CHANNEL_CHARS = 16;

    private static final String[] DEVICE_FIELDS = {"ip", "mac", "device_name"};

    private VigiDecoder() {}

    /**
     * @param root          the JSON document
     * @param pathEventType the type named in the URL path, or {@code null}
     * @param image         the JPEG that came with it, or {@code null}
     * @param format        JSON or multipart, as it came
     */
    static Alarm decode(JsonObject root, @Nullable String pathEventType, @Nullable ImageBytes image, Format format)
            throws MalformedAlarmException {
        String ip = Json.text(root.get("ip"));
        if (ip != null && (ip.isBlank() || ip.length() > MAX_IP_CHARS)) {
            ip = null;
        }
        String mac = Macs.normalise(Json.text(root.get("mac")));
        String deviceName = Json.text(root.get("device_name"));
        if (deviceName != null && deviceName.length() > MAX_DEVICE_NAME_CHARS) {
            deviceName = deviceName.substring(0, MAX_DEVICE_NAME_CHARS);
        }
        JsonElement list = root.get("event_list");
        if (list != null && !list.isJsonArray()) {
            throw new MalformedAlarmException(
                    "invalid_event_list", "event_list is " + Json.kind(list) + ", expected an array");
        }
        JsonArray items = list == null ? new JsonArray() : list.getAsJsonArray();
        List<AlarmEvent> events = new ArrayList<>(Math.min(items.size(), MAX_EVENTS));
        // one unreadable item must not lose the good ones beside it: skip it, and refuse the push only
        // when nothing usable is left (with the first problem as the reason)
        MalformedAlarmException firstProblem = null;
        for (int i = 0; i < items.size(); i++) {
            JsonElement item = items.get(i);
            try {
                if (!item.isJsonObject()) {
                    throw new MalformedAlarmException(
                            "invalid_event", "event_list[" + i + "] is " + Json.kind(item) + ", expected an object");
                }
                addEvents(events, item.getAsJsonObject(), "event_list[" + i + "]", root, pathEventType);
            } catch (MalformedAlarmException e) {
                if ("too_many_events".equals(e.error())) {
                    throw e;
                }
                firstProblem = firstProblem == null ? e : firstProblem;
            }
        }
        if (events.isEmpty()) {
            if (pathEventType == null) {
                throw firstProblem != null
                        ? firstProblem
                        : new MalformedAlarmException(
                                "no_events", list == null ? "the JSON has no event_list" : "event_list is empty");
            }
            addEvents(events, new JsonObject(), "event_list", root, pathEventType);
        }
        return new Alarm(Vendor.VIGI, format, ip, mac, deviceName, Collections.unmodifiableList(events), image);
    }

    private static void addEvents(
            List<AlarmEvent> events, JsonObject item, String where, JsonObject root, @Nullable String pathEventType)
            throws MalformedAlarmException {
        List<String> types = types(item.get("event_type"), where + ".event_type");
        if (types.isEmpty()) {
            if (pathEventType == null) {
                throw new MalformedAlarmException("missing_event_type", where + " has no event_type");
            }
            types = List.of(pathEventType);
        }
        if (events.size() + types.size() > MAX_EVENTS) {
            throw new MalformedAlarmException("too_many_events", "more than " + MAX_EVENTS + " events in one push");
        }
        LocalDateTime time = CameraTimes.parse(Json.text(item.get("dateTime")));
        String channel = Json.text(item.get("camera"));
        if (channel != null && (channel.isBlank() || channel.length() > MAX_CHANNEL_CHARS)) {
            channel = null;
        }
        String json = EventJson.of(withDevice(item, root));
        for (String type : types) {
            events.add(new AlarmEvent(type, EventTypes.canonical(type), Action.PULSE, time, channel, json));
        }
    }

    /** {@code event_type} as a list: one string, an array of strings, or nothing. */
    private static List<String> types(@Nullable JsonElement eventType, String where) throws MalformedAlarmException {
        if (eventType == null || eventType.isJsonNull()) {
            return List.of();
        }
        if (eventType.isJsonArray()) {
            JsonArray array = eventType.getAsJsonArray();
            List<String> types = new ArrayList<>(array.size());
            MalformedAlarmException firstProblem = null;
            for (int j = 0; j < array.size(); j++) {
                try {
                    types.add(type(array.get(j), where + "[" + j + "]"));
                } catch (MalformedAlarmException e) {
                    firstProblem = firstProblem == null ? e : firstProblem; // keep the readable types
                }
            }
            if (types.isEmpty() && firstProblem != null) {
                throw firstProblem;
            }
            return types;
        }
        if (eventType.isJsonPrimitive()
                && eventType.getAsJsonPrimitive().isString()
                && eventType.getAsString().isBlank()) {
            return List.of(); // "event_type":"" names no type
        }
        return List.of(type(eventType, where));
    }

    private static String type(JsonElement element, String where) throws MalformedAlarmException {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw new MalformedAlarmException(
                    "invalid_event_type", where + " is " + Json.kind(element) + ", expected a string");
        }
        return checkType(element.getAsString(), where);
    }

    /** A usable type name: not blank, not absurdly long. Shared with the other decoders. */
    static String checkType(String type, String where) throws MalformedAlarmException {
        if (type.isBlank()) {
            throw new MalformedAlarmException("invalid_event_type", where + " is empty");
        }
        if (type.length() > MAX_TYPE_CHARS) {
            throw new MalformedAlarmException(
                    "invalid_event_type",
                    where + " is " + type.length() + " characters long; at most " + MAX_TYPE_CHARS + " allowed");
        }
        return type;
    }

    /** The item's members, then the device fields the item does not have itself. */
    private static JsonObject withDevice(JsonObject item, JsonObject root) {
        JsonObject event = new JsonObject();
        for (Map.Entry<String, JsonElement> member : item.entrySet()) {
            event.add(member.getKey(), member.getValue());
        }
        for (String field : DEVICE_FIELDS) {
            JsonElement value = root.get(field);
            if (value != null && !event.has(field)) {
                event.add(field, value);
            }
        }
        return event;
    }
}
