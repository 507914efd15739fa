package org.camalarm.rule;

import org.camalarm.text.Texts;
import org.camalarm.thing.ThingUID;

/**
 * {@code camalarm:<thingType>:<thingId>:<channelId>}, openHAB's channel UID: what a rule listens
 * to and what it drives.
 */
record ChannelUID(ThingUID thing, String channelId) {

    /** The syntax, as error messages show it. */
    static final String SYNTAX = "camalarm:<type>:<id>:<channelId>";

    ChannelUID {
        if (!ThingUID.isValidSegment(channelId)) {
            throw new IllegalArgumentException(
                    "channel id must be " + ThingUID.SEGMENT_RULE + ": " + Texts.shortened(channelId));
        }
    }

    /**
     * Parses a channel UID.
     *
     * @throws IllegalArgumentException {@code not a channel UID (camalarm:<type>:<id>:<channelId>): "<text>"}
     */
    static ChannelUID parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 4
                || !ThingUID.BINDING.equals(parts[0])
                || !ThingUID.isValidSegment(parts[1])
                || !ThingUID.isValidSegment(parts[2])
                || !ThingUID.isValidSegment(parts[3])) {
            throw new IllegalArgumentException("not a channel UID (" + SYNTAX + "): \"" + Texts.shortened(text) + "\"");
        }
        return new ChannelUID(new ThingUID(parts[1], parts[2]), parts[3]);
    }

    @Override
    public String toString() {
        return thing.channelUID(channelId);
    }
}
