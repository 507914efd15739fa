package org.camalarm.mqtt;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where the bridge publishes and listens: one place for the topic layout (README, "MQTT").
 *
 * <pre>
 * {base}/status                         hub birth "online" / last will "offline" (retained)
 * {base}/{thingId}/status               "offline" while the thing cannot work (configuration), else "online" (retained)
 * {base}/{thingId}/{channelId}/state    each state channel (retained; a snapshot is its raw JPEG)
 * {base}/{thingId}/{channelId}/event    a detection started (JSON, never retained)
 * {base}/{thingId}/{channelId}/set      commands to a push target's switch (ON, OFF)
 * {base}/{thingId}/{channelId}/press    commands to a push target's button (any payload)
 * {prefix}/{component}/{node}/{object}/config   Home Assistant discovery (retained)
 * </pre>
 *
 * Thing ids are topic-safe already ({@code [A-Za-z0-9_-]}); channel ids are made so by
 * {@link #segment(String)}.
 */
record Topics(String base, String prefix) {

    static final String SET = "set";
    static final String PRESS = "press";

    /** A command topic taken apart. */
    record Command(String thingId, String channelSegment, String verb) {}

    String hubStatus() {
        return base + "/status";
    }

    String thingStatus(String thingId) {
        return base + "/" + thingId + "/status";
    }

    String state(String thingId, String channelId) {
        return channel(thingId, channelId) + "/state";
    }

    String event(String thingId, String channelId) {
        return channel(thingId, channelId) + "/event";
    }

    String command(String thingId, String channelId, String verb) {
        return channel(thingId, channelId) + "/" + verb;
    }

    private String channel(String thingId, String channelId) {
        return base + "/" + thingId + "/" + segment(channelId);
    }

    /** Home Assistant's birth topic: "online" when it (re)starts, the moment to announce everything again. */
    String homeAssistantStatus() {
        return prefix + "/status";
    }

    String config(String component, String node, String object) {
        return prefix + "/" + component + "/" + node + "/" + object + "/config";
    }

    /** The discovery node of a thing: base and thing id, so two hubs with different bases never collide. */
    String node(String thingId) {
        return segment(base) + "_" + thingId;
    }

    /** The hub's own discovery node and device identifier; no thing's node can be this ("-" instead of "_"). */
    String hubNode() {
        return segment(base) + "-hub";
    }

    /** What the bridge subscribes to for commands. */
    List<String> commandFilters() {
        return List.of(base + "/+/+/" + SET, base + "/+/+/" + PRESS);
    }

    /** The thing, channel and verb of a command topic, or {@code null} when it is not one. */
    @Nullable
    Command parseCommand(String topic) {
        if (!topic.startsWith(base + "/")) {
            return null;
        }
        String[] levels = topic.substring(base.length() + 1).split("/", -1);
        if (levels.length != 3 || !(SET.equals(levels[2]) || PRESS.equals(levels[2]))) {
            return null;
        }
        return new Command(levels[0], levels[1], levels[2]);
    }

    /** An id as one topic level and discovery id: letters, digits, '_' and '-' only. */
    static String segment(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
