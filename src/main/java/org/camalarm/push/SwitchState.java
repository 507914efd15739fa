package org.camalarm.push;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Whether a relay, light or output port is on, as the device itself reports it. */
public enum SwitchState {
    ON,
    OFF;

    private static final Set<String> ON_WORDS = Set.of("on", "true", "yes", "active", "enabled", "high");
    private static final Set<String> OFF_WORDS = Set.of("off", "false", "no", "inactive", "disabled", "low");

    public static SwitchState of(boolean on) {
        return on ? ON : OFF;
    }

    public SwitchState opposite() {
        return this == ON ? OFF : ON;
    }

    /**
     * A device's word or number for a state, any case: {@code on true yes active enabled high} or a
     * number other than 0 are ON; {@code off false no inactive disabled low} or 0 are OFF; anything
     * else is no state.
     */
    public static Optional<SwitchState> parse(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (ON_WORDS.contains(word)) {
            return Optional.of(ON);
        }
        if (OFF_WORDS.contains(word)) {
            return Optional.of(OFF);
        }
        if (word.matches("[+-]?\\d+(\\.\\d+)?")) {
            return Optional.of(of(new BigDecimal(word).signum() != 0));
        }
        return Optional.empty();
    }
}
