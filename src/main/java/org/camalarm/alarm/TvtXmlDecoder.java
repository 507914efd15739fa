package org.camalarm.alarm;

import static org.camalarm.alarm.XmlDocuments.bounded;
import static org.camalarm.alarm.XmlDocuments.childIgnoreCase;
import static org.camalarm.alarm.XmlDocuments.childText;
import static org.camalarm.alarm.XmlDocuments.children;
import static org.camalarm.alarm.XmlDocuments.localName;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Element;

/**
 * Reads what TVT-made cameras and NVRs post (docs/protocols.md §1.2, docs/devices.md): every document is a push of
 * {@link Format#TVT_XML}, answered with TVT's XML.
 *
 * <ul>
 * <li>root {@code config} with {@code alarmStatusInfo}: alarm status, booleans per alarm type, flat
 * on an IPC, nested per NVR channel ({@link TvtAlarmStatus});</li>
 * <li>root {@code config} with {@code smartType}: smart-event data with its base64 pictures
 * ({@link TvtSmartEvent});</li>
 * <li>a keepalive, a push with <b>no events</b>: {@code messageType} {@code keepalive}, a bare
 * {@code DeviceInfo} root (IPC), a {@code config} with nothing of the above (the legacy alarm
 * server's heartbeat, tracking data), and an empty XML post ({@link #keepalive()}).</li>
 * </ul>
 * The device: {@code deviceInfo} (or the root itself, or the root's own {@code mac}, {@code sn},
 * {@code deviceName}) with {@code ip}/{@code ipAddress}, {@code mac}/{@code macAddress},
 * {@code deviceName}, {@code channelId}, names matched ignoring case. The time: {@code currentTime}
 * (epoch seconds, milliseconds or microseconds, UTC; or a date-time) first, else {@code dataTime}
 * in the camera's display format. Stateless, thread-safe.
 */
final class TvtXmlDecoder {

    private TvtXmlDecoder() {}

    /**
     * The alarm of a TVT document, or {@code null} when the root is not TVT's.
     *
     * @param pictures the base64 pictures cut out of the document before parsing
     */
    static @Nullable Alarm decode(Element root, ZoneId zone, Base64Pictures pictures) throws MalformedAlarmException {
        boolean deviceInfoRoot = localName(root).equalsIgnoreCase("DeviceInfo");
        if (!deviceInfoRoot && !localName(root).equals("config")) {
            return null;
        }
        Element info = deviceInfoRoot ? root : childIgnoreCase(root, "deviceInfo");
        String channel = bounded(childText(info, "channelId"), VigiDecoder.MAX_CHANNEL_CHARS);
        EventList events = new EventList();
        byte[] image = null;
        String messageType = childText(root, "messageType");
        if (!deviceInfoRoot && !"keepalive".equalsIgnoreCase(messageType)) {
            LocalDateTime time = time(root, zone);
            for (Element status : children(root)) {
                if (localName(status).equals("alarmStatusInfo")) {
                    TvtAlarmStatus.read(status, time, channel, events);
                }
            }
            if (childIgnoreCase(root, "smartType") != null) {
                image = TvtSmartEvent.read(root, time, channel, events, pictures);
            }
        }
        return new Alarm(
                Vendor.IVSEC,
                Format.TVT_XML,
                bounded(
                        first(childText(info, "ip", "ipAddress"), childText(root, "ip", "ipAddress")),
                        VigiDecoder.MAX_IP_CHARS),
                Macs.normalise(first(childText(info, "mac", "macAddress"), childText(root, "mac", "macAddress"))),
                name(first(childText(info, "deviceName"), childText(root, "deviceName"))),
                events.list(),
                image == null ? null : ImageBytes.of(image));
    }

    /**
     * An XML post with an empty body, which TVT devices send as a keepalive (the distributor's
     * receivers take it so; a guess that it is declared XML like every TVT post).
     */
    static Alarm keepalive() {
        return new Alarm(Vendor.IVSEC, Format.TVT_XML, null, null, null, List.of(), null);
    }

    /** {@code currentTime} when it can be read, else {@code dataTime}; {@code null} when neither. */
    private static @Nullable LocalDateTime time(Element root, ZoneId zone) {
        String current = childText(root, "currentTime");
        LocalDateTime time = CameraTimes.epoch(current, zone);
        if (time == null) {
            time = CameraTimes.parse(current, zone);
        }
        return time != null ? time : CameraTimes.parse(childText(root, "dataTime"), zone);
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    private static @Nullable String name(@Nullable String name) {
        return name == null || name.length() <= VigiDecoder.MAX_DEVICE_NAME_CHARS
                ? name
                : name.substring(0, VigiDecoder.MAX_DEVICE_NAME_CHARS);
    }
}
