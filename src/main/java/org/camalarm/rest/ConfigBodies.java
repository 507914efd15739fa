package org.camalarm.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.camalarm.config.AttributeDescription;
import org.camalarm.config.ConfigDescription;
import org.camalarm.config.ConfigProblem;
import org.camalarm.config.ConfigReading;
import org.camalarm.http.HttpAnswers;
import org.camalarm.text.StrictJson;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Configurations sent over REST: JSON bodies read into configuration properties, typed by the
 * Metatype for Configuration Admin, secrets sent back masked kept as they were, and problems
 * answered as one precise 400.
 */
final class ConfigBodies {

    static final int MAX_BODY = 64 * 1024;

    private ConfigBodies() {}

    /**
     * A too-large body up to this size is read to its end before the 413: answered with its body
     * unread, Jetty closes the connection on data the client is still sending, the kernel resets it,
     * and the client may see the reset instead of the answer. Larger ones are not worth reading.
     */
    static final int DRAINED_MAX = 1 << 20;

    /** The body as text, whole: {@link BodyTooLargeException} above {@code limit} bytes. */
    static String body(HttpServletRequest request, int limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(request, limit, declared <= DRAINED_MAX);
        }
        byte[] bytes = request.getInputStream().readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw tooLarge(request, limit, true);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static BodyTooLargeException tooLarge(HttpServletRequest request, int limit, boolean drain)
            throws IOException {
        if (drain) {
            InputStream in = request.getInputStream();
            byte[] sink = new byte[8192];
            for (long read = 0; read <= DRAINED_MAX; ) {
                int n = in.read(sink);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        }
        return new BodyTooLargeException(limit);
    }

    /**
     * A member that must be text (a JSON string, number or boolean): {@code null} when absent or null;
     * IllegalArgumentException, naming the key, for an object or array.
     */
    static @Nullable String text(JsonObject json, String key) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive()) {
            throw new IllegalArgumentException(
                    key + " must be a text, not " + (value.isJsonObject() ? "an object" : "a list"));
        }
        return value.getAsString();
    }

    /** The body as a JSON object; IllegalArgumentException when it is not one. */
    static JsonObject object(HttpServletRequest request) throws IOException {
        String text = body(request, MAX_BODY);
        JsonElement json = StrictJson.parse(text);
        if (!json.isJsonObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return json.getAsJsonObject();
    }

    /** A JSON object's values as configuration values: texts, or lists of texts; nulls and blanks dropped. */
    static Map<String, Object> values(@Nullable JsonElement json, String what) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (json == null || json.isJsonNull()) {
            return values;
        }
        if (!json.isJsonObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object of keys and values");
        }
        for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
            JsonElement value = entry.getValue();
            if (value.isJsonArray()) {
                List<String> texts = new ArrayList<>();
                for (JsonElement element : value.getAsJsonArray()) {
                    if (!element.isJsonPrimitive()) {
                        throw new IllegalArgumentException(entry.getKey() + " must be a list of texts or numbers");
                    }
                    if (!element.getAsString().isBlank()) {
                        texts.add(element.getAsString().strip());
                    }
                }
                if (!texts.isEmpty()) {
                    values.put(entry.getKey(), texts.toArray(String[]::new));
                }
            } else if (value.isJsonPrimitive()) {
                if (!value.getAsString().isBlank()) {
                    values.put(entry.getKey(), value.getAsString().strip());
                }
            } else if (!value.isJsonNull()) {
                throw new IllegalArgumentException(entry.getKey() + " must be a text, a number, true/false or a list");
            }
        }
        return values;
    }

    /** Secrets sent back as {@value ConfigReading#MASK} (as REST shows them) keep their stored value. */
    static void keepMaskedSecrets(
            ConfigDescription description, Map<String, Object> values, @Nullable Dictionary<String, Object> stored) {
        for (AttributeDescription attribute : description.attributes()) {
            if (attribute.secret() && ConfigReading.MASK.equals(values.get(attribute.id()))) {
                Object old = stored == null ? null : stored.get(attribute.id());
                if (old == null) {
                    values.remove(attribute.id());
                } else {
                    values.put(attribute.id(), old);
                }
            }
        }
    }

    /** The values typed as the Metatype declares them, for Configuration Admin; extra keys stay texts. */
    static Dictionary<String, Object> typed(ConfigDescription description, Map<String, Object> values) {
        Hashtable<String, Object> typed = new Hashtable<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Optional<AttributeDescription> attribute = description.attribute(entry.getKey());
            Object value = entry.getValue();
            if (attribute.isEmpty() || value instanceof String[]) {
                typed.put(entry.getKey(), value);
                continue;
            }
            String text = String.valueOf(value);
            AttributeDescription a = attribute.get();
            if (a.multiple()) {
                typed.put(entry.getKey(), new String[] {text});
                continue;
            }
            typed.put(
                    entry.getKey(),
                    switch (a.type()) {
                        case AttributeDescription.BOOLEAN -> Boolean.valueOf(text);
                        case AttributeDescription.INTEGER -> (int) Double.parseDouble(text);
                        case AttributeDescription.LONG -> (long) Double.parseDouble(text);
                        case AttributeDescription.DOUBLE -> Double.valueOf(text);
                        default -> text;
                    });
        }
        return typed;
    }

    /**
     * A sentence that starts with a key ({@code holdTime must be …}, {@code schedule: window …}), as
     * the problem of that key without repeating it, with the value it refers to (never a secret's),
     * so a form shows it beside its field; the configuration's as a whole when it names no key.
     */
    static ConfigProblem problem(ConfigDescription description, String message, Map<String, Object> values) {
        for (AttributeDescription attribute : description.attributes()) {
            String key = attribute.id();
            if (message.startsWith(key + " ") || message.startsWith(key + ":")) {
                Object value = values.get(key);
                return new ConfigProblem(
                        key,
                        attribute.secret() || value == null ? null : shown(value),
                        message.substring(key.length()).replaceFirst("^:? ", ""));
            }
        }
        return new ConfigProblem("", null, message);
    }

    /** A value as a problem quotes it: a list joined with commas, as a form writes it. */
    private static String shown(Object value) {
        return value instanceof String[] list ? String.join(",", list) : String.valueOf(value);
    }

    /** 400 naming every problem: {@code {"error","detail","problems":[{"key","value","message"}]}}. */
    static void problems(HttpServletResponse response, List<ConfigProblem> problems) throws IOException {
        problems(response, 400, "invalid_configuration", problems);
    }

    /** Answers {@code status} with {@code error}, every problem in {@code detail}, and each by its key. */
    static void problems(HttpServletResponse response, int status, String error, List<ConfigProblem> problems)
            throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("error", error);
        json.addProperty(
                "detail",
                String.join("; ", problems.stream().map(ConfigProblem::toString).toList()));
        JsonArray list = new JsonArray();
        for (ConfigProblem problem : problems) {
            JsonObject p = new JsonObject();
            p.addProperty("key", problem.key());
            p.addProperty("value", problem.value());
            p.addProperty("message", problem.message());
            list.add(p);
        }
        json.add("problems", list);
        HttpAnswers.json(response, status, json.toString());
    }
}
