package org.camalarm.rest;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * What each rule did last, for the rules list: its last firing (when, what triggered it) and its
 * last push result, from the rule engine's {@code camalarm/rule/fired/*} and
 * {@code camalarm/rule/result/*} events. Bounded to the {@value #MAX_RULES} most recently active
 * rules. Thread-safe.
 */
// topics as a plain property: @EventTopics would make the bundle require an osgi.event implementation
// capability, which Karaf's EventAdmin does not offer (the feature would not resolve)
@Component(
        service = {EventHandler.class, RuleActivity.class},
        property = {
            EventConstants.EVENT_TOPIC + "=camalarm/rule/fired/*",
            EventConstants.EVENT_TOPIC + "=camalarm/rule/result/*"
        })
public class RuleActivity implements EventHandler {

    static final int MAX_RULES = 1000;

    /** Guarded by itself; least recently active first. */
    private final Map<String, JsonObject> activity = new LinkedHashMap<>(16, 0.75f, true);

    @NonNullByDefault({}) // EventAdmin's interface says nothing of nullness
    @Override
    public void handleEvent(Event event) {
        Object rule = event.getProperty("rule");
        if (!(rule instanceof String id)) {
            return;
        }
        boolean fired = event.getTopic().startsWith("camalarm/rule/fired/");
        JsonObject entry = new JsonObject();
        Object timestamp = event.getProperty("timestamp");
        entry.addProperty(
                "time",
                timestamp instanceof Long millis
                        ? Instant.ofEpochMilli(millis).toString()
                        : Instant.now().toString());
        if (fired) {
            entry.addProperty("trigger", text(event.getProperty("trigger")));
        } else {
            entry.addProperty("success", Boolean.TRUE.equals(event.getProperty("success")));
            entry.addProperty("reason", text(event.getProperty("reason")));
            entry.addProperty("detail", text(event.getProperty("detail")));
            Object status = event.getProperty("status");
            if (status instanceof Integer code) {
                entry.addProperty("status", code);
            }
            Object latency = event.getProperty("latencyMs");
            if (latency instanceof Long ms) {
                entry.addProperty("latencyMs", ms);
            }
        }
        synchronized (activity) {
            JsonObject known = activity.get(id);
            if (known == null) {
                known = new JsonObject();
                activity.put(id, known);
            }
            known.add(fired ? "lastFired" : "lastResult", entry);
            if (fired) {
                known.remove("lastResult"); // the result of this firing is still to come
            }
            if (activity.size() > MAX_RULES) {
                activity.remove(activity.keySet().iterator().next());
            }
        }
    }

    /** {@code {"lastFired":{…},"lastResult":{…}}} of a rule, either missing when it has not happened. */
    JsonObject of(String ruleId) {
        synchronized (activity) {
            JsonObject known = activity.get(ruleId);
            return known == null ? new JsonObject() : known.deepCopy();
        }
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
