package org.camalarm.thing;

import java.util.Map;
import org.camalarm.text.Texts;

/**
 * Reads a thing's identity from its Configuration Admin factory configuration. A named factory
 * configuration {@code camalarm.vigi~frontdoor} (what FileInstall makes of
 * {@code conf/camalarm.vigi-frontdoor.cfg}, and what the inbox creates) is the thing
 * {@code camalarm:vigi:frontdoor}.
 */
public final class ThingConfigurations {

    /** Set by FileInstall on configurations it read from {@code conf/}. */
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";
    /** An explicit thing id, for unnamed factory configurations made by other tools. */
    public static final String THING_ID = "thingId";

    private ThingConfigurations() {}

    /** The thing id; throws IllegalArgumentException with a readable reason when there is none. */
    public static String thingId(Map<String, Object> properties) {
        Object explicit = properties.get(THING_ID);
        if (explicit instanceof String s && !s.isBlank()) {
            return requireSegment(s.trim());
        }
        Object pid = properties.get("service.pid");
        if (pid instanceof String s && s.indexOf('~') >= 0) {
            return requireSegment(s.substring(s.indexOf('~') + 1));
        }
        throw new IllegalArgumentException("configuration " + pid + " names no thing id: use a named factory"
                + " configuration (conf/<factoryPid>-<thingId>.cfg) or set thingId");
    }

    private static String requireSegment(String id) {
        if (!ThingUID.isValidSegment(id)) {
            throw new IllegalArgumentException(
                    "thing id must be " + ThingUID.SEGMENT_RULE + ": " + Texts.shortened(id));
        }
        return id;
    }

    /**
     * The name of the factory configuration the hub makes for a thing or rule of this id (REST, the
     * inbox), with {@link #THING_ID} set explicitly: {@code <id>.ui}, which no {@code conf/} file can
     * share. Named {@code <id>}, a file {@code camalarm.<type>-<id>.cfg} written later would be the
     * same configuration: it would silently replace what the user made, and take it away with it
     * when deleted. As another configuration, it meets the usual "id already used" warning instead.
     */
    public static String storedName(String thingId) {
        return thingId + ".ui";
    }

    /** Things from text files are read-only in the UI, as openHAB treats them. */
    public static boolean isEditable(Map<String, Object> properties) {
        return !properties.containsKey(FILEINSTALL_FILENAME);
    }
}
