package org.camalarm.thing;

/**
 * A thing's status as openHAB reports it.
 *
 * @param description why, for a human; empty when there is nothing to say
 */
public record ThingStatusInfo(Status status, Detail detail, String description) {

    public enum Status {
        UNINITIALIZED,
        UNKNOWN,
        ONLINE,
        OFFLINE
    }

    public enum Detail {
        NONE,
        CONFIGURATION_ERROR,
        COMMUNICATION_ERROR
    }

    public static final ThingStatusInfo UNKNOWN = new ThingStatusInfo(Status.UNKNOWN, Detail.NONE, "");
    public static final ThingStatusInfo ONLINE = new ThingStatusInfo(Status.ONLINE, Detail.NONE, "");

    public static ThingStatusInfo offline(Detail detail, String description) {
        return new ThingStatusInfo(Status.OFFLINE, detail, description);
    }
}
