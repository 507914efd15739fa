package org.camalarm.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.camalarm.mqtt.Mosquitto;
import org.camalarm.mqtt.MqttProbe;
import org.camalarm.push.FakeDevice;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT bridge end to end: the real hub process, a real mosquitto broker, and a Paho client
 * subscribed to everything in Home Assistant's place. Discovery, an alarm with a snapshot, a
 * command to a fake Shelly, a broker outage under alarms, a wrong password, a removed thing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MqttBridgeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** Required keys per component, from Home Assistant's MQTT documentation. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "binary_sensor", List.of("state_topic"),
            "sensor", List.of("state_topic"),
            "event", List.of("state_topic", "event_types"),
            "image", List.of("image_topic"),
            "camera", List.of("topic"),
            "switch", List.of("command_topic"),
            "button", List.of("command_topic"));

    private Mosquitto broker;
    private FakeDevice shelly;
    private Hub hub;
    private MqttProbe probe;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        broker = Mosquitto.start(dir.resolve("broker"));
        shelly = FakeDevice.http(r -> Reply.of(200, "{\"ison\":true,\"has_timer\":false}"));
        hub = Hub.withTokens(dir.resolve("hub"));
        hub.writeConf("camalarm.mqtt.cfg", mqttConfig(Mosquitto.PASSWORD));
        hub.writeConf("camalarm.vigi-frontdoor.cfg", "label=Front door\nholdTime=30\n");
        hub.writeConf("camalarm.ivsec-gate.cfg", "label=Gate\nmac=5C-F2-07-49-0F-24\n");
        hub.writeConf(
                "camalarm.shelly-porch.cfg",
                "label=Porch light\nhost=127.0.0.1\nport=" + shelly.port() + "\ngeneration=1\ntimeout=2000\n");
        hub.writeConf(
                "camalarm.http-lamp.cfg",
                "label=Lamp\nhost=127.0.0.1\nport=" + shelly.port() + "\ncommand.on=GET light/0?turn=on\n");
        probe = new MqttProbe(broker.uri());
        hub.start();
        awaitBroker("ONLINE");
    }

    @AfterAll
    void stop() throws Exception {
        if (probe != null) {
            probe.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (shelly != null) {
            shelly.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private String mqttConfig(String password) {
        return "broker=" + broker.uri() + "\nusername=" + Mosquitto.USER + "\npassword=" + password
                + "\nreconnectDelay=0.1\nmaxReconnectDelay=1\n";
    }

    private JsonObject brokerThing() throws Exception {
        return hub.thing("camalarm:mqtt:broker");
    }

    private void awaitBroker(String status) {
        await("broker thing " + status)
                .atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> status.equals(brokerThing()
                        .getAsJsonObject("statusInfo")
                        .get("status")
                        .getAsString()));
    }

    private static JsonObject json(MqttProbe.Received message) {
        return JsonParser.parseString(message.text()).getAsJsonObject();
    }

    @Test
    @Order(1)
    void everyThingIsAnnouncedWithTheKeysHomeAssistantRequires() throws Exception {
        probe.awaitLatest("homeassistant/switch/camalarm_porch/power/config", m -> true);
        probe.awaitLatest("homeassistant/button/camalarm_lamp/on/config", m -> true);
        probe.awaitLatest("homeassistant/image/camalarm_gate/snapshot/config", m -> true);
        Set<String> components = new TreeSet<>();
        Set<String> uniqueIds = new TreeSet<>();
        for (MqttProbe.Received config : new ArrayList<>(probe.latest.values())) {
            if (!config.topic().startsWith("homeassistant/") || config.payload().length == 0) {
                continue;
            }
            String component = config.topic().split("/")[1];
            JsonObject json = json(config);
            for (String key : REQUIRED.get(component)) {
                assertTrue(json.has(key), config.topic() + " lacks " + key);
            }
            assertTrue(uniqueIds.add(json.get("unique_id").getAsString()), config.topic());
            assertFalse(json.has("object_id"), config.topic());
            components.add(component);
        }
        assertEquals(REQUIRED.keySet(), components);

        JsonObject motion = json(probe.latest.get("homeassistant/binary_sensor/camalarm_frontdoor/motionAlarm/config"));
        JsonObject device = motion.getAsJsonObject("device");
        assertEquals("Front door", device.get("name").getAsString());
        assertEquals("TP-Link VIGI", device.get("manufacturer").getAsString());
        assertEquals(
                "http://127.0.0.1:" + hub.port + "/camalarm/ui/#/cameras/camalarm:vigi:frontdoor",
                device.get("configuration_url").getAsString());
        JsonObject gate = json(probe.latest.get("homeassistant/binary_sensor/camalarm_gate/motionAlarm/config"));
        assertEquals(
                "[[\"mac\",\"5c:f2:07:49:0f:24\"]]",
                gate.getAsJsonObject("device").get("connections").toString());
        assertEquals("online", probe.text("camalarm/status"));
        assertEquals("OFF", probe.text("camalarm/frontdoor/humanAlarm/state"));
        // the bridge itself is a thing users see beside the cameras, with the password never shown
        JsonObject bridge = brokerThing();
        assertEquals(
                "******",
                bridge.getAsJsonObject("configuration").get("password").getAsString());
        assertFalse(bridge.toString().contains(Mosquitto.PASSWORD));
        assertTrue(
                probe.latest.keySet().stream().noneMatch(t -> t.contains("_broker/")), "the bridge is not announced");
    }

    @Test
    @Order(2)
    void anAlarmTurnsItsBinarySensorOnAndTheImageTopicGetsTheExactJpeg() throws Exception {
        byte[] jpeg = Jpegs.snapshot(320, 240, Color.DARK_GRAY);
        byte[] body = Jpegs.vigiMultipart(
                "{\"mac\":\"98-ba-5f-8b-10-03\",\"device_name\":\"InSight S445\",\"event_list\":"
                        + "[{\"dateTime\":\"20261005150501\",\"event_type\":[\"PEOPLE\"]}]}",
                jpeg);
        HttpResponse<String> answer = hub.push(
                "POST",
                "/frontdoor",
                "multipart/form-data; boundary=ReportEventBoundary",
                BodyPublishers.ofByteArray(body));
        assertEquals(200, answer.statusCode());

        probe.awaitLatest(
                "camalarm/frontdoor/humanAlarm/state", PATIENCE, m -> m.text().equals("ON"));
        assertArrayEquals(
                jpeg,
                probe.awaitLatest("camalarm/frontdoor/image/state", PATIENCE, m -> true)
                        .payload());
        MqttProbe.Received event = probe.awaitLatest("camalarm/frontdoor/humanAlarm/event", PATIENCE, m -> true);
        assertEquals("detected", json(event).get("event_type").getAsString());
        assertEquals("PERSON", probe.text("camalarm/frontdoor/lastEventType/state"));
        probe.awaitLatest(
                "homeassistant/image/camalarm_frontdoor/snapshot/config",
                PATIENCE,
                m -> m.text().contains("\"model\":\"InSight S445\""));
    }

    @Test
    @Order(3)
    void aCommandOnTheSwitchsCommandTopicReachesTheRelay() throws Exception {
        probe.publish("camalarm/porch/power/set", "ON", false);
        await().atMost(PATIENCE).until(() -> shelly.requestLines().contains("GET /relay/0?turn=on"));
        probe.awaitLatest("camalarm/porch/power/state", PATIENCE, m -> m.text().equals("ON"));
        probe.awaitLatest(
                "camalarm/porch/lastResult/state", PATIENCE, m -> m.text().startsWith("OK"));
        assertEquals("ON", hub.state("camalarm:shelly:porch", "power"), "the same path as a REST command");
        // and, like a REST command, it is in the event history
        await().atMost(PATIENCE)
                .until(() -> !hub.events("kind=push&thing=camalarm:shelly:porch")
                        .getAsJsonArray("events")
                        .isEmpty());
        JsonObject push = hub.events("kind=push&thing=camalarm:shelly:porch")
                .getAsJsonArray("events")
                .get(0)
                .getAsJsonObject();
        assertEquals("power", push.get("channel").getAsString(), push.toString());
        assertEquals("ON", push.get("type").getAsString(), push.toString());
        assertTrue(push.get("success").getAsBoolean(), push.toString());
        assertFalse(push.has("test"), "a command, not a test: " + push);

        probe.publish("camalarm/lamp/on/press", "PRESS", false);
        await().atMost(PATIENCE).until(() -> shelly.requestLines().contains("GET /light/0?turn=on"));
    }

    @Test
    @Order(4)
    void withTheBrokerDownAlarmsAreAnsweredAtOnceAndEverythingIsBackWithin10Seconds() throws Exception {
        broker.stop();
        awaitBroker("OFFLINE");
        long slowest = 0;
        List<String> dumps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String type = i % 2 == 0 ? "VideoMotion" : "PD";
            long start = System.nanoTime();
            HttpResponse<String> answer =
                    hub.raw(java.net.http.HttpRequest.newBuilder(hub.uri("/camalarm/alarm/" + Hub.ALARM_TOKEN
                                    + "?EventType=" + type + "&EventAction=start&MACAddress=5C-F2-07-49-0F-24"))
                            .timeout(Duration.ofSeconds(10))
                            .build());
            slowest = Math.max(slowest, System.nanoTime() - start);
            assertEquals(200, answer.statusCode(), answer.body());
            if (i % 20 == 10) {
                dumps.add(threadDump());
            }
        }
        assertTrue(slowest < TimeUnit.SECONDS.toNanos(2), "an alarm took " + slowest / 1_000_000 + " ms");
        for (String dump : dumps) {
            for (String thread : dump.split("\n\n")) {
                if (!thread.startsWith("\"camalarm-mqtt\"") && !thread.startsWith("\"MQTT ")) {
                    assertFalse(
                            thread.contains("org.eclipse.paho") || thread.contains("org.camalarm.mqtt.MqttSession"),
                            "a thread other than the bridge's waits for the broker:\n" + thread);
                }
            }
        }

        probe.close();
        broker.restart();
        long restarted = System.nanoTime();
        probe = new MqttProbe(broker.uri());
        // the broker lost every retained message: what it has now, the bridge published again
        probe.awaitLatest("homeassistant/binary_sensor/camalarm_gate/motionAlarm/config", PATIENCE, m -> true);
        probe.awaitLatest(
                "camalarm/gate/motionAlarm/state", PATIENCE, m -> m.text().equals("ON"));
        probe.awaitLatest(
                "camalarm/gate/humanAlarm/state", PATIENCE, m -> m.text().equals("ON"));
        probe.awaitLatest("camalarm/frontdoor/image/state", PATIENCE, m -> m.payload().length > 1000);
        probe.awaitLatest("camalarm/status", PATIENCE, m -> m.text().equals("online"));
        long back = System.nanoTime() - restarted;
        assertTrue(back < TimeUnit.SECONDS.toNanos(10), "back after " + back / 1_000_000 + " ms");
        awaitBroker("ONLINE");
    }

    @Test
    @Order(5)
    void aWrongPasswordIsAClearStatusAndNoRetryStormAndTheRightOneAppliesWithoutRestart() throws Exception {
        long refusedBefore = broker.lines("not authorised");
        long warningsBefore = warnings();
        hub.writeConf("camalarm.mqtt.cfg", mqttConfig("wrong-password"));
        await("refused")
                .atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> brokerThing()
                        .getAsJsonObject("statusInfo")
                        .get("statusDetail")
                        .getAsString()
                        .equals("CONFIGURATION_ERROR"));
        String description =
                brokerThing().getAsJsonObject("statusInfo").get("description").getAsString();
        assertTrue(description.contains("not authorised"), description);
        assertFalse(brokerThing().toString().contains("wrong-password"));

        long since = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(4)).until(() -> true); // watch the broker and the log for 4 s
        double seconds = (System.nanoTime() - since) / 1e9;
        long attempts = broker.lines("not authorised") - refusedBefore;
        assertTrue(attempts <= seconds + 3, attempts + " refused attempts in " + seconds + " s");
        assertEquals(1, warnings() - warningsBefore, "one warning, not one per attempt:\n" + hub.logText());
        assertFalse(hub.logText().contains("wrong-password"), "the password must never be logged");

        hub.writeConf("camalarm.mqtt.cfg", mqttConfig(Mosquitto.PASSWORD));
        awaitBroker("ONLINE");
    }

    @Test
    @Order(6)
    void aRemovedThingLeavesNoEntityBehind() throws Exception {
        String config = "homeassistant/button/camalarm_lamp/on/config";
        probe.awaitLatest(config, PATIENCE, m -> m.payload().length > 0);
        Files.delete(hub.conf.resolve("camalarm.http-lamp.cfg"));
        probe.awaitLatest(config, PATIENCE, m -> m.payload().length == 0);
        try (MqttProbe late = new MqttProbe(broker.uri(), "homeassistant/+/camalarm_lamp/#", "camalarm/lamp/#")) {
            assertEquals(List.of(), late.retainedTopics("camalarm/lamp/probe-marker"));
        }
    }

    private long warnings() throws Exception {
        return hub.logText()
                .lines()
                .filter(l -> l.contains("WARN") && l.contains("not authorised"))
                .count();
    }

    private String threadDump() throws Exception {
        String dump = hub.jcmd("Thread.print");
        assertTrue(dump.contains("\"camalarm-mqtt\""), "not a thread dump of the hub:\n" + dump);
        return dump;
    }
}
