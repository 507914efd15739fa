package org.camalarm.push;

import java.util.Set;

/**
 * A family of devices we push to (docs/protocols.md section 2): the exact request for each
 * {@link SwitchCommand}, and how to read the reply ({@link ResponseJudge}), by status
 * <b>and</b> body where the family defines one. Implementations are immutable records holding
 * the family's parameters (relay index, pulse time, ...), validated on construction.
 */
public sealed interface DeviceFamily extends ResponseJudge
        permits ShellyGen1, ShellyGen2, TwoNWebRelay, TwoNIntercom, AxisIo, GenericHttp {

    /** The family's name for messages, e.g. {@code Shelly Gen2}. */
    String label();

    /** The commands this family can carry out. */
    Set<SwitchCommand> supportedCommands();

    /** Whether {@link #request} can build this command. */
    default boolean supports(SwitchCommand command) {
        return supportedCommands().contains(command);
    }

    /**
     * The request that carries out {@code command} on the device.
     *
     * @throws IllegalArgumentException when the family cannot do the command (see {@link #supportedCommands()})
     */
    PushRequest request(SwitchCommand command, DeviceSettings device);

    /** The settings as the family needs them (e.g. the default user name); unchanged by default. */
    default DeviceSettings adapt(DeviceSettings settings) {
        return settings;
    }

    /** Success for 2xx, unless the family overrides it. */
    @Override
    default Verdict judge(int status, String body) {
        return STATUS_2XX.judge(status, body);
    }

    /** The exception for a command the family cannot do. */
    static IllegalArgumentException unsupported(DeviceFamily family, SwitchCommand command) {
        return new IllegalArgumentException(
                family.label() + " cannot " + command + "; it can " + family.supportedCommands());
    }
}
