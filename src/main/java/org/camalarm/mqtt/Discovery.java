package org.camalarm.mqtt;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camalarm.camera.CameraChannels;
import org.camalarm.target.TargetChannels;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the bridge publishes for a thing: its Home Assistant discovery entities (single-component
 * discovery, full device and origin blocks in every payload, stable {@code unique_id}s, no
 * {@code object_id}) and which channel goes to which state topic in which form. A pure function of
 * a {@link ThingView} and the settings; openHAB's MQTT binding reads the same payloads.
 *
 * <p>Cameras: a {@code binary_sensor} and an {@code event} per detection, sensors for the last event
 * and its time, last seen and the snapshot's REST URL, and the snapshot as {@code image} and/or
 * {@code camera} (openHAB has no {@code image}). Push targets: a {@code switch} for {@code power},
 * a {@code button} per other command channel, sensors for {@code lastResult} and {@code lastPush}.
 */
final class Discovery {

    /** One discovery entry: its retained config topic and payload. */
    record Entity(String component, String objectId, String topic, JsonObject config) {}

    /** How a channel's state becomes a payload. */
    enum Format {
        /** {@code ON} / {@code OFF}. */
        SWITCH,
        /** openHAB's text form. */
        TEXT,
        /** Text cut to Home Assistant's 255-character state limit. */
        SENSOR_TEXT,
        /** ISO-8601 in UTC to the second, as Home Assistant's timestamp sensors parse it. */
        TIMESTAMP,
        /** The raw image bytes. */
        IMAGE,
        /** A path on this hub, made absolute when the hub's address is known. */
        URL
    }

    record Binding(String channelId, String topic, Format format) {}

    /**
     * @param bindings   state topic of every state channel that is published, by channel id
     * @param detections the channels whose OFF→ON is a detection event
     */
    record Plan(List<Entity> entities, Map<String, Binding> bindings, Set<String> detections) {}

    /** Home Assistant device classes of the detection channels (README, "Event types and channels"). */
    private static final Map<String, String> DETECTION_CLASSES = Map.ofEntries(
            Map.entry(CameraChannels.MOTION, "motion"),
            Map.entry(CameraChannels.HUMAN, "occupancy"),
            Map.entry(CameraChannels.CAR, "motion"),
            Map.entry(CameraChannels.PERSON_OR_VEHICLE, "motion"),
            Map.entry(CameraChannels.FACE, "occupancy"),
            Map.entry(CameraChannels.LINE_CROSSING, "motion"),
            Map.entry(CameraChannels.FIELD_DETECTION, "motion"),
            Map.entry(CameraChannels.REGION_ENTRANCE, "motion"),
            Map.entry(CameraChannels.REGION_EXITING, "motion"),
            Map.entry(CameraChannels.ITEM_LEFT, "problem"),
            Map.entry(CameraChannels.TAMPER, "tamper"),
            Map.entry(CameraChannels.AUDIO, "sound"),
            Map.entry(CameraChannels.PIR, "motion"),
            Map.entry("licensePlateAlarm", "motion"),
            Map.entry("crossCountingAlarm", "occupancy"),
            Map.entry("crowdDensityAlarm", "occupancy"),
            Map.entry("queueLengthAlarm", "occupancy"),
            Map.entry("fireAlarm", "smoke"),
            Map.entry("temperatureAlarm", "heat"));

    private static final String ON = "ON";
    private static final String OFF = "OFF";

    private final MqttSettings settings;
    private final Topics topics;

    Discovery(MqttSettings settings) {
        this.settings = settings;
        this.topics = new Topics(settings.baseTopic(), settings.discoveryPrefix());
    }

    Topics topics() {
        return topics;
    }

    Plan plan(ThingView view) {
        List<Entity> entities = new ArrayList<>();
        Map<String, Binding> bindings = new LinkedHashMap<>();
        Set<String> detections = new LinkedHashSet<>();
        for (ThingView.Channel channel : view.channels()) {
            Format format = format(view, channel);
            if (format == Format.IMAGE && !settings.publishImages()) {
                continue;
            }
            bindings.put(channel.id(), new Binding(channel.id(), topics.state(view.thingId(), channel.id()), format));
            if (view.kind() == ThingView.Kind.CAMERA) {
                cameraEntities(view, channel, entities, detections);
            } else {
                targetEntities(view, channel, entities);
            }
        }
        return new Plan(List.copyOf(entities), Collections.unmodifiableMap(bindings), Set.copyOf(detections));
    }

