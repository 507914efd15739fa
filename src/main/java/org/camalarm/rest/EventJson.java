package org.camalarm.rest;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.camalarm.history.EventKind;
import org.camalarm.history.MediaRef;
import org.camalarm.history.NewEvent;
import org.camalarm.history.StoredEvent;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A history event as REST shows it: {@code id, kind, thingUID, type, channel, action, time,
 * received, end, address, image, thumbnail, data}; alarms add {@code lastImage} and {@code images}
 * (how many snapshots the detection brought), pushes and rule firings their outcome
 * ({@code success, reason, detail, status, latencyMs}), pushes {@code confirmed} (true, false or
 * null) and {@code state} (the device's state read back, or null), and rule firings {@code rule, when,
 * then, trigger}. Times are ISO-8601 instants; {@code image}, {@code thumbnail}, {@code lastImage} are URLs
 * or null.
 */
final class EventJson {

    static final String EVENTS_PATH = "/camalarm/api/events/";

    private EventJson() {}

    static JsonObject of(StoredEvent event) {
        String id = event.eventId().text();
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("kind", event.kind().text());
        json.addProperty("thingUID", event.thing());
        json.addProperty("type", event.type());
        json.addProperty("channel", event.channel());
        json.addProperty("action", event.action().text());
        json.addProperty("time", event.time() == NewEvent.NO_TIME ? null : time(event.time()));
        json.addProperty("received", time(event.received()));
        json.addProperty("end", time(event.slot().end()));
        json.addProperty("address", event.address().isEmpty() ? null : event.address());
        MediaRef image = event.image();
        json.addProperty("image", image == null ? null : EVENTS_PATH + id + "/image");
        json.addProperty("thumbnail", event.firstSnapshot() == null ? null : EVENTS_PATH + id + "/thumbnail");
        if (event.kind() == EventKind.ALARM) {
            json.addProperty("data", event.data());
            json.addProperty("lastImage", event.slot().lastImage() == null ? null : EVENTS_PATH + id + "/lastImage");
            json.addProperty("images", event.slot().snapshots());
        } else {
            Map<String, String> props = event.props();
            JsonObject data = new JsonObject();
            props.forEach(data::addProperty);
            json.addProperty("data", data.toString());
            json.addProperty("success", Boolean.parseBoolean(props.get("success")));
            json.addProperty("reason", props.getOrDefault("reason", ""));
            json.addProperty("detail", props.getOrDefault("detail", ""));
            json.addProperty("status", number(props.get("status")));
            json.addProperty("latencyMs", number(props.get("latencyMs")));
            if (event.kind() == EventKind.PUSH) { // as the push result says it: true, false or null; ON, OFF or null
                String confirmed = props.get("confirmed");
                json.addProperty(
                        "confirmed",
                        confirmed == null || "unknown".equals(confirmed) ? null : Boolean.valueOf(confirmed));
                json.addProperty("state", props.get("state"));
            }
            for (String key : new String[] {"rule", "when", "then", "trigger"}) {
                String value = props.get(key);
                if (value != null) {
                    json.addProperty(key, value);
                }
            }
        }
        return json;
    }

    private static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static @Nullable Long number(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
