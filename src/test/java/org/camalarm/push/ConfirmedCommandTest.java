package org.camalarm.push;

import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camalarm.push.PushResult.Reason;
import org.camalarm.push.StatefulDevice.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Commands confirmed by reading the state back, against loopback relays that keep a real state. */
class ConfirmedCommandTest {

    private static DeviceFamily family(Kind kind) {
        return switch (kind) {
            case SHELLY_GEN1 -> new ShellyGen1(0, ShellyKind.RELAY, Duration.ofSeconds(2));
            case SHELLY_GEN2 -> new ShellyGen2(0, ShellyKind.RELAY, Duration.ofSeconds(2));
            case TWO_N_RELAY -> new TwoNWebRelay(1, Duration.ofSeconds(2));
            case TWO_N_INTERCOM -> new TwoNIntercom(1);
            case AXIS -> new AxisIo(1, Duration.ofSeconds(2));
        };
    }

    private static StateReading read(PushCommandSender sender) throws Exception {
        return sender.readState().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyFamilyConfirmsOnAndOffByItsState(Kind kind) throws Exception {
        try (StatefulDevice relay = StatefulDevice.start(kind);
                PushCommandSender sender = TestPush.sender(loopback(Protocol.HTTP, relay.port()), family(kind))) {
            PushResult on = await(sender.sendConfirmed(SwitchCommand.ON, null));
            assertEquals(Reason.OK, on.reason(), on::toString);
            assertEquals(Confirmation.TRUE, on.confirmed());
            assertEquals(SwitchState.ON, on.state());
            assertTrue(relay.isOn());

            PushResult off = await(sender.sendConfirmed(SwitchCommand.OFF, SwitchState.ON));
            assertEquals(Confirmation.TRUE, off.confirmed(), off::toString);
            assertEquals(SwitchState.OFF, off.state());
            assertEquals(SwitchState.OFF, read(sender).state());
        }
    }

    @Test
    void theExactRequestsAreTheCommandThenTheStateRead() throws Exception {
        try (StatefulDevice relay = StatefulDevice.start(Kind.SHELLY_GEN1);
                PushCommandSender sender =
                        TestPush.sender(loopback(Protocol.HTTP, relay.port()), family(Kind.SHELLY_GEN1))) {
            await(sender.sendConfirmed(SwitchCommand.ON, null));

            assertEquals(
                    List.of("GET /relay/0?turn=on", "GET /relay/0"),
                    relay.device().requestLines());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeviceThatIgnoresCommandsFailsThemNotConfirmed(Kind kind) throws Exception {
        try (StatefulDevice relay = StatefulDevice.start(kind).ignoringCommands();
                PushCommandSender sender = TestPush.sender(loopback(Protocol.HTTP, relay.port()), family(kind))) {
            PushResult on = await(sender.sendConfirmed(SwitchCommand.ON, SwitchState.OFF));

            assertFalse(on.success());
            assertEquals(Reason.NOT_CONFIRMED, on.reason(), on::toString);
            assertEquals(Confirmation.FALSE, on.confirmed());
            assertEquals(SwitchState.OFF, on.state());
            assertEquals(200, on.status());
            assertTrue(on.detail().contains("reads back OFF"), on.detail());
            assertTrue(on.latencyMs() >= ReadBack.SETTLE.toMillis(), "read once more before failing");
        }
    }

    @Test
    void aToggleIsConfirmedAgainstTheStateBefore() throws Exception {
        try (StatefulDevice relay = StatefulDevice.start(Kind.SHELLY_GEN2);
                PushCommandSender sender =
                        TestPush.sender(loopback(Protocol.HTTP, relay.port()), family(Kind.SHELLY_GEN2))) {
            relay.switchByHand(true);
            PushResult toggled = await(sender.sendConfirmed(SwitchCommand.TOGGLE, SwitchState.ON));

            assertEquals(Confirmation.TRUE, toggled.confirmed(), toggled::toString);
            assertEquals(SwitchState.OFF, toggled.state());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"SHELLY_GEN1", "SHELLY_GEN2", "TWO_N_RELAY", "AXIS"})
    void aPulseIsConfirmedOnAndTheDeviceSwitchesItselfBack(Kind kind) throws Exception {
        try (StatefulDevice relay = StatefulDevice.start(kind);
                PushCommandSender sender = TestPush.sender(loopback(Protocol.HTTP, relay.port()), family(kind))) {
            PushResult pulse = await(sender.sendConfirmed(SwitchCommand.PULSE, SwitchState.OFF));

            assertEquals(Confirmation.TRUE, pulse.confirmed(), pulse::toString);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> read(sender).state() == SwitchState.OFF);
        }
    }

    @Test
    void aDeviceSwitchedByHandReadsItsNewState() throws Exception {
        try (StatefulDevice relay = StatefulDevice.start(Kind.TWO_N_RELAY);
                PushCommandSender sender =
                        TestPush.sender(loopback(Protocol.HTTP, relay.port()), family(Kind.TWO_N_RELAY))) {
            assertEquals(SwitchState.OFF, read(sender).state());
            relay.switchByHand(true);

            StateReading reading = read(sender);

            assertEquals(SwitchState.ON, reading.state());
            assertEquals("ON (relay 1 state 1)", reading.result().detail());
            assertEquals(0, relay.commands(), "reading sends no command");
        }
    }

    @Test
    void aDeviceThatStopsAnsweringGivesAFailedReadingWithTheReason() throws Exception {
        try (StatefulDevice relay = StatefulDevice.start(Kind.AXIS)) {
            DeviceSettings settings = loopback(Protocol.HTTP, relay.port()).withTimeout(Duration.ofMillis(1500));
            try (PushCommandSender sender = TestPush.sender(settings, family(Kind.AXIS))) {
                org.awaitility.Awaitility.await() // a cold client on a loaded machine may need a second try
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> read(sender).state() == SwitchState.OFF);
                relay.mute();
                StateReading reading = read(sender);

                assertNull(reading.state());
                assertEquals(Reason.UNREACHABLE, reading.result().reason());
                assertTrue(
                        reading.result().detail().contains("timed out"),
                        reading.result().detail());

                PushResult on = await(sender.sendConfirmed(SwitchCommand.ON, null));
                assertEquals(Reason.UNREACHABLE, on.reason(), "the command itself went unanswered");
                assertEquals(Confirmation.UNKNOWN, on.confirmed());

                relay.unmute();
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> read(sender).state() == SwitchState.OFF);
            }
        }
    }