    private static Format format(ThingView view, ThingView.Channel channel) {
        if (view.kind() == ThingView.Kind.PUSH_TARGET && TargetChannels.LAST_RESULT.equals(channel.id())) {
            return Format.SENSOR_TEXT;
        }
        if (view.kind() == ThingView.Kind.CAMERA && CameraChannels.IMAGE_URL.equals(channel.id())) {
            return Format.URL;
        }
        return switch (channel.itemType()) {
            case "Switch" -> Format.SWITCH;
            case "DateTime" -> Format.TIMESTAMP;
            case "Image" -> Format.IMAGE;
            default -> Format.TEXT;
        };
    }

    private void cameraEntities(
            ThingView view, ThingView.Channel channel, List<Entity> entities, Set<String> detections) {
        String id = channel.id();
        String state = topics.state(view.thingId(), id);
        if ("Switch".equals(channel.itemType())) {
            detections.add(id);
            String deviceClass = detectionClass(id);
            JsonObject sensor = entity(view, channel.label(), id);
            sensor.addProperty("state_topic", state);
            sensor.addProperty("payload_on", ON);
            sensor.addProperty("payload_off", OFF);
            putIfPresent(sensor, "device_class", deviceClass);
            entities.add(entity("binary_sensor", view, id, sensor));

            JsonObject event = entity(view, channel.label() + " event", id + "_event");
            event.addProperty("state_topic", topics.event(view.thingId(), id));
            JsonArray types = new JsonArray();
            types.add("detected");
            event.add("event_types", types);
            putIfPresent(
                    event,
                    "device_class",
                    "motion".equals(deviceClass) || "occupancy".equals(deviceClass) ? "motion" : null);
            entities.add(entity("event", view, id, event));
            return;
        }
        switch (id) {
            case CameraChannels.LAST_EVENT_TYPE -> entities.add(sensor(view, id, "Last event", state, null, false));
            case CameraChannels.LAST_EVENT_TIME ->
                entities.add(sensor(view, id, "Last event time", state, "timestamp", false));
            case CameraChannels.LAST_SEEN -> entities.add(sensor(view, id, "Last seen", state, "timestamp", true));
            case CameraChannels.IMAGE_URL -> entities.add(sensor(view, id, "Snapshot URL", state, null, true));
            case CameraChannels.IMAGE -> snapshotEntities(view, state, entities);
            default -> {
                // published as a state topic only
            }
        }
    }

    private void snapshotEntities(ThingView view, String state, List<Entity> entities) {
        if (settings.snapshotEntity().image()) {
            JsonObject image = entity(view, "Snapshot", "snapshot");
            image.addProperty("image_topic", state);
            image.addProperty("content_type", "image/jpeg");
            entities.add(entity("image", view, "snapshot", image));
        }
        if (settings.snapshotEntity().camera()) {
            JsonObject camera = entity(view, "Snapshot camera", "snapshot_camera");
            camera.addProperty("topic", state);
            entities.add(entity("camera", view, "snapshot", camera));
        }
    }

    private void targetEntities(ThingView view, ThingView.Channel channel, List<Entity> entities) {
        String id = channel.id();
        String state = topics.state(view.thingId(), id);
        switch (id) {
            case TargetChannels.POWER -> {
                JsonObject power = entity(view, channel.label(), id);
                power.addProperty("state_topic", state);
                power.addProperty("command_topic", topics.command(view.thingId(), id, Topics.SET));
                power.addProperty("payload_on", ON);
                power.addProperty("payload_off", OFF);
                power.addProperty("state_on", ON);
                power.addProperty("state_off", OFF);
                power.addProperty("optimistic", false);
                power.addProperty("retain", false);
                power.addProperty("device_class", "switch");
                entities.add(entity("switch", view, id, power));
            }
            case TargetChannels.LAST_RESULT -> entities.add(sensor(view, id, "Last result", state, null, true));
            case TargetChannels.LAST_PUSH -> entities.add(sensor(view, id, "Last push", state, "timestamp", true));
            case TargetChannels.LAST_RESPONSE_CODE -> {
                // a state topic only: lastResult says it in words
            }
            default -> {
                if ("Switch".equals(channel.itemType())) {
                    // toggle, pulse, or an http thing's named command: pressed, never on or off
                    String name =
                            TargetChannels.TOGGLE.equals(id) || TargetChannels.PULSE.equals(id) ? channel.label() : id;
                    JsonObject button = entity(view, name, id);
                    button.addProperty("command_topic", topics.command(view.thingId(), id, Topics.PRESS));
                    button.addProperty("payload_press", "PRESS");
                    button.addProperty("retain", false);
                    entities.add(entity("button", view, id, button));
                }
            }
        }
    }

