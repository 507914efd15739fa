package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.camalarm.push.PushResult.Reason;
import org.camalarm.push.ReadBack.Expectation;
import org.junit.jupiter.api.Test;

/** Whether what a device reads back after a command confirms it. */
class ReadBackTest {

    private static final PushResult SENT = new PushResult(true, Reason.OK, "HTTP 200 OK", 200, 12, "{}", null);

    private static StateReading read(SwitchState state) {
        return new StateReading(state, new PushResult(true, Reason.OK, state + " (ison: x)", 200, 3, "", null));
    }

    private static Expectation expect(SwitchCommand command, SwitchState before, Duration pulse) {
        return Expectation.of(command, before, Optional.ofNullable(pulse));
    }

    @Test
    void onReadBackOnIsConfirmed() {
        PushResult result = ReadBack.judge(SENT, expect(SwitchCommand.ON, null, null), read(SwitchState.ON), 40);

        assertTrue(result.success());
        assertEquals(Confirmation.TRUE, result.confirmed());
        assertEquals(SwitchState.ON, result.state());
        assertEquals("HTTP 200 OK, reads back ON (ison: x)", result.detail());
        assertEquals(200, result.status());
        assertEquals(40, result.latencyMs());
    }

    @Test
    void onReadBackOffIsAFailureNotConfirmed() {
        PushResult result = ReadBack.judge(SENT, expect(SwitchCommand.ON, null, null), read(SwitchState.OFF), 40);

        assertFalse(result.success());
        assertEquals(Reason.NOT_CONFIRMED, result.reason());
        assertEquals(Confirmation.FALSE, result.confirmed());
        assertEquals(SwitchState.OFF, result.state());
        assertEquals("HTTP 200 OK, but the device reads back OFF (ison: x), not ON", result.detail());
        assertEquals(200, result.status(), "the command's own status stays");
    }

    @Test
    void aToggleExpectsTheOppositeOfTheKnownState() {
        assertEquals(
                Confirmation.TRUE,
                ReadBack.judge(SENT, expect(SwitchCommand.TOGGLE, SwitchState.OFF, null), read(SwitchState.ON), 5)
                        .confirmed());
        assertEquals(
                Reason.NOT_CONFIRMED,
                ReadBack.judge(SENT, expect(SwitchCommand.TOGGLE, SwitchState.ON, null), read(SwitchState.ON), 5)
                        .reason());
        PushResult unknownBefore =
                ReadBack.judge(SENT, expect(SwitchCommand.TOGGLE, null, null), read(SwitchState.ON), 5);
        assertEquals(Confirmation.UNKNOWN, unknownBefore.confirmed());
        assertEquals(SwitchState.ON, unknownBefore.state());
        assertTrue(unknownBefore.success());
    }

    @Test
    void aPulseSwitchingItselfBackIsNoMismatch() {
        Duration pulse = Duration.ofSeconds(1);
        assertEquals(
                Confirmation.TRUE,
                ReadBack.judge(SENT, expect(SwitchCommand.PULSE, null, pulse), read(SwitchState.ON), 50)
                        .confirmed());
        PushResult over = ReadBack.judge(SENT, expect(SwitchCommand.PULSE, null, pulse), read(SwitchState.OFF), 900);
        assertTrue(over.success(), over.toString());
        assertEquals(Confirmation.UNKNOWN, over.confirmed());
        assertTrue(over.detail().endsWith("(the pulse may be over)"), over.detail());
        PushResult preset = ReadBack.judge(SENT, expect(SwitchCommand.PULSE, null, null), read(SwitchState.OFF), 20);
        assertTrue(preset.success(), "a device-preset pulse may be shorter than the read");
    }

    @Test
    void aPulseReadBackOffWhileItMustStillRunWasNotCarriedOut() {
        PushResult result = ReadBack.judge(
                SENT, expect(SwitchCommand.PULSE, null, Duration.ofSeconds(5)), read(SwitchState.OFF), 60);

        assertEquals(Reason.NOT_CONFIRMED, result.reason());
    }

    @Test
    void aFailedReadLeavesTheCommandSuccessfulButUnconfirmed() {
        StateReading failed = new StateReading(
                null,
                new PushResult(false, Reason.UNREACHABLE, "connection refused by 127.0.0.1:9", null, 1, "", null));

        PushResult result = ReadBack.judge(SENT, expect(SwitchCommand.ON, null, null), failed, 30);

        assertTrue(result.success());
        assertEquals(Confirmation.UNKNOWN, result.confirmed());
        assertNull(result.state());
        assertEquals(
                "HTTP 200 OK; state not read back: UNREACHABLE: connection refused by 127.0.0.1:9", result.detail());
    }

    @Test
    void onlyAContradictedPlainCommandIsReadAgain() {
        assertTrue(ReadBack.worthRereading(expect(SwitchCommand.ON, null, null), read(SwitchState.OFF)));
        assertFalse(ReadBack.worthRereading(expect(SwitchCommand.ON, null, null), read(SwitchState.ON)));
        assertFalse(ReadBack.worthRereading(expect(SwitchCommand.PULSE, null, null), read(SwitchState.OFF)));
        assertFalse(ReadBack.worthRereading(Expectation.of(null), read(SwitchState.OFF)));
    }
}
