package org.camalarm.config;

import org.camalarm.text.Texts;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One thing wrong with a configuration, named the way a user finds it in the file.
 *
 * @param key     the key ({@code holdTime}), or {@code ""} for the configuration as a whole
 * @param value   the value as given, quoted in {@link #toString()}; {@code null} for a missing key
 *                or a secret's value
 * @param message what is wrong and what is expected, e.g. {@code is not a number of seconds}
 */
public record ConfigProblem(String key, @Nullable String value, String message) {

    /** {@code holdTime=ten: is not a number}; {@code host: is required}. */
    @Override
    public String toString() {
        if (key.isEmpty()) {
            return message;
        }
        return value == null ? key + ": " + message : key + "=" + Texts.shortened(value) + ": " + message;
    }
}
