package org.camalarm.rest;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camalarm.rule.RuleFiring;
import org.camalarm.rule.RuleListener;
import org.osgi.service.component.annotations.Component;

/**
 * What each rule did last, for the rules list: its last firing (when, what triggered it), its
 * last push result and the last time its condition was met but it did not fire (and why), told by the rule engine as they happen (never through EventAdmin: its queue is
 * unbounded and every delivery is a thread hand-off). Bounded to the {@value #MAX_RULES} most
 * recently active rules. Thread-safe.
 */
@Component(service = {RuleListener.class, RuleActivity.class})
public class RuleActivity implements RuleListener {

    static final int MAX_RULES = 1000;

    /** Guarded by itself; least recently active first. */
    private final Map<String, JsonObject> activity = new LinkedHashMap<>(16, 0.75f, true);

    @Override
    public void ruleFired(String rule, String trigger, long firedAt) {
        JsonObject entry = new JsonObject();
        entry.addProperty("time", Instant.ofEpochMilli(firedAt).toString());
        entry.addProperty("trigger", trigger);
        note(rule, "lastFired", entry);
    }

    @Override
    public void ruleSkipped(String rule, String trigger, long at, String why) {
        JsonObject entry = new JsonObject();
        entry.addProperty("time", Instant.ofEpochMilli(at).toString());
        entry.addProperty("trigger", trigger);
        entry.addProperty("why", why);
        note(rule, "lastSkipped", entry);
    }

    @Override
    public void ruleFinished(RuleFiring firing) {
        JsonObject entry = new JsonObject();
        entry.addProperty(
                "time",
                Instant.ofEpochMilli(firing.firedAt() + firing.latencyMs()).toString());
        entry.addProperty("success", firing.success());
        entry.addProperty("reason", firing.reason());
        entry.addProperty("detail", firing.detail());
        if (firing.status() != null) {
            entry.addProperty("status", firing.status());
        }
        entry.addProperty("latencyMs", firing.latencyMs());
        note(firing.rule(), "lastResult", entry);
    }

    private void note(String rule, String what, JsonObject entry) {
        synchronized (activity) {
            JsonObject known = activity.get(rule);
            if (known == null) {
                known = new JsonObject();
                activity.put(rule, known);
            }
            known.add(what, entry);
            if (what.equals("lastFired")) {
                known.remove("lastResult"); // the result of this firing is still to come
            }
            if (activity.size() > MAX_RULES) {
                activity.remove(activity.keySet().iterator().next());
            }
        }
    }

    /** {@code {"lastFired":{…},"lastResult":{…},"lastSkipped":{…}}} of a rule, each missing when it has not happened. */
    JsonObject of(String ruleId) {
        synchronized (activity) {
            JsonObject known = activity.get(ruleId);
            return known == null ? new JsonObject() : known.deepCopy();
        }
    }
}
