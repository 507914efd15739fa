package org.camalarm.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import org.camalarm.config.AttributeDescription;
import org.camalarm.config.ConfigReading;

/**
 * A stored configuration value as JSON, typed as its Metatype attribute says: {@code 60} and
 * {@code false}, not {@code "60.0"} and {@code "false"}, whether it was written over REST (typed) or
 * read from a file (texts). A value that is not what its type says (a file's {@code interval=soon})
 * stays the text it is: the rule's problem names it.
 */
final class ConfigJson {

    private ConfigJson() {}

    static JsonElement value(AttributeDescription attribute, Object value) {
        String text = value instanceof String[] array ? String.join(",", array) : String.valueOf(value);
        if (attribute.secret()) { // never shown: set or not, as things' configurations say it
            return new JsonPrimitive(text.isEmpty() ? "" : ConfigReading.MASK);
        }
        if (attribute.multiple()) {
            return new JsonPrimitive(text);
        }
        return switch (attribute.type()) {
            case AttributeDescription.BOOLEAN ->
                "true".equalsIgnoreCase(text.strip())
                        ? new JsonPrimitive(true)
                        : "false".equalsIgnoreCase(text.strip()) ? new JsonPrimitive(false) : new JsonPrimitive(text);
            case AttributeDescription.INTEGER, AttributeDescription.LONG, AttributeDescription.DOUBLE -> number(text);
            default -> new JsonPrimitive(text);
        };
    }

    /** {@code 60} for 60.0, {@code 2.5} as it is; a text that is no finite number stays a text. */
    private static JsonPrimitive number(String text) {
        double number;
        try {
            number = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return new JsonPrimitive(text);
        }
        if (!Double.isFinite(number)) { // 1e999 from a file: said as given, not as a giant number
            return new JsonPrimitive(text);
        }
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? new JsonPrimitive((long) number)
                : new JsonPrimitive(number);
    }
}
