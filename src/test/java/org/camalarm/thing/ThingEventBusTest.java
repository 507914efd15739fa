package org.camalarm.thing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The documented EventAdmin topics and properties other bundles rely on. */
class ThingEventBusTest {

    private final EventAdmin eventAdmin = mock(EventAdmin.class);
    private final Thing thing = new Thing(
            new ThingUID("vigi", "frontdoor"),
            "Front",
            java.util.Map.of(),
            true,
            List.of(
                    ChannelDefinition.state("motionAlarm", "Switch", "Motion"),
                    ChannelDefinition.trigger("event", "Event")),
            new ThingEventBus(eventAdmin));

    @Test
    void stateChangesTriggersAndStatusArePostedOnTheirTopics() {
        thing.updateState("motionAlarm", State.ON);
        thing.updateState("motionAlarm", State.ON); // no change: nothing posted
        thing.trigger("event", "PERSON");
        thing.setStatus(ThingStatusInfo.ONLINE);

        ArgumentCaptor<Event> captor = ArgumentCaptor.forClass(Event.class);
        verify(eventAdmin, times(3)).postEvent(captor.capture());
        List<Event> posted = captor.getAllValues();

        Event state = posted.get(0);
        assertEquals("camalarm/state/vigi/frontdoor/motionAlarm", state.getTopic());
        assertEquals("camalarm:vigi:frontdoor:motionAlarm", state.getProperty("channelUID"));
        assertEquals("ON", state.getProperty("state"));
        assertEquals("NULL", state.getProperty("oldState"));

        Event trigger = posted.get(1);
        assertEquals("camalarm/trigger/vigi/frontdoor/event", trigger.getTopic());
        assertEquals("PERSON", trigger.getProperty("event"));

        Event status = posted.get(2);
        assertEquals("camalarm/status/vigi/frontdoor", status.getTopic());
        assertEquals("ONLINE", status.getProperty("status"));
        assertEquals("camalarm:vigi:frontdoor", status.getProperty("thingUID"));
    }

    @Test
    void aListenerBoundLateIsToldOfEveryThingAlreadyThereAndNotOfRemovedOnes() {
        ThingEventBus bus = new ThingEventBus(eventAdmin);
        Thing door = new Thing(new ThingUID("vigi", "door"), "Door", java.util.Map.of(), true, List.of(), bus);
        Thing yard = new Thing(new ThingUID("vigi", "yard"), "Yard", java.util.Map.of(), true, List.of(), bus);
        bus.thingAdded(door);
        bus.thingAdded(yard);
        bus.thingRemoved(yard);

        List<ThingUID> told = new java.util.ArrayList<>();
        bus.addListener(new ThingListener() {
            @Override
            public void thingAdded(Thing added) {
                told.add(added.uid());
            }
        });
        assertEquals(List.of(door.uid()), told, "caught up with what is registered now");

        bus.thingAdded(yard);
        assertEquals(List.of(door.uid(), yard.uid()), told, "then live");
    }
}
