package org.camalarm.push;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The outcome of reading a device's switch state ({@link PushCommandSender#readState()}).
 *
 * @param state  the state the device reported; {@code null} exactly when the read failed
 * @param result the read's request outcome: reason and detail say why it failed (unreachable,
 *               rejected, an unreadable reply, ...), or which state was read
 */
public record StateReading(@Nullable SwitchState state, PushResult result) {

    public StateReading {
        if ((state != null) != result.success()) {
            throw new IllegalArgumentException("a state exactly when the read succeeded, got " + state + ", " + result);
        }
    }
}
