package org.camalarm.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The discovery payloads as Home Assistant's MQTT integration reads them: valid JSON objects with
 * the keys its documentation requires for each component, unique ids, one device per thing, and
 * topics of the documented shape; and what openHAB needs (a camera entity, one identifier).
 */
class DiscoveryTest {

    /** Required keys per component (Home Assistant's MQTT docs); image needs image_topic or url_topic. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "binary_sensor", List.of("state_topic"),
            "sensor", List.of("state_topic"),
            "event", List.of("state_topic", "event_types"),
            "image", List.of("image_topic"),
            "camera", List.of("topic"),
            "switch", List.of("command_topic"),
            "button", List.of("command_topic"));

    private static final Pattern DISCOVERY_ID = Pattern.compile("[a-zA-Z0-9_-]+");

    static final ThingView CAMERA = new ThingView(
            "frontdoor",
            "camalarm:vigi:frontdoor",
            ThingView.Kind.CAMERA,
            "Front door",
            "TP-Link VIGI",
            "InSight S445",
            "98:ba:5f:8b:10:03",
            "http://hub.test:8080/camalarm/ui/#/cameras/camalarm:vigi:frontdoor",
            List.of(
                    new ThingView.Channel("motionAlarm", "Motion", "Switch"),
                    new ThingView.Channel("humanAlarm", "Person", "Switch"),
                    new ThingView.Channel("smokeDetectAlarm", "SmokeDetect", "Switch"),
                    new ThingView.Channel("lastEventType", "Last event type", "String"),
                    new ThingView.Channel("lastEventTime", "Last event time", "DateTime"),
                    new ThingView.Channel("lastEventData", "Last event data", "String"),
                    new ThingView.Channel("image", "Snapshot", "Image"),
                    new ThingView.Channel("imageUrl", "Snapshot URL", "String"),
                    new ThingView.Channel("lastSeen", "Last seen", "DateTime")));

    static final ThingView RELAY = new ThingView(
            "gate",
            "camalarm:http:gate",
            ThingView.Kind.PUSH_TARGET,
            "Gate",
            "camalarm",
            "HTTP device",
            null,
            null,
            List.of(
                    new ThingView.Channel("power", "Power", "Switch"),
                    new ThingView.Channel("pulse", "Pulse", "Switch"),
                    new ThingView.Channel("open.door", "POST relay/0?turn=on", "Switch"),
                    new ThingView.Channel("lastResult", "Last result", "String"),
                    new ThingView.Channel("lastPush", "Last push", "DateTime"),
                    new ThingView.Channel("lastResponseCode", "Last response code", "Number")));

    private final Discovery discovery = new Discovery(TestSettings.of("tcp://broker:1883", "pw"));

    private static List<Discovery.Entity> all(Discovery discovery) {
        List<Discovery.Entity> all = new ArrayList<>(discovery.plan(CAMERA).entities());
        all.addAll(discovery.plan(RELAY).entities());
        all.add(discovery.hub());
        return all;
    }

    @Test
    void everyPayloadIsJsonWithTheKeysHomeAssistantRequires() {
        Set<String> uniqueIds = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (Discovery.Entity entity : all(discovery)) {
            JsonObject json = JsonParser.parseString(entity.config().toString()).getAsJsonObject();
            for (String key : REQUIRED.get(entity.component())) {
                assertTrue(json.has(key) && !json.get(key).isJsonNull(), entity.topic() + " lacks " + key);
            }
            assertTrue(uniqueIds.add(json.get("unique_id").getAsString()), "unique_id twice: " + entity.topic());
            assertTrue(topics.add(entity.topic()), "config topic twice: " + entity.topic());
            assertFalse(json.has("object_id"), "object_id stops working in Home Assistant 2026.4");
            assertFalse(json.has("platform"), "platform belongs to device-based discovery only");
            String[] levels = entity.topic().split("/");
            assertEquals(5, levels.length, entity.topic());
            assertEquals("homeassistant", levels[0]);
            assertEquals(entity.component(), levels[1]);
            assertTrue(DISCOVERY_ID.matcher(levels[2]).matches()
                    && DISCOVERY_ID.matcher(levels[3]).matches());
            assertEquals("config", levels[4]);
            JsonObject device = json.getAsJsonObject("device");
            assertEquals(1, device.getAsJsonArray("identifiers").size(), "openHAB joins identifiers into its id");
            assertTrue(device.has("name") && device.has("manufacturer") && device.has("model"));
            assertEquals("camalarm", json.getAsJsonObject("origin").get("name").getAsString());
            for (Map.Entry<String, JsonElement> key : json.entrySet()) {
                if (key.getKey().endsWith("topic")) {
                    String topic = key.getValue().getAsString();
                    assertFalse(topic.contains("+") || topic.contains("#"), topic);
                }
            }
        }
    }

    @Test
    void thingEntitiesAreAvailableWhenHubAndThingAreBoth() {
        for (Discovery.Entity entity : discovery.plan(CAMERA).entities()) {
            JsonObject json = entity.config();
            assertEquals("all", json.get("availability_mode").getAsString());
            assertEquals(
                    "[{\"topic\":\"camalarm/status\"},{\"topic\":\"camalarm/frontdoor/status\"}]",
                    json.get("availability").toString());
            assertEquals(
                    "camalarm-hub",
                    json.getAsJsonObject("device").get("via_device").getAsString());
        }
    }

    @Test
    void aCameraIsOneDeviceWithASensorAndAnEventPerDetectionAndItsSnapshot() {
        Discovery.Plan plan = discovery.plan(CAMERA);
        List<String> topics =
                plan.entities().stream().map(Discovery.Entity::topic).toList();
        assertTrue(topics.contains("homeassistant/binary_sensor/camalarm_frontdoor/motionAlarm/config"));
        assertTrue(topics.contains("homeassistant/event/camalarm_frontdoor/motionAlarm/config"));
        assertTrue(topics.contains("homeassistant/image/camalarm_frontdoor/snapshot/config"));
        assertTrue(topics.contains("homeassistant/camera/camalarm_frontdoor/snapshot/config"));
        assertTrue(topics.contains("homeassistant/sensor/camalarm_frontdoor/lastEventTime/config"));
        assertEquals(Set.of("motionAlarm", "humanAlarm", "smokeDetectAlarm"), plan.detections());

        JsonObject device = plan.entities().get(0).config().getAsJsonObject("device");
        assertEquals(
                "{\"identifiers\":[\"camalarm_frontdoor\"],\"name\":\"Front door\",\"manufacturer\":\"TP-Link VIGI\","
                        + "\"model\":\"InSight S445\",\"connections\":[[\"mac\",\"98:ba:5f:8b:10:03\"]],"
                        + "\"configuration_url\":\"http://hub.test:8080/camalarm/ui/#/cameras/camalarm:vigi:frontdoor\","
                        + "\"via_device\":\"camalarm-hub\"}",
                device.toString());

        JsonObject image = config(plan, "image");
        assertEquals("camalarm/frontdoor/image/state", image.get("image_topic").getAsString());
        assertEquals("image/jpeg", image.get("content_type").getAsString());
        assertFalse(image.has("image_encoding"), "raw bytes: b64 is the only encoding Home Assistant knows");
        assertEquals(
                "camalarm/frontdoor/image/state",
                config(plan, "camera").get("topic").getAsString());
        assertEquals(Discovery.Format.IMAGE, plan.bindings().get("image").format());
        assertEquals(
                "timestamp",
                configOf(plan, "sensor", "lastEventTime").get("device_class").getAsString());
        assertEquals(Discovery.Format.URL, plan.bindings().get("imageUrl").format());
        assertEquals(
                "[\"detected\"]",
                configOf(plan, "event", "humanAlarm").get("event_types").toString());
        assertEquals(
                "occupancy",
                configOf(plan, "binary_sensor", "humanAlarm")
                        .get("device_class")
                        .getAsString());
        assertEquals(
                "smoke",
                configOf(plan, "binary_sensor", "smokeDetectAlarm")
                        .get("device_class")
                        .getAsString());
        // lastEventData is a state topic for whoever wants it, not an entity (often over 255 characters)
        assertTrue(plan.bindings().containsKey("lastEventData"));
        assertTrue(plan.entities().stream().noneMatch(e -> e.objectId().equals("lastEventData")));
    }

    @Test
    void aPushTargetHasASwitchForPowerAndAButtonPerCommand() {
        Discovery.Plan plan = discovery.plan(RELAY);
        JsonObject power = configOf(plan, "switch", "power");
        assertEquals("camalarm/gate/power/set", power.get("command_topic").getAsString());
        assertEquals("camalarm/gate/power/state", power.get("state_topic").getAsString());
        assertFalse(power.get("optimistic").getAsBoolean(), "the state is what the device accepted");
        JsonObject pulse = configOf(plan, "button", "pulse");
        assertEquals("camalarm/gate/pulse/press", pulse.get("command_topic").getAsString());
        JsonObject named = configOf(plan, "button", "open_door");
        assertEquals("open.door", named.get("name").getAsString(), "the command's name, not its request line");
        assertEquals("camalarm/gate/open_door/press", named.get("command_topic").getAsString());
        assertEquals(
                Discovery.Format.SENSOR_TEXT, plan.bindings().get("lastResult").format());
        assertEquals(
                "diagnostic",
                configOf(plan, "sensor", "lastResult").get("entity_category").getAsString());
        assertFalse(
                plan.entities().get(0).config().getAsJsonObject("device").has("configuration_url"),
                "no link when the hub's address is unknown: Home Assistant rejects a relative URL");
    }

    @Test
    void snapshotsCanBeAnnouncedForOneHubOnlyOrNotAtAll() {
        MqttSettings base = TestSettings.of("tcp://broker:1883", "pw");
        Discovery imageOnly = new Discovery(with(base, MqttSettings.SnapshotEntity.IMAGE, true));
        assertTrue(imageOnly.plan(CAMERA).entities().stream()
                .noneMatch(e -> e.component().equals("camera")));
        Discovery cameraOnly = new Discovery(with(base, MqttSettings.SnapshotEntity.CAMERA, true));
        assertTrue(cameraOnly.plan(CAMERA).entities().stream()
                .noneMatch(e -> e.component().equals("image")));
        Discovery.Plan none = new Discovery(with(base, MqttSettings.SnapshotEntity.BOTH, false)).plan(CAMERA);
        assertTrue(none.entities().stream()
                .noneMatch(e -> e.component().equals("image") || e.component().equals("camera")));
        assertNull(none.bindings().get("image"), "no snapshot bytes on the broker");
    }

    @Test
    void theHubIsADeviceWithAConnectivitySensorFedByItsLastWill() {
        JsonObject hub = discovery.hub().config();
        assertEquals(
                "homeassistant/binary_sensor/camalarm-hub/connectivity/config",
                discovery.hub().topic());
        assertEquals("camalarm/status", hub.get("state_topic").getAsString());
        assertEquals("online", hub.get("payload_on").getAsString());
        assertEquals("offline", hub.get("payload_off").getAsString());
        assertEquals("connectivity", hub.get("device_class").getAsString());
        assertFalse(hub.has("availability"), "it reports availability itself");
    }

    @Test
    void twoHubsWithTheirOwnBaseTopicsNeverShareAnIdOrATopic() {
        MqttSettings other = new MqttSettings(
                "tcp://broker:1883",
                "",
                "",
                "camalarm-2",
                "site2/camalarm",
                "homeassistant",
                true,
                true,
                MqttSettings.SnapshotEntity.BOTH,
                1,
                null,
                null,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                "0.1.0");
        Set<String> ids = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (Discovery d : List.of(discovery, new Discovery(other))) {
            for (Discovery.Entity entity : all(d)) {
                assertTrue(ids.add(entity.config().get("unique_id").getAsString()));
                assertTrue(topics.add(entity.topic()));
            }
        }
        assertEquals(
                "site2/camalarm/frontdoor/motionAlarm/state",
                configOf(new Discovery(other).plan(CAMERA), "binary_sensor", "motionAlarm")
                        .get("state_topic")
                        .getAsString());
    }

    private static MqttSettings with(MqttSettings s, MqttSettings.SnapshotEntity snapshots, boolean images) {
        return new MqttSettings(
                s.broker(),
                s.username(),
                s.password(),
                s.clientId(),
                s.baseTopic(),
                s.discoveryPrefix(),
                s.discovery(),
                images,
                snapshots,
                s.qos(),
                s.caFile(),
                s.pin(),
                s.hubUrl(),
                s.reconnectDelay(),
                s.maxReconnectDelay(),
                s.version());
    }

    private static JsonObject config(Discovery.Plan plan, String component) {
        return plan.entities().stream()
                .filter(e -> e.component().equals(component))
                .findFirst()
                .orElseThrow()
                .config();
    }

    private static JsonObject configOf(Discovery.Plan plan, String component, String objectId) {
        return plan.entities().stream()
                .filter(e -> e.component().equals(component) && e.objectId().equals(objectId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + component + " " + objectId))
                .config();
    }
}
