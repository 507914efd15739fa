package org.camalarm.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.AlarmEvent;
import org.camalarm.camera.CameraHandler;
import org.camalarm.camera.TestCameras;
import org.camalarm.image.ImageBytes;
import org.camalarm.thing.State;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge against a real mosquitto broker, in-process: what Home Assistant sees (a Paho client
 * subscribed to everything), what a command reaches, and what an outage, a wrong password and a
 * stop do. Backoff 0.1 s to 1 s, so reconnection is quick.
 */
class MqttSessionTest {

    @TempDir
    static Path dir;

    private static Mosquitto broker;

    private final ThingChangeQueue queue = new ThingChangeQueue();
    private final ThingEvents events = new ForwardingEvents(queue);
    private final ThingRegistry registry = new ThingRegistry(events);
    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-12-01T10:00:00Z"));
    private final RecordingObserver observer = new RecordingObserver();
    private CameraHandler camera;
    private RecordingRelay relay;
    private MqttSession session;
    private MqttProbe probe;
    /** The threads there before this class's sessions: earlier tests' may still be ending. */
    private static Set<Thread> before = Set.of();

    @BeforeAll
    static void startBroker() throws Exception {
        before = Set.copyOf(Thread.getAllStackTraces().keySet());
        broker = Mosquitto.start(dir.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
        // sessions stopped in every state (connecting, refused, connected, broker gone) leave no thread
        await().atMost(Duration.ofSeconds(25))
                .until(() -> DeadBrokerTest.bridgeThreads(before).isEmpty());
    }

    @BeforeEach
    void things() throws Exception {
        if (!broker.running()) {
            broker.restart(); // a test that stopped it failed before restarting it
        }
        camera = TestCameras.vigi("frontdoor", "Front door", events, timers);
        relay = new RecordingRelay("porch", "Porch light", events);
        registry.register(camera);
        registry.register(relay);
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.stop();
        }
        if (probe != null) {
            probe.close();
        }
    }

    private MqttSession start(MqttSettings settings) {
        session = new MqttSession(settings, queue, registry, observer, null, Duration.ZERO);
        session.start();
        return session;
    }

    private MqttSession connected() throws Exception {
        probe = new MqttProbe(broker.uri());
        start(TestSettings.of(broker.uri(), Mosquitto.PASSWORD));
        probe.awaitLatest("camalarm/status", m -> m.text().equals("online"));
        return session;
    }

    private static Alarm alarm(String type, byte[] jpeg) {
        AlarmEvent event =
                new AlarmEvent(type, type, AlarmEvent.Action.PULSE, LocalDateTime.of(2026, 12, 1, 11, 0), null, "{}");
        return new Alarm(
                Alarm.Vendor.VIGI,
                Alarm.Format.VIGI_MULTIPART,
                "10.0.0.2",
                "98:BA:5F:8B:10:03",
                "InSight S445",
                List.of(event),
                jpeg == null ? null : ImageBytes.of(jpeg));
    }

    @Test
    void announcesEveryThingWithRetainedDiscoveryAvailabilityAndStates() throws Exception {
        connected();
        probe.awaitLatest("camalarm/porch/status", m -> true);
        // a subscriber that comes later (Home Assistant restarting) gets everything from the broker: retained
        MqttProbe late = new MqttProbe(broker.uri());
        MqttProbe.Received motion =
                late.awaitLatest("homeassistant/binary_sensor/camalarm_frontdoor/motionAlarm/config", m -> true);
        assertTrue(motion.retained());
        JsonObject config = JsonParser.parseString(motion.text()).getAsJsonObject();
        assertEquals(
                "camalarm/frontdoor/motionAlarm/state",
                config.get("state_topic").getAsString());
        assertEquals("motion", config.get("device_class").getAsString());
        MqttProbe.Received power = late.awaitLatest("homeassistant/switch/camalarm_porch/power/config", m -> true);
        assertTrue(power.retained());
        assertEquals(
                "camalarm/porch/power/set",
                JsonParser.parseString(power.text())
                        .getAsJsonObject()
                        .get("command_topic")
                        .getAsString());
        assertEquals(
                "OFF",
                late.awaitLatest("camalarm/frontdoor/motionAlarm/state", m -> m.retained())
                        .text());
        assertEquals(
                "online",
                late.awaitLatest("camalarm/frontdoor/status", m -> m.retained()).text());
        assertEquals(
                "online", late.awaitLatest("camalarm/status", m -> m.retained()).text());
        late.close();
        assertEquals(ThingStatusInfo.Status.ONLINE, observer.last().status());
    }

