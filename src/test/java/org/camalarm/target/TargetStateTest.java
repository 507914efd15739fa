package org.camalarm.target;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camalarm.push.AxisIo;
import org.camalarm.push.Confirmation;
import org.camalarm.push.DeviceFamily;
import org.camalarm.push.DeviceSettings;
import org.camalarm.push.Protocol;
import org.camalarm.push.PushResult;
import org.camalarm.push.SharedTransport;
import org.camalarm.push.ShellyGen1;
import org.camalarm.push.ShellyKind;
import org.camalarm.push.StatefulDevice;
import org.camalarm.push.StatefulDevice.Kind;
import org.camalarm.push.TwoNWebRelay;
import org.camalarm.thing.RecordingThingEvents;
import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingUID;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push target follows its device: commands are confirmed by the state read back, and the state is
 * read every refresh interval (time moved by hand) from loopback relays that keep a real state.
 */
class TargetStateTest {

    private static final Duration REFRESH = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-12-02T10:00:00Z"));
    private final RecordingThingEvents events = new RecordingThingEvents();
    private final SharedTransport transport = new SharedTransport();
    private StatefulDevice relay;
    private TargetHandler handler;

    @AfterEach
    void stop() {
        if (handler != null) {
            handler.dispose();
        }
        if (relay != null) {
            relay.close();
        }
        transport.close();
    }

    private TargetHandler start(Kind kind, DeviceFamily family, Duration refresh) throws Exception {
        relay = StatefulDevice.start(kind);
        TargetPlan plan = TargetPlan.of(family);
        Thing thing = new Thing(
                new ThingUID("test", "relay"), "Relay", Map.of(), false, TargetLifecycle.channels(plan), events);
        handler = new TargetHandler(
                thing,
                DeviceSettings.of(Protocol.HTTP, "127.0.0.1", relay.port()).withTimeout(Duration.ofMillis(1500)),
                plan,
                null,
                refresh,
                timers,
                new PinStore(dir.resolve("pins.properties")),
                transport,
                (target, channelId, command, test, result) -> {});
        handler.startPolling();
        return handler;
    }

    private String power() {
        return handler.thing().state(TargetChannels.POWER).text();
    }

    private ThingStatusInfo status() {
        return handler.thing().status();
    }

