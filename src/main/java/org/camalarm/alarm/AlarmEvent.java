package org.camalarm.alarm;

import java.time.LocalDateTime;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One detection reported by a camera.
 *
 * @param rawType     the event type exactly as the camera named it ({@code PEOPLE}, {@code VideoMotion}, ...)
 * @param type        the canonical type ({@code MOTION}, {@code PERSON}, ...; see {@link EventTypes})
 * @param action      whether the detection starts, stops, goes on, or is a single report with no stop to come
 * @param time        the camera's own time stamp as wall time in the hub's zone (cameras that send
 *                    a zone or epoch time are converted), or {@code null} when absent or unreadable
 * @param nvrChannel  the NVR channel that saw it, or {@code null}
 * @param json        this event as JSON, for the {@code lastEventData} channel: the fields as received
 *                    (VIGI: the {@code event_list} item plus {@code ip}, {@code mac}, {@code device_name}),
 *                    at most 4 KiB of UTF-8, long values cut
 * @param channelName the name the NVR gives that channel (VIGI {@code channel_name}, Hikvision
 *                    {@code channelName}), or {@code null}
 */
public record AlarmEvent(
        String rawType,
        String type,
        Action action,
        @Nullable LocalDateTime time,
        @Nullable String nvrChannel,
        String json,
        @Nullable String channelName) {

    /** An event without a channel name. */
    public AlarmEvent(
            String rawType,
            String type,
            Action action,
            @Nullable LocalDateTime time,
            @Nullable String nvrChannel,
            String json) {
        this(rawType, type, action, time, nvrChannel, json, null);
    }

    /** What the camera says about the detection's life. */
    public enum Action {
        /** iVSEC {@code EventAction=start}, TVT alarm status {@code true}: ON until a stop comes. */
        START,
        /** iVSEC {@code EventAction=stop}, TVT {@code false}, Hikvision {@code inactive}. */
        STOP,
        /** A report with no stop to come (VIGI, fixed-path pushes): ON for the hold time; each is an alarm. */
        PULSE,
        /**
         * The detection is going on (Hikvision {@code active} and its repeats, TVT smart-event data):
         * it starts a detection that is OFF, held like a pulse; one that is already ON is a repeat
         * that keeps whatever end it waits for (the stop, or the hold time).
         */
        ACTIVE
    }
}
