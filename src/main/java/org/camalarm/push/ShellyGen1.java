package org.camalarm.push;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Shelly Gen1 relays and dimmers: {@code GET /relay/{index}?turn=on|off|toggle}, pulse
 * {@code turn=on&timer=N} (whole seconds, rounded up); {@code /light/{index}} for the light kind.
 * Authentication is optional Basic. Success is any 2xx (the device answers 200 with its state;
 * 400 for a wrong mode, 401 for a wrong password).
 *
 * <p>State: {@code GET /relay/{index}} (or {@code /light/{index}}) answers the same object as a
 * command; {@code ison} is the state (old firmware sends only {@code ison} and {@code has_timer}).
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

    @Override
    public boolean readsState() {
        return true;
    }

    @Override
    public Optional<PushRequest> stateRequest(DeviceSettings device) {
        return Optional.of(PushRequest.of(device, "GET", "/" + kind.gen1Path() + "/" + index));
    }

    @Override
    public StateReply readState(int status, String body) {
        if (!HttpStatus.isSuccess(status)) {
            return StateReply.failed(status);
        }
        Optional<SwitchState> on = ison(body);
        return on.isPresent()
                ? StateReply.of(on.get(), "ison: " + (on.get() == SwitchState.ON))
                : StateReply.unreadable(status, "the reply has no boolean ison");
    }

    /** The pulse as sent: whole seconds, rounded up. */
    @Override
    public Optional<Duration> pulseLength() {
        return Optional.of(Duration.ofSeconds(PulseTimes.wholeSeconds(PulseTimes.orDefault(pulseTime))));
    }

    /** {@code ison} of a Gen1 relay or light object, e.g. {@code {"ison":true,"has_timer":false}}. */
    static Optional<SwitchState> ison(String body) {
        Optional<com.google.gson.JsonObject> json = JsonBodies.object(body);
        Boolean on = json.isPresent() ? JsonBodies.bool(json.get(), "ison") : null;
        return on == null ? Optional.empty() : Optional.of(SwitchState.of(on));
    }
}
