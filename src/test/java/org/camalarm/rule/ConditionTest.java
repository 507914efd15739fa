package org.camalarm.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What each condition matches: {@code matches(newState, triggerEvent)}. */
class ConditionTest {

    @Test
    void stateOnMatchesAChangeToOnOnly() {
        Condition on = new Condition("ON", null);
        assertTrue(on.matches("ON", null));
        assertFalse(on.matches("OFF", null));
        assertFalse(on.matches(null, "ON"));
    }

    @Test
    void stateOffMatchesAChangeToOffOnly() {
        Condition off = new Condition("OFF", null);
        assertTrue(off.matches("OFF", null));
        assertFalse(off.matches("ON", null));
    }

    @Test
    void anEventMatchesThatTriggerInAnyCaseAndNoStateChange() {
        Condition person = new Condition(null, "person");
        assertTrue(person.matches(null, "PERSON"));
        assertFalse(person.matches(null, "VEHICLE"));
        assertFalse(person.matches("ON", null));
    }

    @Test
    void neitherMatchesAnyTriggerAndAChangeToOn() {
        Condition any = new Condition(null, null);
        assertTrue(any.matches(null, "PERSON"));
        assertTrue(any.matches(null, "VEHICLE"));
        assertTrue(any.matches("ON", null));
        assertFalse(any.matches("OFF", null));
        assertFalse(any.matches(null, null));
    }

    @Test
    void stateAndEventExcludeEachOther() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Condition("ON", "PERSON"));
        assertEquals("give state or event, not both (state \"ON\", event \"PERSON\")", e.getMessage());
    }
}
