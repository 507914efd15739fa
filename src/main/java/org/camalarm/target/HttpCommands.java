package org.camalarm.target;

import java.util.Map;
import java.util.TreeMap;
import org.camalarm.push.GenericCommand;
import org.camalarm.thing.ThingUID;

/**
 * The commands of an {@code http} thing, one per property {@code command.<name>=<METHOD> <path with query>}
 * (e.g. {@code command.post1=POST relay/0?turn=on}, the iVSEC camera's Manual Push), with optional
 * {@code command.<name>.body} and {@code command.<name>.contentType}. Each becomes the channel {@code <name>}.
 */
final class HttpCommands {

    private static final String PREFIX = "command.";
    private static final String BODY = ".body";
    private static final String CONTENT_TYPE = ".contentType";

    private HttpCommands() {}

    /** The commands by name, in name order; throws IllegalArgumentException naming the bad line. */
    static Map<String, GenericCommand> read(TargetProperties p) {
        Map<String, GenericCommand> commands = new TreeMap<>();
        for (String key : p.keys()) {
            if (!key.startsWith(PREFIX) || key.endsWith(BODY) || key.endsWith(CONTENT_TYPE)) {
                continue;
            }
            String name = key.substring(PREFIX.length());
            if (!ThingUID.isValidSegment(name) || TargetChannels.isStatus(name)) {
                throw new IllegalArgumentException(key + ": a command name must be letters, digits, '_' or '-'"
                        + " and not a status channel name");
            }
            GenericCommand command;
            try {
                command = GenericCommand.parse(p.string(key, ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
            String body = p.string(key + BODY, null);
            if (body != null) {
                command = command.withBody(body, p.string(key + CONTENT_TYPE, null));
            }
            commands.put(name, command);
        }
        if (commands.isEmpty()) {
            throw new IllegalArgumentException(
                    "an http thing needs at least one command: command.<name>=<METHOD> <path>,"
                            + " e.g. command.on=POST relay/0?turn=on");
        }
        return commands;
    }
}
