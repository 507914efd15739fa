package org.camalarm.thing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThingRegistryTest {

    private final RecordingThingEvents events = new RecordingThingEvents();
    private final ThingRegistry registry = new ThingRegistry(events);

    private Thing camera() {
        return new Thing(
                        new ThingUID("vigi", "gate"),
                        "Gate",
                        Map.of(),
                        true,
                        List.of(ChannelDefinition.state("motionAlarm", "Switch", "Motion")),
                        events)
                .untilRegistered();
    }

    @Test
    void aThingReportsItsChangesOnlyOnceTheRegistryHoldsIt() {
        Thing thing = camera();
        thing.updateState("motionAlarm", State.OFF);
        thing.setStatus(ThingStatusInfo.ONLINE);
        assertTrue(events.lines.isEmpty(), "initial values are read at thingAdded: " + events.lines);

        assertTrue(registry.add(() -> thing, "test"));
        assertEquals(State.OFF, thing.state("motionAlarm"));
        thing.updateState("motionAlarm", State.ON);
        assertEquals(
                List.of(
                        "status camalarm:vigi:gate ONLINE", // a status set before: EventAdmin has no "added" topic
                        "state camalarm:vigi:gate:motionAlarm OFF->ON"),
                events.lines);
    }

    @Test
    void aThingRefusedForATakenIdNeverSpeaksForTheOneThatHoldsIt() {
        Thing holder = camera();
        assertTrue(registry.add(() -> holder, "test"));
        holder.setStatus(ThingStatusInfo.ONLINE);
        events.lines.clear();

        Thing refused = camera(); // the same UID, from a second configuration
        assertFalse(registry.add(() -> refused, "test"));
        refused.updateState("motionAlarm", State.OFF);
        refused.setStatus(ThingStatusInfo.offline(ThingStatusInfo.Detail.CONFIGURATION_ERROR, "bad"));

        assertTrue(events.lines.isEmpty(), events.lines.toString());
        assertEquals(ThingStatusInfo.ONLINE, holder.status());
    }
}
