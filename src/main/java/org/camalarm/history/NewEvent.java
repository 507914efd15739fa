package org.camalarm.history;

import java.util.Map;

/**
 * An event as it is handed to the store, before it has an id.
 *
 * @param thing    the thing UID (a camera, the inbox UID of an unknown camera, a push target)
 * @param type     canonical alarm type ({@code PERSON}, ...), or the command of a push or rule
 * @param channel  the detection channel, or the target channel of a push, or the rule's {@code when} channel
 * @param time     the camera's own time (epoch ms), or {@link #NO_TIME}
 * @param received when the hub received it (epoch ms)
 * @param address  the sender's IP address; empty for pushes and rules
 * @param data     the event as received (alarms; at most {@link RecordFormat#MAX_DATA} bytes kept)
 * @param props    small details: the camera's reported IP, MAC, name; a push's result
 */
public record NewEvent(
        EventKind kind,
        String thing,
        String type,
        String channel,
        EventAction action,
        long time,
        long received,
        String address,
        String data,
        Map<String, String> props) {

    public static final long NO_TIME = Long.MIN_VALUE;
}
