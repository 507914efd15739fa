package org.camalarm.alarm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads what a VIGI NVR pushes to its Alarm Server (docs/devices.md, "TP-Link VIGI NVR"; seen from an
 * NVR1008H-8P, firmware 1.20): {@code {"device_id", "device_name", "messages": [{"type": 1,
 * "sub_type": [2], "localtime": "2025-07-22 20:23:14", "channel": "3", "channel_name": "TPLINKPTZ",
 * "imgId": 0}]}} — no MAC, no IP; the NVR is known by its {@code device_id}, the camera by the channel.
 *
 * <p>One event per {@code sub_type} code. TP-Link publishes no list; the codes users reported for
 * {@code type} 1 are mapped ({@link #KNOWN}: 2 motion, 4 line crossing, 6 region entrance). Every
 * other code stays visible under its own name, {@code VIGI type 1 sub_type 101}, and so its own
 * channel: never dropped, never taken for motion. {@code imgId}'s meaning is unknown: it neither
 * requires nor refuses an image. Every event is a {@link Action#PULSE}: VIGI sends no stop.
 * Unreadable messages are skipped when others are good. Thread-safe (stateless).
 */
final class VigiNvrDecoder {

    /** Sub-type codes of {@code type} 1 reported by users (TP-Link community topic 833658). */
    private static final Map<Integer, String> KNOWN =
            Map.of(2, EventTypes.MOTION, 4, EventTypes.LINE_CROSSING, 6, EventTypes.REGION_ENTRANCE);

    private static final int MAX_DEVICE_ID_CHARS = 64;

    private VigiNvrDecoder() {}

    /** Whether a JSON document is an NVR's: it has {@code messages} or {@code device_id} (and no {@code event_list}). */
    static boolean recognises(JsonObject root) {
        return root.has("messages") || root.has("device_id");
    }

    static Alarm decode(JsonObject root, @Nullable String pathEventType, @Nullable ImageBytes image, Format format)
            throws MalformedAlarmException {
        String deviceId = Json.text(root.get("device_id"));
        if (deviceId != null && (deviceId.isBlank() || deviceId.length() > MAX_DEVICE_ID_CHARS)) {
            deviceId = null;
        }
        String deviceName = Json.text(root.get("device_name"));
        if (deviceName != null && deviceName.length() > VigiDecoder.MAX_DEVICE_NAME_CHARS) {
            deviceName = deviceName.substring(0, VigiDecoder.MAX_DEVICE_NAME_CHARS);
        }
        JsonElement list = root.get("messages");
        if (list != null && !list.isJsonArray()) {
            throw new MalformedAlarmException(
                    "invalid_messages", "messages is " + Json.kind(list) + ", expected an array");
        }
        JsonArray messages = list == null ? new JsonArray() : list.getAsJsonArray();
        EventList events = new EventList();
        MalformedAlarmException firstProblem = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonElement message = messages.get(i);
            try {
                if (!message.isJsonObject()) {
                    throw new MalformedAlarmException(
                            "invalid_message", "messages[" + i + "] is " + Json.kind(message) + ", expected an object");
                }
                addEvents(events, message.getAsJsonObject(), root, "messages[" + i + "]");
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
                                "no_events", list == null ? "the JSON has no messages" : "messages is empty");
            }
            JsonObject json = new JsonObject();
            json.addProperty("event_type", pathEventType);
            events.add(pathEventType, EventTypes.canonical(pathEventType), Action.PULSE, null, null, json, null);
        }
        return new Alarm(Vendor.VIGI, format, null, null, deviceName, events.list(), image, deviceId);
    }

    private static void addEvents(EventList events, JsonObject message, JsonObject root, String where)
            throws MalformedAlarmException {
        Integer type = code(message.get("type"));
        List<Integer> subTypes = subTypes(message.get("sub_type"), where);
        LocalDateTime time = CameraTimes.parse(Json.text(message.get("localtime")));
        String channel = Json.text(message.get("channel"));
        if (channel != null && (channel.isBlank() || channel.length() > VigiDecoder.MAX_CHANNEL_CHARS)) {
            channel = null;
        }
        String channelName = Json.text(message.get("channel_name"));
        if (channelName != null
                && (channelName.isBlank() || channelName.length() > VigiDecoder.MAX_DEVICE_NAME_CHARS)) {
            channelName = null;
        }
        JsonObject json = new JsonObject();
        for (Map.Entry<String, JsonElement> member : message.entrySet()) {
            json.add(member.getKey(), member.getValue());
        }
        for (String field : new String[] {"device_id", "device_name"}) {
            JsonElement value = root.get(field);
            if (value != null && !json.has(field)) {
                json.add(field, value);
            }
        }
        String typeName = "VIGI type " + (type == null ? "?" : type);
        if (subTypes.isEmpty()) {
            events.add(typeName, EventTypes.canonical(typeName), Action.PULSE, time, channel, json, channelName);
        }
        for (int subType : subTypes) {
            String raw = typeName + " sub_type " + subType;
            String known = type != null && type == 1 ? KNOWN.get(subType) : null;
            String canonical = known != null ? known : EventTypes.canonical(raw);
            events.add(raw, canonical, Action.PULSE, time, channel, json, channelName);
        }
    }

    /** {@code sub_type} as codes: an array of numbers, one number, or nothing; unreadable codes are left out. */
    private static List<Integer> subTypes(@Nullable JsonElement subType, String where) throws MalformedAlarmException {
        List<Integer> codes = new ArrayList<>();
        if (subType == null || subType.isJsonNull()) {
            return codes;
        }
        if (subType.isJsonArray()) {
            for (JsonElement element : subType.getAsJsonArray()) {
                Integer code = code(element);
                if (code != null && !codes.contains(code)) {
                    codes.add(code);
                }
            }
            if (codes.isEmpty() && !subType.getAsJsonArray().isEmpty()) {
                throw new MalformedAlarmException("invalid_sub_type", where + ".sub_type holds no number");
            }
            return codes;
        }
        Integer code = code(subType);
        if (code == null) {
            throw new MalformedAlarmException(
                    "invalid_sub_type", where + ".sub_type is " + Json.kind(subType) + ", expected numbers");
        }
        codes.add(code);
        return codes;
    }

    /** A number or a numeric string as a code from 0 to 99999, else {@code null}. */
    private static @Nullable Integer code(@Nullable JsonElement element) {
        String text = Json.text(element);
        if (text == null || text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.valueOf(text);
    }
}
