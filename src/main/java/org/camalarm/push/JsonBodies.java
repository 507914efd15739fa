package org.camalarm.push;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;
import org.eclipse.jdt.annotation.Nullable;

/** Lenient reading of device replies that may or may not be JSON. Stateless. */
final class JsonBodies {

    private JsonBodies() {}

    /** The body as a JSON object, or empty when it is blank, not JSON, or not an object. */
    static Optional<JsonObject> object(@Nullable String body) {
        if (body == null || body.isBlank() || body.strip().charAt(0) != '{') {
            return Optional.empty();
        }
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The member as an object, or empty. */
    static Optional<JsonObject> object(JsonObject parent, String name) {
        JsonElement element = parent.get(name);
        return element != null && element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
    }

    /** The member as text (numbers and booleans as written), or {@code null} when absent, null or not a primitive. */
    static @Nullable String text(JsonObject parent, String name) {
        JsonElement element = parent.get(name);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    /** The member as a whole number, or {@code null} when absent or not one. */
    static @Nullable Long number(JsonObject parent, String name) {
        JsonElement element = parent.get(name);
        if (element == null
                || !element.isJsonPrimitive()
                || !element.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        try {
            return element.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** The member as a JSON boolean, or {@code null} when absent or not a boolean. */
    static @Nullable Boolean bool(JsonObject parent, String name) {
        JsonElement element = parent.get(name);
        return element != null
                        && element.isJsonPrimitive()
                        && element.getAsJsonPrimitive().isBoolean()
                ? element.getAsBoolean()
                : null;
    }
}
