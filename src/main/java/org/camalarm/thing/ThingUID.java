package org.camalarm.thing;

import java.util.regex.Pattern;
import org.camalarm.text.Texts;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code camalarm:<thingType>:<thingId>}, openHAB's thing UID. Thing ids are unique across types,
 * so the id alone also names a thing (as in alarm URLs).
 */
public record ThingUID(String thingType, String thingId) {

    public static final String BINDING = "camalarm";
    /** The longest thing type, thing id or channel id: ids name configuration files, and cameras put them in URLs. */
    public static final int MAX_SEGMENT = 64;

    /** openHAB's UID segment syntax; also safe as an EventAdmin topic token. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_SEGMENT + "}");
    /** What a valid segment is, for error messages. */
    public static final String SEGMENT_RULE = "1 to " + MAX_SEGMENT + " letters, digits, '_' or '-'";

    public ThingUID {
        requireSegment(thingType, "thing type");
        requireSegment(thingId, "thing id");
    }

    /** Parses {@code camalarm:type:id}; throws IllegalArgumentException naming the bad input. */
    public static ThingUID parse(String uid) {
        String[] parts = uid.split(":", -1);
        if (parts.length != 3 || !BINDING.equals(parts[0])) {
            throw new IllegalArgumentException(
                    "not a camalarm thing UID (camalarm:<type>:<id>): " + Texts.shortened(uid));
        }
        return new ThingUID(parts[1], parts[2]);
    }

    public static boolean isValidSegment(@Nullable String s) {
        return s != null && SEGMENT.matcher(s).matches();
    }

    private static void requireSegment(@Nullable String s, String what) {
        if (!isValidSegment(s)) {
            throw new IllegalArgumentException(what + " must be " + SEGMENT_RULE + ": " + Texts.shortened(s));
        }
    }

    public String thingTypeUID() {
        return BINDING + ":" + thingType;
    }

    public String channelUID(String channelId) {
        return this + ":" + channelId;
    }

    @Override
    public String toString() {
        return BINDING + ":" + thingType + ":" + thingId;
    }
}
