package org.camalarm.target;

import java.util.Locale;
import org.camalarm.push.GenericCommand;
import org.camalarm.push.SwitchCommand;
import org.camalarm.thing.Thing;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What a command to a push target's channel means: a switch command of the family
 * ({@code power} ON/OFF/TOGGLE/PULSE, {@code toggle}, {@code pulse}) or an {@code http} thing's
 * configured request; and what a Test without a named command sends. Refusals say what the thing
 * can do instead. Immutable.
 */
final class TargetActions {

    /** What a channel command sends: a switch command of the family, or an http thing's configured request. */
    sealed interface Action permits SwitchAction, RequestAction {}

    record SwitchAction(SwitchCommand command) implements Action {
        @Override
        public String toString() {
            return command.name();
        }
    }

    record RequestAction(String name, GenericCommand request) implements Action {
        @Override
        public String toString() {
            return HttpCommands.maskSecrets(request.line());
        }
    }

    private final Thing thing;
    private final TargetPlan plan;

    TargetActions(Thing thing, TargetPlan plan) {
        this.thing = thing;
        this.plan = plan;
    }

    /** The channel a Test sends to: the named command's, or the default one when none is named. */
    String testChannel(@Nullable String command) {
        if (command == null || command.isBlank()) {
            return defaultTestChannel();
        }
        return plan.namedCommands().containsKey(command) ? command : channelFor(switchCommand(command));
    }

    /** What a Test of {@code channel} sends ({@code command} as given to the Test, possibly none). */
    Action test(String channel, @Nullable String command) {
        if (command == null || command.isBlank()) {
            return of(channel, "ON");
        }
        GenericCommand request = plan.namedCommands().get(command);
        return request != null ? new RequestAction(command, request) : new SwitchAction(switchCommand(command));
    }

    /** The configured command (http things) or the switch command a channel's command means. */
    Action of(String channelId, @Nullable String command) {
        if (!thing.hasChannel(channelId)) {
            throw new IllegalArgumentException(thing.uid() + " has no channel " + channelId);
        }
        if (TargetChannels.isStatus(channelId)) {
            throw new IllegalArgumentException(channelId + " is read-only: it reports the last push");
        }
        GenericCommand named = plan.namedCommands().get(channelId);
        if (named != null) {
            return new RequestAction(channelId, named); // a command channel sends its request whatever the command
        }
        String c = command == null ? "" : command.trim().toUpperCase(Locale.ROOT);
        return new SwitchAction(
                switch (channelId) {
                    case TargetChannels.POWER ->
                        switch (c) {
                            case "ON", "OFF", "TOGGLE", "PULSE" -> switchCommand(c);
                            default ->
                                throw new IllegalArgumentException(
                                        "power takes ON, OFF, TOGGLE or PULSE, not '" + command + "'");
                        };
                    case TargetChannels.TOGGLE -> SwitchCommand.TOGGLE;
                    case TargetChannels.PULSE -> SwitchCommand.PULSE;
                    default -> throw new IllegalArgumentException(channelId + " takes no commands");
                });
    }

    private SwitchCommand switchCommand(String command) {
        SwitchCommand c;
        try {
            c = SwitchCommand.valueOf(command.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    thing.uid() + " has no command '" + command + "'; it has " + plan.switchCommands()
                            + (plan.namedCommands().isEmpty()
                                    ? ""
                                    : " and " + plan.namedCommands().keySet()));
        }
        if (!plan.switchCommands().contains(c)) {
            throw new IllegalArgumentException(thing.uid() + " cannot " + c + "; it can " + plan.switchCommands());
        }
        return c;
    }

    private static String channelFor(SwitchCommand command) {
        return switch (command) {
            case ON, OFF -> TargetChannels.POWER;
            case TOGGLE -> TargetChannels.TOGGLE;
            case PULSE -> TargetChannels.PULSE;
        };
    }

    /** What a Test without a named command sends: the first configured command, or a pulse where there is one. */
    private String defaultTestChannel() {
        if (!plan.namedCommands().isEmpty()) {
            return plan.namedCommands().keySet().iterator().next();
        }
        return plan.switchCommands().contains(SwitchCommand.PULSE) ? TargetChannels.PULSE : TargetChannels.POWER;
    }
}
