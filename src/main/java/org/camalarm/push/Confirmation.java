package org.camalarm.push;

import org.eclipse.jdt.annotation.Nullable;

/** Whether the device's state, read back after a command, shows the command carried out. */
public enum Confirmation {
    /** The device reads back the state the command asked for. */
    TRUE,
    /** The device reads back another state: the command failed with {@link PushResult.Reason#NOT_CONFIRMED}. */
    FALSE,
    /**
     * Not known: the family cannot read the state, the read failed, the command expects no
     * particular state (a toggle from an unknown state, an {@code http} command without one), or
     * a pulse was already over when read.
     */
    UNKNOWN;

    /** {@code true}, {@code false}, or {@code null} for unknown (JSON and event properties). */
    public @Nullable Boolean asBoolean() {
        return this == UNKNOWN ? null : this == TRUE;
    }
}
