package org.camalarm.push;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Generic HTTP(S) or UDP devices (IP-controllable lights, web relays): each switch command the
 * user configured maps to a {@link GenericCommand}; commands without one are not supported.
 * Success is any 2xx (for UDP: the datagram was sent). Other named commands are sent with
 * {@link PushCommandSender#send(GenericCommand)}.
 *
 * <p>State: when the user declared a status command, it reads the state and {@code stateRule} says
 * how to find ON or OFF in its reply.
 *
 * @param commands  the configured commands (may be empty: then only named commands are sent)
 * @param status    the request that reads the state, or {@code null} when the device has none
 * @param stateRule how to read its reply; given exactly when {@code status} is
 */
public record GenericHttp(
        Map<SwitchCommand, GenericCommand> commands,
        @Nullable GenericCommand status,
        @Nullable StateRule stateRule) implements DeviceFamily {

    public GenericHttp {
        commands = commands.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(commands));
        if ((status == null) != (stateRule == null)) {
            throw new IllegalArgumentException(
                    "a status command needs a rule to read its reply, and the other way round");
        }
    }

    /** A device whose state cannot be read. */
    public GenericHttp(Map<SwitchCommand, GenericCommand> commands) {
        this(commands, null, null);
    }

    @Override
    public String label() {
        return "HTTP device";
    }

    @Override
    public Set<SwitchCommand> supportedCommands() {
        return commands.isEmpty() ? EnumSet.noneOf(SwitchCommand.class) : EnumSet.copyOf(commands.keySet());
    }

    @Override
    public PushRequest request(SwitchCommand command, DeviceSettings device) {
        GenericCommand configured = commands.get(command);
        if (configured == null) {
            throw DeviceFamily.unsupported(this, command);
        }
        return configured.toRequest(device);
    }

    @Override
    public boolean readsState() {
        return status != null;
    }

    @Override
    public Optional<PushRequest> stateRequest(DeviceSettings device) {
        GenericCommand read = status;
        return read == null ? Optional.empty() : Optional.of(read.toRequest(device));
    }

    @Override
    public StateReply readState(int httpStatus, String body) {
        StateRule rule = stateRule;
        return rule == null
                ? StateReply.unreadable(httpStatus, "no status command is configured")
                : rule.read(httpStatus, body);
    }
}
