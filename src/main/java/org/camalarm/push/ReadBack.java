package org.camalarm.push;

import java.time.Duration;
import java.util.Optional;
import org.camalarm.push.PushResult.Reason;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Confirming a command by the device's state read back after it: what to expect, and the verdict.
 * Pure functions; {@link PushCommandSender#sendConfirmed} does the reading.
 *
 * <p>ON must read back ON and OFF OFF; TOGGLE the opposite of the state known before (nothing is
 * expected when it was unknown). A PULSE must read back ON, but OFF is no mismatch once the pulse
 * could be over (its length unknown, or less than {@link #PULSE_MARGIN} of it left when the reading
 * came): the device switching itself back is what a pulse does.
 */
final class ReadBack {

    /** A device may switch a moment after it answers: one more read after this before a mismatch counts. */
    static final Duration SETTLE = Duration.ofMillis(500);
    /** A pulse read back OFF with less than this left of it may simply be over. */
    static final Duration PULSE_MARGIN = Duration.ofMillis(250);

    /**
     * What the device should read back after a command.
     *
     * @param state the state, or {@code null} when nothing in particular is expected
     * @param pulse whether the command was a pulse
     * @param pulseLength how long the pulse keeps the device on, when known
     */
    record Expectation(
            @Nullable SwitchState state,
            boolean pulse,
            @Nullable Duration pulseLength) {

        /** An {@code http} thing's command: the state it declares, or none. */
        static Expectation of(@Nullable SwitchState state) {
            return new Expectation(state, false, null);
        }

        /** A switch command, given the state known before it and the family's pulse length. */
        static Expectation of(SwitchCommand command, @Nullable SwitchState before, Optional<Duration> pulseLength) {
            return switch (command) {
                case ON -> of(SwitchState.ON);
                case OFF -> of(SwitchState.OFF);
                case TOGGLE -> of(before == null ? null : before.opposite());
                case PULSE -> new Expectation(SwitchState.ON, true, pulseLength.orElse(null));
            };
        }
    }

    private ReadBack() {}

    /** Whether a reading contradicts a plain ON/OFF/TOGGLE expectation, so one more read is due after {@link #SETTLE}. */
    static boolean worthRereading(Expectation expected, StateReading reading) {
        SwitchState state = reading.state();
        return !expected.pulse() && expected.state() != null && state != null && state != expected.state();
    }

    /**
     * The command's result after reading back.
     *
     * @param command the command's successful result
     * @param totalMs milliseconds from sending the command to the reading
     */
    static PushResult judge(PushResult command, Expectation expected, StateReading reading, long totalMs) {
        SwitchState state = reading.state();
        String sent = command.detail();
        if (state == null) {
            PushResult read = reading.result();
            return command.readBack(
                    Reason.OK,
                    sent + "; state not read back: " + read.reason() + ": " + read.detail(),
                    Confirmation.UNKNOWN,
                    null,
                    totalMs);
        }
        String readDetail = reading.result().detail();
        SwitchState wanted = expected.state();
        if (wanted == null) {
            return command.readBack(
                    Reason.OK, sent + ", reads back " + readDetail, Confirmation.UNKNOWN, state, totalMs);
        }
        if (state == wanted) {
            return command.readBack(Reason.OK, sent + ", reads back " + readDetail, Confirmation.TRUE, state, totalMs);
        }
        if (expected.pulse() && !pulseSurelyRunning(expected.pulseLength(), totalMs)) {
            return command.readBack(
                    Reason.OK,
                    sent + ", reads back " + readDetail + " (the pulse may be over)",
                    Confirmation.UNKNOWN,
                    state,
                    totalMs);
        }
        return command.readBack(
                Reason.NOT_CONFIRMED,
                sent + ", but the device reads back " + readDetail + ", not " + wanted,
                Confirmation.FALSE,
                state,
                totalMs);
    }

    private static boolean pulseSurelyRunning(@Nullable Duration pulseLength, long elapsedMs) {
        return pulseLength != null && elapsedMs + PULSE_MARGIN.toMillis() < pulseLength.toMillis();
    }
}
