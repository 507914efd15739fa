package org.camalarm.thing;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;

/** Posts thing changes on EventAdmin (asynchronously: the alarm path never waits for listeners). */
@Component(service = ThingEvents.class)
public class EventAdminThingEvents implements ThingEvents {

    private final EventAdmin eventAdmin;

    @Activate
    public EventAdminThingEvents(@Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {
        Map<String, Object> props = channelProperties(thing, channelId);
        props.put(STATE, newState.text());
        props.put(OLD_STATE, oldState.text());
        post(STATE_TOPIC + "/" + thing.thingType() + "/" + thing.thingId() + "/" + channelId, props);
    }

    @Override
    public void triggered(ThingUID thing, String channelId, String event) {
        Map<String, Object> props = channelProperties(thing, channelId);
        props.put(EVENT, event);
        post(TRIGGER_TOPIC + "/" + thing.thingType() + "/" + thing.thingId() + "/" + channelId, props);
    }

    @Override
    public void statusChanged(ThingUID thing, ThingStatusInfo status) {
        Map<String, Object> props = new HashMap<>();
        props.put(THING_UID, thing.toString());
        props.put(STATUS, status.status().name());
        props.put(STATUS_DETAIL, status.detail().name());
        props.put(DESCRIPTION, status.description());
        post(STATUS_TOPIC + "/" + thing.thingType() + "/" + thing.thingId(), props);
    }

    private static Map<String, Object> channelProperties(ThingUID thing, String channelId) {
        Map<String, Object> props = new HashMap<>();
        props.put(THING_UID, thing.toString());
        props.put(CHANNEL_UID, thing.channelUID(channelId));
        props.put(CHANNEL_ID, channelId);
        return props;
    }

    private void post(String topic, Map<String, Object> props) {
        props.put(EventConstants.TIMESTAMP, System.currentTimeMillis());
        eventAdmin.postEvent(new Event(topic, props));
    }
}
