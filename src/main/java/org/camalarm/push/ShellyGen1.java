package org.camalarm.push;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Shelly Gen1 relays and dimmers: {@code GET /relay/{index}?turn=on|off|toggle}, pulse
 * {@code turn=on&timer=N} (whole seconds, rounded up); {@code /light/{index}} for the light kind.
 * Authentication is optional Basic. Success is any 2xx (the device answers 200 with its state;
 * 400 for a wrong mode, 401 for a wrong password).
 *
 * @param index     the relay or light channel, from 0
 * @param kind      relay or light
 * @param pulseTime the pulse length, or {@code null} for 1 second
 */
public record ShellyGen1(
        int index, ShellyKind kind, @Nullable Duration pulseTime) implements DeviceFamily {

    public ShellyGen1 {
        PulseTimes.checkIndex("index", index, 0);
        Objects.requireNonNull(kind, "kind");
        PulseTimes.check(pulseTime);
    }

    @Override
    public String label() {
        return "Shelly Gen1";
    }

    @Override
    public Set<SwitchCommand> supportedCommands() {
        return EnumSet.allOf(SwitchCommand.class);
    }

    @Override
    public PushRequest request(SwitchCommand command, DeviceSettings device) {
        String query = switch (command) {
            case ON -> "turn=on";
            case OFF -> "turn=off";
            case TOGGLE -> "turn=toggle";
            case PULSE -> "turn=on&timer=" + PulseTimes.wholeSeconds(PulseTimes.orDefault(pulseTime));
        };
        return PushRequest.of(device, "GET", "/" + kind.gen1Path() + "/" + index + "?" + query);
    }
}
