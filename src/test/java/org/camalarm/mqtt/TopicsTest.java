package org.camalarm.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The topic layout, and command topics read back (also under a multi-level base). */
class TopicsTest {

    @Test
    void commandTopicsAreReadBack() {
        Topics topics = new Topics("site1/camalarm", "homeassistant");
        assertEquals("site1/camalarm/gate/power/set", topics.command("gate", "power", Topics.SET));
        assertEquals(new Topics.Command("gate", "power", "set"), topics.parseCommand("site1/camalarm/gate/power/set"));
        assertEquals(
                new Topics.Command("gate", "open_door", "press"),
                topics.parseCommand(topics.command("gate", "open.door", Topics.PRESS)));
        assertNull(topics.parseCommand("site1/camalarm/gate/power/state"));
        assertNull(topics.parseCommand("site1/camalarm/gate/x/power/set"));
        assertNull(topics.parseCommand("other/gate/power/set"));
        assertEquals("site1_camalarm_gate", topics.node("gate"));
        assertEquals("site1_camalarm-hub", topics.hubNode());
    }
}
