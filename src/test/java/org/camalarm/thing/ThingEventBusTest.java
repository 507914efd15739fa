package org.camalarm.thing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;

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
        bus.join(new ThingListener() {
            @Override
            public void thingAdded(Thing added) {
                told.add(added.uid());
            }
        });
        assertEquals(List.of(door.uid()), told, "caught up with what is registered now");

        bus.thingAdded(yard);
        assertEquals(List.of(door.uid(), yard.uid()), told, "then live");
    }

    @Test
    void runByDsOnlyTopicsSomeHandlerSubscribesToArePosted() {
        EventAdmin admin = mock(EventAdmin.class);
        ThingEventBus bus = new ThingEventBus(admin, null, new EventSubscriptions());
        ThingUID cam = new ThingUID("vigi", "frontdoor");

        bus.triggered(cam, "event", "PERSON"); // no handler yet
        verify(admin, never()).postEvent(org.mockito.ArgumentMatchers.any());

        @SuppressWarnings("unchecked")
        ServiceReference<EventHandler> rules = mock(ServiceReference.class);
        when(rules.getProperty("event.topics")).thenReturn(new String[] {"camalarm/trigger/vigi/frontdoor/event"});
        bus.addEventHandler(rules);
        bus.triggered(cam, "event", "PERSON");
        bus.stateChanged(cam, "motionAlarm", State.ON, State.OFF); // nobody wants it
        verify(admin, times(1)).postEvent(org.mockito.ArgumentMatchers.any());

        when(rules.getProperty("event.topics")).thenReturn("camalarm/state/*"); // a rule changed
        bus.updatedEventHandler(rules);
        bus.stateChanged(cam, "motionAlarm", State.OFF, State.ON);
        bus.triggered(cam, "event", "PERSON");
        verify(admin, times(2)).postEvent(org.mockito.ArgumentMatchers.any());

        bus.removeEventHandler(rules);
        bus.stateChanged(cam, "motionAlarm", State.ON, State.OFF);
        verify(admin, times(2)).postEvent(org.mockito.ArgumentMatchers.any());
    }
}
