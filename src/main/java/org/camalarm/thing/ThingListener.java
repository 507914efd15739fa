package org.camalarm.thing;

/**
 * Told every change of every thing, in-process and synchronously, by the {@link ThingEventBus}:
 * register an implementation as an OSGi service (whiteboard). Calls come on the thread that made
 * the change, often a camera's alarm request: an implementation must return at once (queue the
 * work, never block, never throw). The default methods ignore what a listener does not need.
 */
public interface ThingListener {

    default void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {}

    default void triggered(ThingUID thing, String channelId, String event) {}

    default void statusChanged(ThingUID thing, ThingStatusInfo status) {}

    /**
     * A thing was registered (a configuration appeared or changed). A listener bound after things
     * were registered is told of each of them first, so none is missed however the start-up is ordered.
     */
    default void thingAdded(Thing thing) {}

    /** A thing was unregistered (its configuration was removed or is being replaced). */
    default void thingRemoved(Thing thing) {}
}
