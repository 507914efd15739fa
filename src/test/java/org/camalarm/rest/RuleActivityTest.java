package org.camalarm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import java.time.Instant;
import org.camalarm.rule.RuleFiring;
import org.junit.jupiter.api.Test;

/** The rules list's last firing and last result, as the rule engine tells them. */
class RuleActivityTest {

    private static final long NOON = Instant.parse("2026-10-05T12:00:00Z").toEpochMilli();
    private final RuleActivity activity = new RuleActivity();

    private static RuleFiring firing(String rule, long firedAt, boolean success, String reason) {
        return new RuleFiring(
                rule,
                "camalarm:vigi:door:event",
                "camalarm:shelly:gate:power",
                "ON",
                "PERSON",
                firedAt,
                success,
                reason,
                success ? "HTTP 200 OK" : "connection refused",
                success ? 200 : null,
                40);
    }

    @Test
    void aFiringShowsAtOnceAndItsResultWhenThePushEnds() {
        activity.ruleFired("gate", "PERSON", NOON);
        JsonObject pending = activity.of("gate");
        assertEquals(
                "2026-10-05T12:00:00Z",
                pending.getAsJsonObject("lastFired").get("time").getAsString());
        assertEquals(
                "PERSON", pending.getAsJsonObject("lastFired").get("trigger").getAsString());
        assertFalse(pending.has("lastResult"), "no result before the push ended");

        activity.ruleFinished(firing("gate", NOON, true, "OK"));
        JsonObject result = activity.of("gate").getAsJsonObject("lastResult");
        assertEquals("2026-10-05T12:00:00.040Z", result.get("time").getAsString());
        assertEquals(true, result.get("success").getAsBoolean());
        assertEquals(200, result.get("status").getAsInt());
        assertEquals(40, result.get("latencyMs").getAsLong());
    }

    @Test
    void theNextFiringHidesTheLastResultUntilItsOwnComes() {
        activity.ruleFired("gate", "PERSON", NOON);
        activity.ruleFinished(firing("gate", NOON, false, "UNREACHABLE"));
        assertEquals(
                "UNREACHABLE",
                activity.of("gate").getAsJsonObject("lastResult").get("reason").getAsString());
        assertFalse(activity.of("gate").getAsJsonObject("lastResult").has("status"), "no HTTP status: none");

        activity.ruleFired("gate", "PERSON", NOON + 60_000);
        assertFalse(activity.of("gate").has("lastResult"), "the old result is not this firing's");
        assertEquals(0, activity.of("other").size(), "a rule that never fired has nothing");
    }

    @Test
    void onlyTheMostRecentlyActiveRulesAreKept() {
        for (int i = 0; i <= RuleActivity.MAX_RULES; i++) {
            activity.ruleFired("rule-" + i, "ON", NOON + i);
        }
        assertEquals(0, activity.of("rule-0").size(), "the least recently active went");
        assertEquals(1, activity.of("rule-" + RuleActivity.MAX_RULES).size());
    }
}
