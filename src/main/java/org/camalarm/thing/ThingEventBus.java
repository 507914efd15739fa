package org.camalarm.thing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camalarm.time.RateLimit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every thing change goes: posted on EventAdmin for other bundles and the rules
 * (asynchronously: the alarm path never waits for their handlers), and handed synchronously to
 * the in-process {@link ThingListener} services (the event history, the UI's live stream, the MQTT
 * bridge), which must not block. Thread-safe.
 */
@Component(service = ThingEvents.class)
public class ThingEventBus implements ThingEvents {

    private static final Logger LOGGER = LoggerFactory.getLogger(ThingEventBus.class);
    private final EventAdmin eventAdmin;
    private final List<ThingListener> listeners = new CopyOnWriteArrayList<>();
    /** A flapping device says so a few times a minute, not a thousand. */
    private final RateLimit statusLines = new RateLimit(6, Duration.ofMinutes(1), Clock.systemUTC());

    @Activate
    public ThingEventBus(@Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ThingListener listener) {
        listeners.add(listener);
    }

    void removeListener(ThingListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {
        Map<String, Object> props = channelProperties(thing, channelId);
        props.put(STATE, newState.text());
        props.put(OLD_STATE, oldState.text());
        post(STATE_TOPIC + "/" + thing.thingType() + "/" + thing.thingId() + "/" + channelId, props);
        for (ThingListener listener : listeners) {
            listener.stateChanged(thing, channelId, newState, oldState);
        }
    }

    @Override
    public void triggered(ThingUID thing, String channelId, String event) {
        Map<String, Object> props = channelProperties(thing, channelId);
        props.put(EVENT, event);
        post(TRIGGER_TOPIC + "/" + thing.thingType() + "/" + thing.thingId() + "/" + channelId, props);
        for (ThingListener listener : listeners) {
            listener.triggered(thing, channelId, event);
        }
    }

    @Override
    public void statusChanged(ThingUID thing, ThingStatusInfo status) {
        int missed = statusLines.acquire(thing.toString());
        if (missed >= 0) {
            LOGGER.info(
                    "{} is {}{}{}",
                    thing,
                    status.status(),
                    status.description().isEmpty() ? "" : ": " + status.description(),
                    missed > 0 ? " (" + missed + " changes not logged before this one)" : "");
        }
        Map<String, Object> props = new HashMap<>();
        props.put(THING_UID, thing.toString());
        props.put(STATUS, status.status().name());
        props.put(STATUS_DETAIL, status.detail().name());
        props.put(DESCRIPTION, status.description());
        post(STATUS_TOPIC + "/" + thing.thingType() + "/" + thing.thingId(), props);
        for (ThingListener listener : listeners) {
            listener.statusChanged(thing, status);
        }
    }

    @Override
    public void thingAdded(Thing thing) {
        for (ThingListener listener : listeners) {
            listener.thingAdded(thing);
        }
    }

    @Override
    public void thingRemoved(Thing thing) {
        for (ThingListener listener : listeners) {
            listener.thingRemoved(thing);
        }
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