    @Test
    void alarmTurnsDetectionOnFiresAnEventAndPublishesTheExactSnapshot() throws Exception {
        connected();
        probe.awaitLatest("camalarm/frontdoor/humanAlarm/state", m -> m.text().equals("OFF"));
        byte[] jpeg = new byte[70_000];
        for (int i = 0; i < jpeg.length; i++) {
            jpeg[i] = (byte) (i * 31 + 7); // every byte value, and no text encoding would survive it
        }
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;

        camera.accept(alarm("PERSON", jpeg));

        probe.awaitLatest("camalarm/frontdoor/humanAlarm/state", m -> m.text().equals("ON"));
        MqttProbe.Received image = probe.awaitLatest("camalarm/frontdoor/image/state", m -> true);
        assertArrayEquals(jpeg, image.payload());
        MqttProbe.Received event = probe.awaitLatest("camalarm/frontdoor/humanAlarm/event", m -> true);
        assertFalse(event.retained(), "Home Assistant drops retained events");
        JsonObject json = JsonParser.parseString(event.text()).getAsJsonObject();
        assertEquals("detected", json.get("event_type").getAsString());
        assertEquals("PERSON", probe.text("camalarm/frontdoor/lastEventType/state"));
        assertEquals("2026-12-01T11:00:00Z", probe.text("camalarm/frontdoor/lastEventTime/state"));
        // the camera reported its MAC and model: the device block says so now
        probe.awaitLatest(
                "homeassistant/binary_sensor/camalarm_frontdoor/humanAlarm/config",
                m -> m.text().contains("\"connections\":[[\"mac\",\"98:ba:5f:8b:10:03\"]]")
                        && m.text().contains("\"model\":\"InSight S445\""));
    }

    @Test
    void commandOnASwitchTopicReachesTheRelayButRetainedCommandsDoNot() throws Exception {
        try (MqttProbe earlier = new MqttProbe(broker.uri())) {
            // left on the broker by someone long ago: the bridge gets it as retained when it subscribes
            earlier.publish("camalarm/porch/power/set", "OFF", true);
        }
        connected();
        probe.publish("camalarm/porch/power/set", "ON", false);
        probe.publish("camalarm/porch/pulse/press", "PRESS", false);
        probe.publish("camalarm/porch/lastResult/set", "x", false); // read-only: refused

        await().atMost(Mosquitto.PATIENCE).until(() -> relay.received.size() >= 2);
        assertEquals(List.of("power ON", "pulse PRESS"), relay.received);
        probe.awaitLatest("camalarm/porch/power/state", m -> m.text().equals("ON"));
        probe.publish("camalarm/porch/power/set", "", true); // clears the retained command again
    }

    @Test
    void brokerDownNeverBlocksAChangeAndTheLatestStatesComeBackWithin10Seconds() throws Exception {
        connected();
        probe.awaitLatest("camalarm/frontdoor/motionAlarm/state", m -> m.text().equals("OFF"));
        broker.stop();
        await().atMost(Mosquitto.PATIENCE).until(() -> observer.last().status() == ThingStatusInfo.Status.OFFLINE);

        // alarms keep coming from several threads: each change is only noted, none waits for the broker
        List<Long> slowest = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            String channel = List.of("motionAlarm", "carAlarm", "humanAlarm", "tamperAlarm")
                    .get(t);
            new Thread(() -> {
                        long worst = 0;
                        for (int i = 0; i < 5_000; i++) {
                            long start = System.nanoTime();
                            camera.thing().updateState(channel, State.onOff(i % 2 == 0));
                            worst = Math.max(worst, System.nanoTime() - start);
                        }
                        slowest.add(worst);
                        done.countDown();
                    })
                    .start();
        }
        // all 20,000 changes are done while the broker is still down: none waited for it to come back
        assertTrue(done.await(60, TimeUnit.SECONDS), "changes were held up while the broker was down");
        // and none waited for a connect attempt; the bound is loose, as 2 shared cores pause threads for 0.7 s
        assertTrue(
                slowest.stream().allMatch(n -> n < TimeUnit.SECONDS.toNanos(2)),
                "a change waited for the dead broker: " + slowest);
        camera.accept(alarm("MOTION", null)); // the latest: motion ON (the loop ended on OFF)
        camera.accept(alarm("VEHICLE", null));

