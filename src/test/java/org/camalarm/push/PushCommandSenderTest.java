package org.camalarm.push;

import static org.camalarm.push.Pushes.assertResult;
import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camalarm.push.FakeDevice.Reply;
import org.camalarm.time.MutableClock;
import org.junit.jupiter.api.Test;

class PushCommandSenderTest {

    @Test
    void coalescesRepeatsWithinTheMinimumInterval() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-05T15:05:01Z"));
        try (FakeDevice device = FakeDevice.http(request -> Reply.of(200, "{}"));
                PushCommandSender sender = TestPush.sender(
                        loopback(Protocol.HTTP, device.port()),
                        new ShellyGen1(0, ShellyKind.RELAY, null),
                        new IntervalGate(Duration.ofSeconds(2), clock),
                        f -> {})) {
            assertResult(PushResult.Reason.OK, "HTTP 200 OK", await(sender.send(SwitchCommand.ON)));
            clock.advance(Duration.ofMillis(500));
            PushResult repeat = await(sender.send(SwitchCommand.ON));
            await(sender.send(SwitchCommand.ON));
            PushResult other = await(sender.send(SwitchCommand.OFF));
            clock.advance(Duration.ofMillis(1500));
            PushResult later = await(sender.send(SwitchCommand.ON));

            assertResult(PushResult.Reason.INTERVAL, "coalesced: 1 repeat within 2 s", repeat);
            assertResult(PushResult.Reason.OK, "HTTP 200 OK", other);
            assertResult(PushResult.Reason.OK, "HTTP 200 OK", later);
            assertEquals(
                    List.of("GET /relay/0?turn=on", "GET /relay/0?turn=off", "GET /relay/0?turn=on"),
                    device.requestLines());
        }
    }

    @Test
    void anUnsupportedCommandFailsFast() {
        try (PushCommandSender sender =
                TestPush.sender(DeviceSettings.of(Protocol.HTTP, "127.0.0.1", 9), new AxisIo(1, null))) {
            assertEquals(
                    "Axis I/O cannot TOGGLE; it can [ON, OFF, PULSE]",
                    assertThrows(IllegalArgumentException.class, () -> sender.send(SwitchCommand.TOGGLE))
                            .getMessage());
        }
    }
}
