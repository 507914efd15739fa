package org.camalarm.target;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.camalarm.config.Seconds;
import org.camalarm.push.DeviceFamily;
import org.camalarm.push.DeviceSettings;
import org.camalarm.push.GenericCommand;
import org.camalarm.push.SwitchCommand;
import org.camalarm.push.SwitchState;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a device type makes of its configuration: the switch commands it offers (each becomes a
 * channel: ON/OFF {@code power}, TOGGLE {@code toggle}, PULSE {@code pulse}), its named commands
 * (one channel each, for {@code http} things) and the state each leaves the device in, whether the
 * device's state can be read back (then {@code power} shows it), and how to find its family — at
 * once, or by asking the device (Shelly generation detection).
 *
 * @param namedStates the state a named command declares it leaves the device in (read back to confirm it)
 * @param readsState  whether the family reads the switch state ({@link DeviceFamily#readsState()})
 */
record TargetPlan(
        Set<SwitchCommand> switchCommands,
        Map<String, GenericCommand> namedCommands,
        Map<String, SwitchState> namedStates,
        boolean readsState,
        Function<DeviceSettings, CompletableFuture<DeviceFamily>> family) {

    static TargetPlan of(DeviceFamily family) {
        return new TargetPlan(
                family.supportedCommands(),
                Map.of(),
                Map.of(),
                family.readsState(),
                s -> CompletableFuture.completedFuture(family));
    }

    /** A number the device offers only in a range: relay, switch, port numbers. */
    static int checked(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** A pulse length; {@code null} for 0 (the device's own preset). */
    static @Nullable Duration pulse(double seconds) {
        Duration pulse = Seconds.of("pulseTime", seconds);
        return pulse.isZero() ? null : pulse;
    }
}
