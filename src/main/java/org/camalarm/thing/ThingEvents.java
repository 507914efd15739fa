package org.camalarm.thing;

/**
 * Where a thing's changes go: the hub's event bus (see {@code ThingEventBus}) and tests.
 * Implementations must be thread-safe and must not block: they are called on the alarm path.
 *
 * <p>EventAdmin topics (documented in README, "Events on the bus"):
 * <ul>
 * <li>{@value #STATE_TOPIC}{@code /<thingType>/<thingId>/<channelId>}: a state channel changed;</li>
 * <li>{@value #TRIGGER_TOPIC}{@code /<thingType>/<thingId>/<channelId>}: a trigger channel fired;</li>
 * <li>{@value #STATUS_TOPIC}{@code /<thingType>/<thingId>}: a thing's status changed.</li>
 * </ul>
 */
public interface ThingEvents {

    String STATE_TOPIC = "camalarm/state";
    String TRIGGER_TOPIC = "camalarm/trigger";
    String STATUS_TOPIC = "camalarm/status";

    /** Event property names. */
    String THING_UID = "thingUID";

    String CHANNEL_UID = "channelUID";
    String CHANNEL_ID = "channelId";
    String STATE = "state";
    String OLD_STATE = "oldState";
    String EVENT = "event";
    String STATUS = "status";
    String STATUS_DETAIL = "statusDetail";
    String DESCRIPTION = "description";

    void stateChanged(ThingUID thing, String channelId, State newState, State oldState);

    void triggered(ThingUID thing, String channelId, String event);

    void statusChanged(ThingUID thing, ThingStatusInfo status);

    /** A thing was registered. */
    default void thingAdded(Thing thing) {}

    /** A thing was unregistered. */
    default void thingRemoved(Thing thing) {}

    /**
     * Whether some EventHandler subscribes to an EventAdmin topic (any, not only this interface's):
     * a poster skips what nobody wants, since EventAdmin hands even those to its threads. True when
     * not known.
     */
    default boolean subscribed(String topic) {
        return true;
    }

    /** Drops everything: for things nobody listens to. */
    ThingEvents NONE = new ThingEvents() {
        @Override
        public void stateChanged(ThingUID thing, String channelId, State newState, State oldState) {}

        @Override
        public void triggered(ThingUID thing, String channelId, String event) {}

        @Override
        public void statusChanged(ThingUID thing, ThingStatusInfo status) {}
    };
}
