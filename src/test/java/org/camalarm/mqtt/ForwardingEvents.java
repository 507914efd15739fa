package org.camalarm.mqtt;

import org.camalarm.thing.State;
import org.camalarm.thing.Thing;
import org.camalarm.thing.ThingEvents;
import org.camalarm.thing.ThingListener;
import org.camalarm.thing.ThingStatusInfo;
import org.camalarm.thing.ThingUID;

/** Thing events handed to one listener, synchronously on the changing thread, as the hub's event bus does. */
final class ForwardingEvents implements ThingEvents {

    private final ThingListener listener;

    ForwardingEvents(ThingListener listener) {
        this.listener = listener;
    }

    @Override
    public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {
        listener.stateChanged(thing, channelId, newState, oldState);
    }

    @Override
    public void triggered(ThingUID thing, String channelId, String event) {
        listener.triggered(thing, channelId, event);
    }

    @Override
    public void statusChanged(ThingUID thing, ThingStatusInfo status) {
        listener.statusChanged(thing, status);
    }

    @Override
    public void thingAdded(Thing thing) {
        listener.thingAdded(thing);
    }

    @Override
    public void thingRemoved(Thing thing) {
        listener.thingRemoved(thing);
    }
}
