package org.camalarm.rule;

import static org.camalarm.rule.RuleConfigs.config;
import static org.camalarm.rule.RuleConfigs.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.Map;
import org.camalarm.thing.ThingRegistry;
import org.camalarm.time.ManualTimers;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;

/** The {@code camalarm.rule} component: its id, registration, and staying inactive when misconfigured. */
class RuleTest {

    private final RuleEngine engine = new RuleEngine(
            mock(EventAdmin.class), new ThingRegistry(), new ManualTimers(Instant.parse("2026-10-05T12:00:00Z")));
    private final Rule.Config valid = config(
            "when", "camalarm:vigi:frontdoor:humanAlarm", "then", "camalarm:shelly:gate:power", "command", "PULSE");

    @Test
    void theIdIsTheConfigurationNameAndTheRuleRegistersUntilDeactivated() {
        Rule rule = new Rule(engine, valid, named("gate-on-person"));
        assertTrue(rule.active());
        ActiveRule registered = engine.rule("gate-on-person");
        assertEquals("camalarm:shelly:gate:power", registered.thenText());
        assertEquals("camalarm/rule/fired/gate-on-person", registered.firedTopic());
        assertEquals("camalarm/rule/result/gate-on-person", registered.resultTopic());

        rule.deactivate();
        assertNull(engine.rule("gate-on-person"));
    }

    @Test
    void anExplicitThingIdNamesAnUnnamedConfiguration() {
        new Rule(engine, valid, Map.of("service.pid", "camalarm.rule.1f2e", "thingId", "night_light"));
        assertEquals("night_light", engine.rule("night_light").id());
    }

    @Test
    void anInvalidConfigurationLeavesTheRuleInactiveWithoutThrowing() {
        Rule rule = new Rule(
                engine,
                config("when", "camalarm:vigi:frontdoor", "then", "camalarm:shelly:gate:power", "command", "ON"),
                named("broken"));
        assertFalse(rule.active());
        assertNull(engine.rule("broken"));
        rule.deactivate(); // harmless
    }

    @Test
    void anIdThatIsNoTopicTokenOrNoIdAtAllLeavesTheRuleInactive() {
        assertFalse(new Rule(engine, valid, named("gate on person")).active());
        assertFalse(new Rule(engine, valid, named("gate/on")).active());
        assertFalse(new Rule(engine, valid, Map.of("service.pid", "camalarm.rule.1f2e")).active());
    }

    @Test
    void aSecondRuleWithTheSameIdStaysInactiveAndCannotRemoveTheFirst() {
        Rule first = new Rule(engine, valid, named("gate"));
        ActiveRule registered = engine.rule("gate");
        Rule second = new Rule(engine, valid, Map.of("service.pid", "camalarm.rule.1f2e", "thingId", "gate"));
        assertFalse(second.active());
        second.deactivate();
        assertSame(registered, engine.rule("gate"));
        first.deactivate();
        assertNull(engine.rule("gate"));
    }
}
