package org.camalarm.push;

/** What a relay or light channel is told to do. */
public enum SwitchCommand {
    /** Switch on and stay on. */
    ON,
    /** Switch off. */
    OFF,
    /** Invert the current state (the device keeps the state, we do not). */
    TOGGLE,
    /** Switch on for the family's pulse time, then off again (timed by the device). */
    PULSE
}
