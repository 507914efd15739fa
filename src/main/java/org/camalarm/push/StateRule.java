package org.camalarm.push;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How to read ON or OFF from the status reply of a generic device ({@link GenericHttp}): either a
 * JSON pointer (RFC 6901) to a value, or a regular expression. A value is read by
 * {@link SwitchState#parse} (booleans, {@code on}/{@code off}, {@code active}/{@code inactive},
 * numbers: 0 is OFF). A pattern with a group reads the group's text the same way; a pattern
 * without a group means ON when it is found in the reply and OFF when not. Immutable, thread-safe.
 */
public sealed interface StateRule permits StateRule.Pointer, StateRule.Matching {

    /** The value at a JSON pointer, e.g. {@code /ison} or {@code /relays/0/ison}. */
    record Pointer(String pointer) implements StateRule {

        public Pointer {
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new IllegalArgumentException("a JSON pointer starts with '/', e.g. /ison; got '" + pointer + "'");
            }
        }

        @Override
        public StateReply read(int status, String body) {
            if (!HttpStatus.isSuccess(status)) {
                return StateReply.failed(status);
            }
            Optional<SwitchState> state = atPointer(body, pointer);
            return state.isPresent()
                    ? StateReply.of(state.get(), pointer + " in the reply")
                    : StateReply.unreadable(status, "the reply has no ON/OFF value at " + pointer);
        }

        /** {@code pointer /ison}, for messages. */
        @Override
        public String toString() {
            return "pointer " + pointer;
        }
    }

    /** A regular expression, e.g. {@code <relay1state>(\d)</relay1state>}: its first group's text, or whether it is found. */
    record Matching(Pattern pattern) implements StateRule {

        @Override
        public StateReply read(int status, String body) {
            if (!HttpStatus.isSuccess(status)) {
                return StateReply.failed(status);
            }
            Matcher matcher = pattern.matcher(body);
            boolean found = matcher.find();
            if (matcher.groupCount() == 0) {
                return StateReply.of(SwitchState.of(found), (found ? "" : "no ") + "match of " + pattern.pattern());
            }
            String group = found ? firstGroup(matcher) : null;
            if (group == null) {
                return StateReply.unreadable(status, "nothing matched " + pattern.pattern());
            }
            Optional<SwitchState> state = SwitchState.parse(group);
            return state.isPresent()
                    ? StateReply.of(state.get(), "'" + BodyExcerpt.firstLine(group, 40) + "' matched")
                    : StateReply.unreadable(status, "'" + BodyExcerpt.firstLine(group, 40) + "' is not ON or OFF");
        }

        /** {@code pattern <relay1state>(\d)}, for messages. */
        @Override
        public String toString() {
            return "pattern " + pattern.pattern();
        }
    }

    /** A rule reading the value at {@code pointer}. */
    static StateRule pointer(String pointer) {
        return new Pointer(pointer.strip());
    }

    /**
     * A rule matching {@code regex}.
     *
     * @throws IllegalArgumentException naming the syntax error
     */
    static StateRule pattern(String regex) {
        try {
            return new Matching(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "not a regular expression: " + e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    /** Reads a 2xx reply's body; anything else is no state. */
    StateReply read(int status, String body);

    /** The value at {@code pointer} read as a state; empty when the body is not JSON or holds no such value. */
    static Optional<SwitchState> atPointer(String body, String pointer) {
        JsonElement node;
        try {
            node = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            return Optional.empty();
        }
        if (!pointer.isEmpty()) {
            for (String token : pointer.substring(1).split("/", -1)) {
                String name = token.replace("~1", "/").replace("~0", "~");
                if (node.isJsonObject()) {
                    node = node.getAsJsonObject().get(name);
                } else if (node.isJsonArray() && name.matches("\\d{1,9}")) {
                    int index = Integer.parseInt(name);
                    node = index < node.getAsJsonArray().size()
                            ? node.getAsJsonArray().get(index)
                            : null;
                } else {
                    node = null;
                }
                if (node == null) {
                    return Optional.empty();
                }
            }
        }
        if (!node.isJsonPrimitive()) {
            return Optional.empty();
        }
        JsonPrimitive value = node.getAsJsonPrimitive();
        return value.isBoolean()
                ? Optional.of(SwitchState.of(value.getAsBoolean()))
                : SwitchState.parse(value.getAsString());
    }

    private static @Nullable String firstGroup(Matcher matcher) {
        for (int i = 1; i <= matcher.groupCount(); i++) {
            String group = matcher.group(i);
            if (group != null) {
                return group;
            }
        }
        return null;
    }
}