        broker.restart();
        long restarted = System.nanoTime();
        probe.reconnect();
        // the broker forgot everything (no persistence): what it holds now was published again
        probe.awaitLatest("homeassistant/binary_sensor/camalarm_frontdoor/motionAlarm/config", m -> true);
        probe.awaitLatest("camalarm/frontdoor/motionAlarm/state", m -> m.text().equals("ON"));
        probe.awaitLatest("camalarm/frontdoor/carAlarm/state", m -> m.text().equals("ON"));
        probe.awaitLatest("camalarm/porch/status", m -> m.text().equals("online"));
        probe.awaitLatest("camalarm/status", m -> m.text().equals("online"));
        assertTrue(System.nanoTime() - restarted < TimeUnit.SECONDS.toNanos(10));
        assertEquals(ThingStatusInfo.Status.ONLINE, observer.last().status());
    }

    @Test
    void wrongPasswordIsAConfigurationErrorRetriedOnlyAtTheLongestDelay() throws Exception {
        long refusedBefore = broker.lines("not authorised");
        start(TestSettings.of(broker.uri(), "wrong"));
        await().atMost(Mosquitto.PATIENCE)
                .until(() -> observer.last().detail() == ThingStatusInfo.Detail.CONFIGURATION_ERROR);
        String description = observer.last().description();
        assertTrue(description.contains("not authorised") && description.contains("user 'camalarm'"), description);
        assertFalse(description.contains("wrong"), "the password must never be shown: " + description);

        long since = System.nanoTime();
        await().pollDelay(Duration.ofMillis(3500)).until(() -> true); // watch the broker for 3.5 s
        double seconds = (System.nanoTime() - since) / 1e9;
        long attempts = broker.lines("not authorised") - refusedBefore;
        // backoff from 0.1 s would make ~10 attempts here; a refused password waits the maximum (1 s)
        assertTrue(attempts <= seconds + 2, attempts + " attempts in " + seconds + " s: " + broker.log());
    }

    @Test
    void removedThingLeavesNoDiscoveryEntryOrStateBehind() throws Exception {
        connected();
        String config = "homeassistant/switch/camalarm_porch/power/config";
        probe.awaitLatest(config, m -> m.payload().length > 0);
        probe.awaitLatest("camalarm/porch/status", m -> true);

        registry.unregister(relay);

        probe.awaitLatest(config, m -> m.payload().length == 0);
        probe.awaitLatest("camalarm/porch/status", m -> m.payload().length == 0);
        // a new subscriber finds nothing retained for it
        try (MqttProbe late = new MqttProbe(broker.uri(), "homeassistant/+/camalarm_porch/#", "camalarm/porch/#")) {
            assertEquals(List.of(), late.retainedTopics("camalarm/porch/probe-marker"));
        }
    }

    @Test
    void whatAFormerRunLeftForAThingThatIsGoneIsClearedAfterTheGracePeriod() throws Exception {
        Path kept = dir.resolve("retained-" + System.nanoTime());
        probe = new MqttProbe(broker.uri());
        session = new MqttSession(
                TestSettings.of(broker.uri(), Mosquitto.PASSWORD), queue, registry, observer, kept, Duration.ZERO);
        session.start();
        String porch = "homeassistant/switch/camalarm_porch/power/config";
        probe.awaitLatest(porch, m -> m.payload().length > 0);
        session.stop(); // the hub stops; the relay's file is deleted meanwhile; the hub starts again
        registry.unregister(relay);
        queue.take();

        session = new MqttSession(
                TestSettings.of(broker.uri(), Mosquitto.PASSWORD),
                queue,
                registry,
                observer,
                kept,
                Duration.ofMillis(300));
        session.start();
        probe.awaitLatest(porch, m -> m.payload().length == 0);
        probe.awaitLatest("camalarm/porch/status", m -> m.payload().length == 0);
        // the camera is still there: its entities and states stay
        assertEquals("OFF", probe.text("camalarm/frontdoor/motionAlarm/state"));
        assertTrue(probe.latest
                        .get("homeassistant/binary_sensor/camalarm_frontdoor/motionAlarm/config")
                        .payload()
                        .length
                > 0);
    }

    @Test
    void aNewBaseTopicClearsWhatTheOldOneLeft() throws Exception {
        Path kept = dir.resolve("retained-" + System.nanoTime());
        probe = new MqttProbe(broker.uri());
        session = new MqttSession(
                TestSettings.of(broker.uri(), Mosquitto.PASSWORD), queue, registry, observer, kept, Duration.ZERO);
        session.start();
        String old = "homeassistant/binary_sensor/camalarm_frontdoor/motionAlarm/config";
        probe.awaitLatest(old, m -> m.payload().length > 0);
        session.stop();

        MqttSettings moved = TestSettings.of(broker.uri(), Mosquitto.PASSWORD);
        moved = new MqttSettings(
                moved.broker(),
                moved.username(),
                moved.password(),
                moved.clientId(),
                "site2",
                moved.discoveryPrefix(),
                true,
                true,
                moved.snapshotEntity(),
                1,
                null,
                null,
                null,
                moved.reconnectDelay(),
                moved.maxReconnectDelay(),
                "0.1.0");
        session = new MqttSession(moved, queue, registry, observer, kept, Duration.ofMillis(300));
        session.start();
        probe.awaitLatest(
                "homeassistant/binary_sensor/site2_frontdoor/motionAlarm/config", m -> m.payload().length > 0);
        probe.awaitLatest(old, m -> m.payload().length == 0);
        probe.awaitLatest("camalarm/frontdoor/motionAlarm/state", m -> m.payload().length == 0);
    }

    @Test
    void stopSaysOfflineAndLeavesNoThreadBehind() throws Exception {
        connected();
        session.stop();
        session = null;
        probe.awaitLatest("camalarm/status", m -> m.text().equals("offline"));
        await().atMost(Mosquitto.PATIENCE)
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals(MqttSession.THREAD)
                                || t.getName().contains("camalarm-test")));
    }

    /** The statuses the session reported, the latest last. */
    static final class RecordingObserver implements ConnectionReport.Observer {
        final List<ThingStatusInfo> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void status(ThingStatusInfo status) {
            statuses.add(status);
        }

        @Override
        public void property(String name, String value) {}

        ThingStatusInfo last() {
            return statuses.isEmpty() ? ThingStatusInfo.UNKNOWN : statuses.get(statuses.size() - 1);
        }
    }
}
