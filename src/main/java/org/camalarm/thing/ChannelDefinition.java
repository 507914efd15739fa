package org.camalarm.thing;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A channel of a thing, as openHAB describes it.
 *
 * @param id       lowerCamelCase channel id, unique within the thing
 * @param itemType {@code Switch}, {@code DateTime}, {@code String}, {@code Number} or {@code Image};
 *                 {@code null} for a trigger channel
 * @param kind     whether the channel holds a state or fires events
 * @param label    a short human label
 */
public record ChannelDefinition(String id, @Nullable String itemType, Kind kind, String label) {

    /** openHAB's channel kinds. */
    public enum Kind {
        STATE,
        TRIGGER
    }

    public static ChannelDefinition state(String id, String itemType, String label) {
        return new ChannelDefinition(id, itemType, Kind.STATE, label);
    }

    public static ChannelDefinition trigger(String id, String label) {
        return new ChannelDefinition(id, null, Kind.TRIGGER, label);
    }
}
