package org.camalarm.target;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camalarm.push.GenericCommand;
import org.camalarm.push.SwitchState;
import org.camalarm.thing.ThingUID;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The commands of an {@code http} thing, one per key {@code command.<name>=<METHOD> <path with query>}
 * (e.g. {@code command.post1=POST relay/0?turn=on}, the iVSEC camera's Manual Push), with optional
 * {@code command.<name>.body}, {@code command.<name>.contentType} and {@code command.<name>.state}
 * (ON or OFF: the state the command leaves the device in). Each becomes the channel
 * {@code <name>}. These keys are not in the Metatype (their names are the user's): the reader accepts
 * them through {@link #isCommandKey}.
 */
final class HttpCommands {

    private static final String PREFIX = "command.";
    private static final String BODY = ".body";
    private static final String CONTENT_TYPE = ".contentType";
    private static final String STATE = ".state";
    /** A query parameter whose name says it is a secret ({@code pwd=}, {@code password=}, {@code token=}, …). */
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&][^=&\\s]*(?:pass|pwd|token|secret|key|auth)[^=&\\s]*=)[^&\\s]*");

    private HttpCommands() {}

    static boolean isCommandKey(String key) {
        return key.startsWith(PREFIX);
    }

    /** The commands by name, in name order; throws IllegalArgumentException naming the bad line. */
    static Map<String, GenericCommand> read(Map<String, ?> properties) {
        Map<String, GenericCommand> commands = new TreeMap<>();
        for (String key : properties.keySet()) {
            if (!isCommandKey(key) || key.endsWith(BODY) || key.endsWith(CONTENT_TYPE) || isStateKey(key)) {
                continue;
            }
            String name = key.substring(PREFIX.length());
            if (!ThingUID.isValidSegment(name) || TargetChannels.isStatus(name)) {
                throw new IllegalArgumentException(
                        key + ": a command name must be " + ThingUID.SEGMENT_RULE + " and not a status channel name");
            }
            GenericCommand command = parse(key, text(properties.get(key)));
            String body = text(properties.get(key + BODY));
            if (body != null) {
                command = command.withBody(body, text(properties.get(key + CONTENT_TYPE)));
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

    /** {@code command.<name>.state}. */
    private static boolean isStateKey(String key) {
        return isCommandKey(key) && key.endsWith(STATE) && key.length() > PREFIX.length() + STATE.length();
    }

    /** One command line; throws IllegalArgumentException naming the key. */
    static GenericCommand parse(String key, @Nullable String line) {
        try {
            return GenericCommand.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /**
     * The states commands declare they leave the device in, {@code command.<name>.state=ON|OFF}, by
     * command name; throws IllegalArgumentException naming a bad key.
     */
    static Map<String, SwitchState> states(Map<String, ?> properties, Set<String> commands) {
        Map<String, SwitchState> states = new TreeMap<>();
        for (String key : properties.keySet()) {
            if (!isStateKey(key)) {
                continue;
            }
            String name = key.substring(PREFIX.length(), key.length() - STATE.length());
            if (!commands.contains(name)) {
                throw new IllegalArgumentException(key + ": there is no command." + name);
            }
            String value = text(properties.get(key));
            SwitchState state = "ON".equalsIgnoreCase(value)
                    ? SwitchState.ON
                    : "OFF".equalsIgnoreCase(value) ? SwitchState.OFF : null;
            if (state == null) {
                throw new IllegalArgumentException(key + " must be ON or OFF, got '" + value + "'");
            }
            states.put(name, state);
        }
        return states;
    }

    /** A command line as users may see it: values of secret-looking query parameters masked. */
    static String maskSecrets(String commandLine) {
        return SECRET_PARAMETER.matcher(commandLine).replaceAll("$1******");
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = (value instanceof String[] array && array.length > 0 ? array[0] : String.valueOf(value)).strip();
        return text.isEmpty() ? null : text;
    }
}