    @Test
    void aGenericDeviceIsConfirmedByItsDeclaredStatus() throws Exception {
        try (StatefulDevice relay = StatefulDevice.start(Kind.SHELLY_GEN1)) {
            GenericCommand on = GenericCommand.parse("GET relay/0?turn=on");
            GenericHttp family = new GenericHttp(
                    Map.of(SwitchCommand.ON, on), GenericCommand.parse("GET relay/0"), StateRule.pointer("/ison"));
            try (PushCommandSender sender = TestPush.sender(loopback(Protocol.HTTP, relay.port()), family)) {
                PushResult named = await(sender.sendConfirmed(on, SwitchState.ON));
                assertEquals(Confirmation.TRUE, named.confirmed(), named::toString);

                relay.ignoringCommands();
                PushResult undeclared = await(sender.sendConfirmed(GenericCommand.parse("GET relay/0?turn=off"), null));
                assertEquals(Reason.OK, undeclared.reason(), "a command that declares no state cannot be contradicted");
                assertEquals(Confirmation.UNKNOWN, undeclared.confirmed());
                assertEquals(SwitchState.ON, undeclared.state());
            }
        }
    }

    @Test
    void aFamilyWithoutStateSendsTheCommandAlone() throws Exception {
        try (FakeDevice lamp = FakeDevice.http(r -> FakeDevice.Reply.of(200, "ok"));
                PushCommandSender sender = TestPush.sender(
                        loopback(Protocol.HTTP, lamp.port()),
                        new GenericHttp(Map.of(SwitchCommand.ON, GenericCommand.parse("POST light?on"))))) {
            PushResult on = await(sender.sendConfirmed(SwitchCommand.ON, null));

            assertEquals(Reason.OK, on.reason());
            assertEquals(Confirmation.UNKNOWN, on.confirmed());
            assertEquals(List.of("POST /light?on"), lamp.requestLines());
            assertFalse(sender.readsState());
        }
    }
}
