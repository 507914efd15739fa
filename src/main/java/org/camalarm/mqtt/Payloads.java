package org.camalarm.mqtt;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.camalarm.image.ImageBytes;
import org.camalarm.thing.State;
import org.camalarm.thing.ThingStatusInfo;
import org.eclipse.jdt.annotation.Nullable;

/** Channel states, thing statuses and detections as MQTT payloads. Pure functions. */
final class Payloads {

    /** Home Assistant rejects longer sensor states. */
    static final int MAX_SENSOR_CHARS = 255;

    static final byte[] ONLINE = bytes("online");
    static final byte[] OFFLINE = bytes("offline");

    private Payloads() {}

    /** The payload of a state, or {@code null} when there is none yet ({@code NULL}, an image without bytes). */
    static byte @Nullable [] of(State state, Discovery.Format format, @Nullable String hubUrl) {
        if (state.equals(State.NULL)) {
            return null;
        }
        String text = state.text();
        return switch (format) {
            case IMAGE -> {
                ImageBytes image = state.raw();
                yield image == null ? null : image.toArray(); // Paho takes an array: a copy only of a range
            }
            case TIMESTAMP -> bytes(utcSeconds(text));
            case SENSOR_TEXT -> bytes(cut(text, MAX_SENSOR_CHARS));
            case URL -> bytes(hubUrl != null && text.startsWith("/") ? hubUrl + text : text);
            case SWITCH, TEXT -> bytes(text);
        };
    }

    /**
     * A thing is available unless it cannot work at all: OFFLINE for its configuration, or not
     * initialised. Cameras are UNKNOWN until their first push and must not look dead until then; a
     * push target whose last push failed stays available, so its buttons can be pressed again (its
     * Last result says why).
     */
    static byte[] availability(ThingStatusInfo status) {
        return switch (status.status()) {
            case ONLINE, UNKNOWN -> ONLINE;
            case UNINITIALIZED -> OFFLINE;
            case OFFLINE -> status.detail() == ThingStatusInfo.Detail.CONFIGURATION_ERROR ? OFFLINE : ONLINE;
        };
    }

    /** An event entity's payload: {@code event_type} is one of the entity's {@code event_types}. */
    static byte[] detection(String thingUid, String channelId, Instant at) {
        JsonObject json = new JsonObject();
        json.addProperty("event_type", "detected");
        json.addProperty("channel", channelId);
        json.addProperty("thing", thingUid);
        json.addProperty("time", at.truncatedTo(ChronoUnit.MILLIS).toString());
        return bytes(json.toString());
    }

    /** openHAB's date-time text as UTC to the second ({@code 2026-10-05T14:25:31Z}); other text as it is. */
    static String utcSeconds(String dateTime) {
        try {
            return OffsetDateTime.parse(dateTime)
                    .toInstant()
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        } catch (DateTimeParseException e) {
            return dateTime;
        }
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
