package org.camalarm.alarm;

import static org.camalarm.alarm.XmlDocuments.bounded;
import static org.camalarm.alarm.XmlDocuments.child;
import static org.camalarm.alarm.XmlDocuments.childIgnoreCase;
import static org.camalarm.alarm.XmlDocuments.childText;
import static org.camalarm.alarm.XmlDocuments.children;
import static org.camalarm.alarm.XmlDocuments.localName;

import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Element;

/**
 * Reads a Hikvision ISAPI {@code EventNotificationAlert} (docs/devices.md, "Hikvision ISAPI"), in any of the
 * namespaces cameras use ({@code hikvision.com} ver10/ver20, {@code isapi.org}, {@code std-cgi.com},
 * PSIA, none): elements are matched by local name.
 *
 * <ul>
 * <li>{@code eventType} ({@link HikvisionTypes#EVENTS}) with {@code eventState}: {@code active} is
 * {@link Action#ACTIVE} — cameras repeat it about once a second, counted by {@code activePostCount},
 * and many never send {@code inactive}, so an active detection is held like a pulse and each repeat
 * extends it; {@code inactive} is a {@link Action#STOP}.</li>
 * <li>{@code duration} with {@code DurationList/Duration/relationEvent}: the related event goes
 * on ({@link Action#ACTIVE}).</li>
 * <li>{@code detectionTarget} {@code human}/{@code vehicle} in a detection region adds a person or
 * vehicle event, before the detection.</li>
 * <li>{@code videoloss} {@code inactive} with {@code activePostCount} 0: an NVR's heartbeat, a
 * push with <b>no events</b>.</li>
 * </ul>
 * Identity: {@code macAddress}, {@code ipAddress} (else {@code ipv6Address}), and for PSIA posts
 * without a MAC the {@code Extensions/serialNumber} as device id. Channel: {@code dynChannelID}, else
 * {@code channelID}, as sent ({@code 0} or empty: none). Time: {@code dateTime} with its offset,
 * as wall time in the hub's zone; a malformed one ({@code 2024-01-22T11:47:1500:00}) is no time.
 * Stateless, thread-safe.
 */
final class HikvisionDecoder {

    static final String ROOT = "EventNotificationAlert";
    private static final int MAX_SERIAL_CHARS = 96;

    private HikvisionDecoder() {}

    /** Whether a document's root is Hikvision's alert. */
    static boolean recognises(Element root) {
        return localName(root).equalsIgnoreCase(ROOT);
    }

    static Alarm decode(Element root, ZoneId zone, @Nullable ImageBytes image, Format format)
            throws MalformedAlarmException {
        String ip = childText(root, "ipAddress");
        if (ip == null) {
            ip = childText(root, "ipv6Address");
        }
        String serial = bounded(childText(child(root, "Extensions"), "serialNumber"), MAX_SERIAL_CHARS);
        EventList events = new EventList();
        String eventType = bounded(childText(root, "eventType"), VigiDecoder.MAX_TYPE_CHARS);
        if (eventType != null && !isHeartbeat(root, eventType)) {
            read(root, eventType, zone, events);
        }
        return new Alarm(
                Vendor.HIKVISION,
                format,
                bounded(ip, VigiDecoder.MAX_IP_CHARS),
                Macs.normalise(childText(root, "macAddress")),
                null,
                events.list(),
                image,
                serial);
    }

    private static void read(Element root, String eventType, ZoneId zone, EventList events)
            throws MalformedAlarmException {
        String state = childText(root, "eventState");
        Action action = "inactive".equalsIgnoreCase(state) ? Action.STOP : Action.ACTIVE;
        String type = eventType;
        boolean related = eventType.equalsIgnoreCase(HikvisionTypes.DURATION);
        if (related) {
            type = bounded(
                    childText(child(child(root, "DurationList"), "Duration"), "relationEvent"),
                    VigiDecoder.MAX_TYPE_CHARS);
            if (type == null) {
                return; // "something goes on", but not what: nothing to extend
            }
            action = Action.ACTIVE;
        }
        LocalDateTime time = CameraTimes.parse(childText(root, "dateTime"), zone);
        String channel = channel(root);
        String channelName = bounded(childText(root, "channelName"), VigiDecoder.MAX_DEVICE_NAME_CHARS);

        JsonObject json = new JsonObject();
        for (String field : new String[] {
            "eventType",
            "eventState",
            "activePostCount",
            "dateTime",
            "channelID",
            "dynChannelID",
            "eventDescription",
            "inputIOPortID",
            "channelName"
        }) {
            String value = childText(root, field);
            if (value != null) {
                json.addProperty(field, value);
            }
        }
        if (related) {
            json.addProperty("relationEvent", type);
        }
        Map<String, String> targets = new LinkedHashMap<>();
        for (Element region : children(childIgnoreCase(root, "DetectionRegionList"))) {
            String target = bounded(childText(region, "detectionTarget"), VigiDecoder.MAX_TYPE_CHARS);
            String known = target == null ? null : HikvisionTypes.TARGETS.known(target);
            if (target != null && known != null) {
                targets.putIfAbsent(known, target);
                json.addProperty("detectionTarget", target);
            }
            String regionId = childText(region, "regionID");
            if (regionId != null) {
                json.addProperty("regionID", regionId);
            }
        }
        for (Map.Entry<String, String> target : targets.entrySet()) {
            events.add(target.getValue(), target.getKey(), action, time, channel, json, channelName);
        }
        events.add(type, HikvisionTypes.EVENTS.canonical(type), action, time, channel, json, channelName);
    }

    /** {@code videoloss}, {@code inactive}, {@code activePostCount} 0: the NVR says it is alive. */
    private static boolean isHeartbeat(Element root, String eventType) {
        return eventType.equalsIgnoreCase(HikvisionTypes.VIDEO_LOSS)
                && "inactive".equalsIgnoreCase(childText(root, "eventState"))
                && "0".equals(childText(root, "activePostCount"));
    }

    /** {@code dynChannelID}, else {@code channelID}; none for empty, {@code 0} or absurd values. */
    private static @Nullable String channel(Element root) {
        String channel = childText(root, "dynChannelID");
        if (channel == null) {
            channel = childText(root, "channelID");
        }
        channel = bounded(channel, VigiDecoder.MAX_CHANNEL_CHARS);
        return channel == null || channel.equals("0") ? null : channel;
    }
}
