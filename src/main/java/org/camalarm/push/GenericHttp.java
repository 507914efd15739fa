package org.camalarm.push;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Generic HTTP(S) or UDP devices (IP-controllable lights, web relays): each switch command the
 * user configured maps to a {@link GenericCommand}; commands without one are not supported.
 * Success is any 2xx (for UDP: the datagram was sent). Other named commands are sent with
 * {@link PushCommandSender#send(GenericCommand)}.
 *
 * @param commands the configured commands (may be empty: then only named commands are sent)
 */
public record GenericHttp(Map<SwitchCommand, GenericCommand> commands) implements DeviceFamily {

    public GenericHttp {
        commands = commands.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(commands));
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
}
