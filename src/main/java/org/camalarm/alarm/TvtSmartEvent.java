package org.camalarm.alarm;

import static org.camalarm.alarm.XmlDocuments.bounded;
import static org.camalarm.alarm.XmlDocuments.child;
import static org.camalarm.alarm.XmlDocuments.childIgnoreCase;
import static org.camalarm.alarm.XmlDocuments.childText;
import static org.camalarm.alarm.XmlDocuments.children;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camalarm.alarm.AlarmEvent.Action;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Element;

/**
 * TVT smart-event data ({@code smartType}, docs/devices.md, TVT, "Smart event data"): IPC firmware 1.x posts
 * {@code <smartType>PEA</smartType>} with a {@code perimeter/perInfo} or {@code tripwire/tripInfo}
 * list whose items carry {@code SMART_START}, {@code SMART_PROCEDURE} or {@code SMART_STOP}; NVRs
 * post {@code <smartType>regionIntrusion</smartType>} with an {@code eventInfo} list and no status.
 *
 * <p>Events: the detection ({@link TvtTypes#SMART}; PEA by its block), {@link Action#ACTIVE} (a
 * stop when every item says {@code SMART_STOP}) — the same detection usually arrives as alarm
 * status too, and this is then a repeat of it; plus one event per kind of target seen (person,
 * vehicle: IPC {@code listInfo/item/targetImageData/targetType} 1, 2, 4; NVR
 * {@code targetListInfo/item/targetType} person, car, motor), before the detection so that the
 * detection is the latest event. The picture: the overview ({@code sourceDataInfo/sourceBase64Data})
 * else the first target crop ({@code targetBase64Data}), decoded here from the request's bytes
 * ({@link Base64Pictures}): the body limit bounds it, and decoding costs about as much as reading a
 * VIGI multipart push with the same JPEG (docs/devices.md, "Measured").
 */
final class TvtSmartEvent {

    private TvtSmartEvent() {}

    /** Adds the events; returns the snapshot, or {@code null}. */
    static byte @Nullable [] read(
            Element root,
            @Nullable LocalDateTime time,
            @Nullable String channel,
            EventList events,
            Base64Pictures pictures)
            throws MalformedAlarmException {
        String smartType = bounded(childText(root, "smartType"), VigiDecoder.MAX_TYPE_CHARS);
        if (smartType == null) {
            return null;
        }
        List<Element> items = new ArrayList<>();
        Map<String, String> detections = new LinkedHashMap<>(); // canonical type -> raw type
        Element perimeter = child(root, "perimeter");
        Element tripwire = child(root, "tripwire");
        if (smartType.equalsIgnoreCase(TvtTypes.PEA)) {
            if (perimeter != null || tripwire == null) {
                detections.put(EventTypes.INTRUSION, smartType);
            }
            if (tripwire != null) {
                detections.put(EventTypes.LINE_CROSSING, smartType);
            }
        } else {
            detections.put(TvtTypes.SMART.canonical(smartType), smartType);
        }
        items.addAll(children(child(perimeter, "perInfo")));
        items.addAll(children(child(tripwire, "tripInfo")));
        items.addAll(children(child(root, "eventInfo")));
        Action action = action(items);
        Map<String, String> targets = targets(root); // canonical type -> raw target type

        JsonObject json = new JsonObject();
        json.addProperty("smartType", smartType);
        String subscription = childText(root, "subscribeRelation", "subscribeOption");
        if (subscription != null) {
            json.addProperty("subscribeRelation", subscription);
        }
        JsonArray described = new JsonArray();
        for (Element item : items) {
            JsonObject entry = new JsonObject();
            for (String field : new String[] {"eventId", "targetId", "status", "boundary"}) {
                String value = childText(item, field);
                if (value != null) {
                    entry.addProperty(field, value);
                }
            }
            described.add(entry);
        }
        json.add("items", described);
        JsonArray targetTypes = new JsonArray();
        targets.values().forEach(targetTypes::add);
        json.add("targetTypes", targetTypes);
        if (channel != null) {
            json.addProperty("channel", channel);
        }
        for (Map.Entry<String, String> target : targets.entrySet()) {
            events.add(target.getValue(), target.getKey(), action, time, channel, json, null);
        }
        for (Map.Entry<String, String> detection : detections.entrySet()) {
            events.add(detection.getValue(), detection.getKey(), action, time, channel, json, null);
        }
        byte[] cut = pictures.firstJpeg();
        return cut != null ? cut : image(root);
    }

    /** A stop when items say so and all of them say {@code SMART_STOP}; else the detection goes on. */
    private static Action action(List<Element> items) {
        boolean anyStatus = false;
        for (Element item : items) {
            String status = childText(item, "status");
            if (status != null) {
                anyStatus = true;
                if (!status.equalsIgnoreCase("SMART_STOP")) {
                    return Action.ACTIVE;
                }
            }
        }
        return anyStatus ? Action.STOP : Action.ACTIVE;
    }

    /** The kinds of targets the data names; unknown kinds are left out (they stay in the JSON's items). */
    private static Map<String, String> targets(Element root) {
        Map<String, String> targets = new LinkedHashMap<>();
        List<Element> items = new ArrayList<>(children(child(root, "listInfo")));
        items.addAll(children(child(root, "targetListInfo")));
        for (Element item : items) {
            String raw = childText(item, "targetType");
            if (raw == null) {
                raw = childText(childIgnoreCase(item, "targetImageData"), "targetType");
            }
            if (raw != null && raw.length() <= VigiDecoder.MAX_TYPE_CHARS) {
                String type = TvtTypes.TARGETS.known(raw);
                if (type != null) {
                    targets.putIfAbsent(type, raw);
                }
            }
        }
        return targets;
    }

    private static byte @Nullable [] image(Element root) {
        byte[] source = Snapshots.fromBase64(childText(child(root, "sourceDataInfo"), "sourceBase64Data"));
        if (source != null) {
            return source;
        }
        List<Element> items = new ArrayList<>(children(child(root, "listInfo")));
        items.addAll(children(child(root, "targetListInfo")));
        for (Element item : items) {
            byte[] target =
                    Snapshots.fromBase64(childText(childIgnoreCase(item, "targetImageData"), "targetBase64Data"));
            if (target != null) {
                return target;
            }
        }
        return null;
    }
}