    private Entity sensor(
            ThingView view, String id, String name, String state, @Nullable String deviceClass, boolean diagnostic) {
        JsonObject sensor = entity(view, name, id);
        sensor.addProperty("state_topic", state);
        putIfPresent(sensor, "device_class", deviceClass);
        if (diagnostic) {
            sensor.addProperty("entity_category", "diagnostic");
        }
        return entity("sensor", view, id, sensor);
    }

    /** The hub itself: a connectivity sensor fed by the birth and last-will topic, on a device the things hang from. */
    Entity hub() {
        String node = topics.hubNode();
        JsonObject config = new JsonObject();
        config.addProperty("name", "Connected");
        config.addProperty("unique_id", node + "_connectivity");
        config.addProperty("state_topic", topics.hubStatus());
        config.addProperty("payload_on", "online");
        config.addProperty("payload_off", "offline");
        config.addProperty("device_class", "connectivity");
        config.addProperty("entity_category", "diagnostic");
        config.addProperty("qos", settings.qos());
        JsonObject device = new JsonObject();
        device.add("identifiers", array(node));
        device.addProperty(
                "name", "camalarm".equals(settings.baseTopic()) ? "camalarm" : "camalarm " + settings.baseTopic());
        device.addProperty("manufacturer", "camalarm");
        device.addProperty("model", "Camera alarm hub");
        device.addProperty("sw_version", settings.version());
        String hubUrl = settings.hubUrl();
        putIfPresent(device, "configuration_url", hubUrl == null ? null : hubUrl + "/camalarm/ui/");
        config.add("device", device);
        config.add("origin", origin());
        return new Entity(
                "binary_sensor", "connectivity", topics.config("binary_sensor", node, "connectivity"), config);
    }

    /** The keys every entity of a thing has: name, unique_id, availability (hub and thing), device, origin, qos. */
    private JsonObject entity(ThingView view, String name, String uniqueSuffix) {
        JsonObject config = new JsonObject();
        config.addProperty("name", name);
        config.addProperty("unique_id", topics.node(view.thingId()) + "_" + Topics.segment(uniqueSuffix));
        JsonArray availability = new JsonArray();
        availability.add(topic(topics.hubStatus()));
        availability.add(topic(topics.thingStatus(view.thingId())));
        config.add("availability", availability);
        config.addProperty("availability_mode", "all");
        config.add("device", device(view));
        config.add("origin", origin());
        config.addProperty("qos", settings.qos());
        return config;
    }

    private Entity entity(String component, ThingView view, String objectId, JsonObject config) {
        String object = Topics.segment(objectId);
        return new Entity(component, object, topics.config(component, topics.node(view.thingId()), object), config);
    }

    /** One identifier per device: openHAB joins several into its thing id, so it must stay one and stable. */
    private JsonObject device(ThingView view) {
        JsonObject device = new JsonObject();
        device.add("identifiers", array(topics.node(view.thingId())));
        device.addProperty("name", view.label());
        device.addProperty("manufacturer", view.manufacturer());
        device.addProperty("model", view.model());
        String mac = view.mac();
        if (mac != null) {
            JsonArray connection = array("mac");
            connection.add(mac);
            JsonArray connections = new JsonArray();
            connections.add(connection);
            device.add("connections", connections);
        }
        putIfPresent(device, "configuration_url", view.configurationUrl());
        device.addProperty("via_device", topics.hubNode());
        return device;
    }

    private JsonObject origin() {
        JsonObject origin = new JsonObject();
        origin.addProperty("name", "camalarm");
        origin.addProperty("sw_version", settings.version());
        return origin;
    }

    /** The device class of a detection channel: from the table, else guessed from the name, else none. */
    static @Nullable String detectionClass(String channelId) {
        String known = DETECTION_CLASSES.get(channelId);
        if (known != null) {
            return known;
        }
        String lower = channelId.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("smoke")) {
            return "smoke";
        }
        if (lower.contains("loss") || lower.contains("error") || lower.contains("fail")) {
            return "problem";
        }
        return null;
    }

    private static JsonObject topic(String topic) {
        JsonObject json = new JsonObject();
        json.addProperty("topic", topic);
        return json;
    }

    private static JsonArray array(String first) {
        JsonArray array = new JsonArray();
        array.add(first);
        return array;
    }

    private static void putIfPresent(JsonObject json, String key, @Nullable String value) {
        if (value != null) {
            json.addProperty(key, value);
        }
    }
}
