package org.camalarm.target;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.camalarm.push.DeviceFamily;
import org.camalarm.push.DeviceSettings;
import org.camalarm.push.GenericCommand;
import org.camalarm.push.SwitchCommand;

/**
 * What a device type makes of its configuration: the switch commands it offers (each becomes a
 * channel: ON/OFF {@code power}, TOGGLE {@code toggle}, PULSE {@code pulse}), its named commands
 * (one channel each, for {@code http} things), and how to find its family — at once, or by asking
 * the device (Shelly generation detection).
 */
record TargetPlan(
        Set<SwitchCommand> switchCommands,
        Map<String, GenericCommand> namedCommands,
        Function<DeviceSettings, CompletableFuture<DeviceFamily>> family) {

    static TargetPlan of(DeviceFamily family) {
        return new TargetPlan(family.supportedCommands(), Map.of(), s -> CompletableFuture.completedFuture(family));
    }
}
