package org.camalarm.alarm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads an iVSEC (TVT-based) "Event Push Platform" push (docs/protocols.md §1.2): the four fields
 * {@code EventType}, {@code EventTime}, {@code EventAction} and {@code MACAddress}, from the query
 * string (the documented GET), a form body or a JSON body (the POST, a guess), names matched
 * without regard to case. Also builds the event of a fixed-path push, whose request names no type.
 *
 * <p>{@code EventAction} {@code start}/{@code stop} give {@link Action#START}/{@link Action#STOP};
 * missing or anything else, {@link Action#PULSE}. A time that cannot be read gives a {@code null}
 * time, never a rejected event; a MAC that cannot be read gives a {@code null} MAC. The event's
 * JSON holds the fields as received, with {@code EventType} the type used. Thread-safe (stateless).
 */
final class IvsecDecoder {

    static final String EVENT_TYPE = "EventType";
    static final String EVENT_TIME = "EventTime";
    static final String EVENT_ACTION = "EventAction";
    static final String MAC_ADDRESS = "MACAddress";

    /**
     * The four fields as sent, {@code null} when absent or blank.
     */
    record Fields(
            @Nullable String eventType,
            @Nullable String eventTime,
            @Nullable String eventAction,
            @Nullable String macAddress) {

        static final Fields NONE = new Fields(null, null, null, null);

        Fields {
            eventType = present(eventType);
            eventTime = present(eventTime);
            eventAction = present(eventAction);
            macAddress = present(macAddress);
        }

        boolean isEmpty() {
            return eventType == null && eventTime == null && eventAction == null && macAddress == null;
        }

        /** Each field from this, else from {@code other}. */
        Fields or(Fields other) {
            return new Fields(
                    eventType != null ? eventType : other.eventType,
                    eventTime != null ? eventTime : other.eventTime,
                    eventAction != null ? eventAction : other.eventAction,
                    macAddress != null ? macAddress : other.macAddress);
        }

        /** @param pairs a query's or a form body's pairs, as {@link FormData#parse} gives them */
        static Fields of(Map<String, List<String>> pairs) {
            if (pairs.isEmpty()) {
                return NONE;
            }
            return new Fields(
                    FormData.first(pairs, EVENT_TYPE),
                    FormData.first(pairs, EVENT_TIME),
                    FormData.first(pairs, EVENT_ACTION),
                    FormData.first(pairs, MAC_ADDRESS));
        }

        static Fields ofJson(JsonObject object) throws MalformedAlarmException {
            JsonElement type = member(object, EVENT_TYPE);
            if (type != null && !type.isJsonNull() && !type.isJsonPrimitive()) {
                throw new MalformedAlarmException(
                        "invalid_event_type",
                        "EventType in the JSON body is " + Json.kind(type) + ", expected a string");
            }
            return new Fields(
                    Json.text(type),
                    Json.text(member(object, EVENT_TIME)),
                    Json.text(member(object, EVENT_ACTION)),
                    Json.text(member(object, MAC_ADDRESS)));
        }

        private static @Nullable JsonElement member(JsonObject object, String name) {
            JsonElement exact = object.get(name);
            if (exact != null) {
                return exact;
            }
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                if (member.getKey().equalsIgnoreCase(name)) {
                    return member.getValue();
                }
            }
            return null;
        }

        private static @Nullable String present(@Nullable String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    private IvsecDecoder() {}

    /**
     * @param fields       what the request carries
     * @param fallbackType the type when the request names none (path type, or
     *                     {@link EventTypes#ALARM}), or {@code null}
     * @throws MalformedAlarmException {@code missing_event_type} when neither names a type,
     *                                 {@code invalid_event_type} for an unusable one
     */
    static Alarm decode(Fields fields, @Nullable String fallbackType) throws MalformedAlarmException {
        String named = fields.eventType();
        String type = named != null ? VigiDecoder.checkType(named, EVENT_TYPE) : fallbackType;
        if (type == null) {
            throw new MalformedAlarmException(
                    "missing_event_type",
                    "the push has "
                            + (fields.eventTime() != null
                                    ? EVENT_TIME
                                    : fields.eventAction() != null ? EVENT_ACTION : MAC_ADDRESS)
                            + " but no EventType, and the URL path names no event type");
        }
        JsonObject json = new JsonObject();
        json.addProperty(EVENT_TYPE, type);
        add(json, EVENT_TIME, fields.eventTime());
        add(json, EVENT_ACTION, fields.eventAction());
        add(json, MAC_ADDRESS, fields.macAddress());
        AlarmEvent event = new AlarmEvent(
                type,
                EventTypes.canonical(type),
                action(fields.eventAction()),
                CameraTimes.parse(fields.eventTime()),
                null,
                EventJson.of(json));
        Format format = fields.isEmpty() ? Format.FIXED_PATH : Format.IVSEC;
        return new Alarm(Vendor.IVSEC, format, null, Macs.normalise(fields.macAddress()), null, List.of(event), null);
    }

    static Action action(@Nullable String eventAction) {
        if (eventAction != null) {
            String action = eventAction.strip();
            if (action.equalsIgnoreCase("start")) {
                return Action.START;
            }
            if (action.equalsIgnoreCase("stop")) {
                return Action.STOP;
            }
        }
        return Action.PULSE;
    }

    private static void add(JsonObject json, String name, @Nullable String value) {
        if (value != null) {
            json.addProperty(name, value);
        }
    }
}