    /** Moves time by one refresh interval, as often as needed, until the condition holds. */
    private void pollUntil(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    timers.advance(REFRESH);
                    return condition.call();
                });
    }

    /** The result, moving time on so that a contradicting reading is read again (after half a second). */
    private PushResult done(java.util.concurrent.CompletableFuture<PushResult> pending) throws Exception {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    timers.advance(Duration.ofMillis(500));
                    return pending.isDone();
                });
        return pending.get(1, TimeUnit.SECONDS);
    }

    @Test
    void theFirstReadShowsTheDeviceOnlineWithItsStateWithoutAnyCommand() throws Exception {
        start(Kind.SHELLY_GEN1, new ShellyGen1(0, ShellyKind.RELAY, null), REFRESH);
        assertEquals(ThingStatusInfo.UNKNOWN, status());

        pollUntil(() -> status().equals(ThingStatusInfo.ONLINE));

        assertEquals("OFF", power());
        assertEquals(0, relay.commands());
        assertEquals("NULL", handler.thing().state(TargetChannels.LAST_PUSH).text(), "a read is no push");
    }

    @Test
    void aRelaySwitchedByHandShowsItsNewStateAsAnOrdinaryChannelChange() throws Exception {
        start(Kind.TWO_N_RELAY, new TwoNWebRelay(1, null), REFRESH);
        pollUntil(() -> "OFF".equals(power()));

        relay.switchByHand(true);
        pollUntil(() -> "ON".equals(power()));

        assertTrue(events.lines.contains("state camalarm:test:relay:power OFF->ON"), events.lines.toString());
        assertEquals(0, relay.commands());
    }

    @Test
    void aDeviceThatStopsAnsweringGoesOfflineWithTheReasonAndComesBackByItself() throws Exception {
        start(Kind.AXIS, new AxisIo(1, null), REFRESH);
        pollUntil(() -> status().equals(ThingStatusInfo.ONLINE));

        relay.mute();
        pollUntil(() -> status().status() == ThingStatusInfo.Status.OFFLINE);
        assertEquals(ThingStatusInfo.Detail.COMMUNICATION_ERROR, status().detail());
        assertTrue(status().description().startsWith("UNREACHABLE: timed out"), status().description());

        relay.unmute();
        pollUntil(() -> status().equals(ThingStatusInfo.ONLINE));
        assertEquals(0, relay.commands(), "back ONLINE without any command");
    }

    @Test
    void aCommandIsConfirmedAndPowerShowsTheDevicesState() throws Exception {
        start(Kind.SHELLY_GEN1, new ShellyGen1(0, ShellyKind.RELAY, null), REFRESH);

        PushResult on = done(handler.command(TargetChannels.POWER, "ON"));

        assertEquals(Confirmation.TRUE, on.confirmed(), on::toString);
        assertEquals("ON", power());
        assertTrue(
                handler.thing().state(TargetChannels.LAST_RESULT).text().startsWith("OK: HTTP 200 OK, reads back ON"));
    }

    @Test
    void aCommandToADisposedHandlerIsNotSentAndSaysWhy() throws Exception {
        start(Kind.SHELLY_GEN1, new ShellyGen1(0, ShellyKind.RELAY, null), null);
        handler.dispose(); // reconfigured: a rule or REST call still holding it must not reach the device

        PushResult on = done(handler.command(TargetChannels.POWER, "ON"));

        assertFalse(on.success());
        assertEquals("not sent: the thing was removed or reconfigured", on.detail());
        assertEquals(0, relay.commands());
    }

    @Test
    void aCommandTheDeviceIgnoredFailsNotConfirmedAndPowerKeepsTheDevicesState() throws Exception {
        start(Kind.SHELLY_GEN1, new ShellyGen1(0, ShellyKind.RELAY, null), REFRESH);
        relay.ignoringCommands();

        PushResult on = done(handler.command(TargetChannels.POWER, "ON"));
        PushResult test = done(handler.test("ON"));

        for (PushResult result : new PushResult[] {on, test}) {
            assertFalse(result.success());
            assertEquals(PushResult.Reason.NOT_CONFIRMED, result.reason(), result::toString);
        }
        assertEquals("OFF", power());
        assertEquals(ThingStatusInfo.ONLINE, status(), "it answered: reachable, just not obeying");
        assertTrue(handler.thing().state(TargetChannels.LAST_RESULT).text().startsWith("NOT_CONFIRMED: "));
    }

    @Test
    void aPulseShowsOnThenTheDevicesOwnSwitchingBackWithoutAMismatch() throws Exception {
        start(Kind.SHELLY_GEN1, new ShellyGen1(0, ShellyKind.RELAY, Duration.ofSeconds(1)), null);

        PushResult pulse = done(handler.command(TargetChannels.PULSE, "ON"));

        assertTrue(pulse.success(), pulse::toString);
        assertEquals("ON", power());
        await().atMost(Duration.ofSeconds(10)).until(() -> !relay.isOn());
        timers.advance(Duration.ofSeconds(2)); // the read after the pulse, even without polling
        await().atMost(Duration.ofSeconds(10)).until(() -> "OFF".equals(power()));
        assertEquals(ThingStatusInfo.ONLINE, status());
    }

    @Test
    void withoutARefreshIntervalNothingIsReadUntilACommand() throws Exception {
        start(Kind.SHELLY_GEN1, new ShellyGen1(0, ShellyKind.RELAY, null), null);
        relay.switchByHand(true);

        timers.advance(Duration.ofMinutes(10));

        assertEquals(0, timers.pending());
        assertEquals(State.NULL.text(), power());
        assertEquals(List.of(), relay.device().requestLines(), "the device was not asked anything");

        PushResult toggled = done(handler.command(TargetChannels.TOGGLE, "ON"));

        assertTrue(toggled.success(), toggled::toString);
        assertEquals("OFF", power(), "the command reads back the state switched by hand, then toggled");
    }
}
