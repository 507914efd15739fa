package org.camalarm.alarm;

import static org.camalarm.alarm.XmlDocuments.bounded;
import static org.camalarm.alarm.XmlDocuments.children;
import static org.camalarm.alarm.XmlDocuments.localName;
import static org.camalarm.alarm.XmlDocuments.text;

import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.util.List;
import org.camalarm.alarm.AlarmEvent.Action;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A TVT {@code alarmStatusInfo}: each child names an alarm type and says {@code true} (a
 * {@link Action#START}) or {@code false} (a {@link Action#STOP}; TVT sends it when the camera's
 * alarm hold time has passed). Two shapes:
 * <ul>
 * <li>IPC: {@code <perimeterAlarm type="boolean" id="1">true</perimeterAlarm>} — the {@code id}
 * is always 1 on a camera; the channel, if any, is the device's;</li>
 * <li>NVR: {@code <perimeterAlarm><item id="3">true</item></perimeterAlarm>} — one value per
 * NVR channel, the item's {@code id}; {@code itemType} elements describe the list and are skipped.</li>
 * </ul>
 * Other values (counts) are no alarms and are skipped, as are elements with absurd names: the
 * good alarms beside them are kept. The legacy alarm server lists every type, most of them false.
 */
final class TvtAlarmStatus {

    private TvtAlarmStatus() {}

    static void read(Element status, @Nullable LocalDateTime time, @Nullable String deviceChannel, EventList events)
            throws MalformedAlarmException {
        for (Element alarm : children(status)) {
            String name = localName(alarm);
            if (name.isBlank() || name.length() > VigiDecoder.MAX_TYPE_CHARS) {
                continue;
            }
            List<Element> values = children(alarm);
            if (values.isEmpty()) {
                add(events, name, alarm, null, time, deviceChannel);
            }
            for (Element item : values) {
                if (localName(item).equals("item")) {
                    String id = bounded(item.getAttribute("id").strip(), VigiDecoder.MAX_CHANNEL_CHARS);
                    add(events, name, item, id == null || id.isEmpty() ? null : id, time, deviceChannel);
                }
            }
        }
    }

    private static void add(
            EventList events,
            String name,
            Element value,
            @Nullable String itemChannel,
            @Nullable LocalDateTime time,
            @Nullable String deviceChannel)
            throws MalformedAlarmException {
        String text = text(value);
        Action action =
                "true".equalsIgnoreCase(text) ? Action.START : "false".equalsIgnoreCase(text) ? Action.STOP : null;
        if (action == null) {
            return;
        }
        JsonObject json = new JsonObject();
        json.addProperty("alarm", name);
        json.addProperty("value", text);
        if (itemChannel != null) {
            json.addProperty("channel", itemChannel);
        }
        NamedNodeMap attributes = value.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (!json.has(attribute.getNodeName())) {
                json.addProperty(attribute.getNodeName(), attribute.getNodeValue());
            }
        }
        String channel = itemChannel != null ? itemChannel : deviceChannel;
        events.add(name, TvtTypes.STATUS.canonical(name), action, time, channel, json, null);
    }
}
