package org.camalarm.rule;

import java.util.Locale;
import org.camalarm.config.Seconds;
import org.camalarm.text.Texts;

/**
 * A rule as configured and validated: immutable, parsed once so that the event path parses
 * nothing. See {@link Rule} for the meaning of each configuration key.
 *
 * @param id             the rule id: letters, digits, {@code _} and {@code -} (an EventAdmin topic token)
 * @param when           the channel whose state changes or triggers are watched
 * @param condition      which changes or triggers fire the rule
 * @param then           the push target channel driven
 * @param command        the command sent, normalized (see {@link Commands#normalize})
 * @param intervalMillis minimum milliseconds between two firings; 0 for none
 * @param schedule       when the rule may fire
 * @param enabled        whether the rule fires at all
 */
record RuleDefinition(
        String id,
        ChannelUID when,
        Condition condition,
        ChannelUID then,
        String command,
        long intervalMillis,
        Schedule schedule,
        boolean enabled) {

    /**
     * Validates a configuration.
     *
     * @throws IllegalArgumentException with one readable sentence naming the key and the problem,
     *                                  e.g. {@code state must be ON or OFF, got "DIM"}
     */
    static RuleDefinition of(String id, Rule.Config config) {
        ChannelUID when = channel("when", config.when());
        String state = config.state().strip();
        String event = config.event().strip();
        if (!state.isEmpty() && !state.equalsIgnoreCase(Commands.ON) && !state.equalsIgnoreCase(Commands.OFF)) {
            throw new IllegalArgumentException("state must be ON or OFF, got \"" + Texts.shortened(state) + "\"");
        }
        Condition condition =
                new Condition(state.isEmpty() ? null : state.toUpperCase(Locale.ROOT), event.isEmpty() ? null : event);
        ChannelUID then = channel("then", config.then());
        String command = Commands.normalize(config.command());
        if (command.isEmpty()) {
            throw new IllegalArgumentException(
                    "command is empty: give ON, OFF, TOGGLE, PULSE or the name of an" + " http command");
        }
        long intervalMillis = Seconds.of("interval", config.interval()).toMillis();
        Schedule schedule;
        try {
            schedule = Schedule.parse(config.schedule());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schedule: " + e.getMessage(), e);
        }
        return new RuleDefinition(id, when, condition, then, command, intervalMillis, schedule, config.enabled());
    }

    private static ChannelUID channel(String key, String text) {
        try {
            return ChannelUID.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "when " + when + " (" + condition + ") then " + then + " " + command
                + (intervalMillis > 0 ? ", interval " + intervalMillis + " ms" : "")
                + (schedule.isAlways() ? "" : ", schedule " + schedule) + (enabled ? "" : ", disabled");
    }
}
