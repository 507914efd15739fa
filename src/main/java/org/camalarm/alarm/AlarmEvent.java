package org.camalarm.alarm;

import java.time.LocalDateTime;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One detection reported by a camera.
 *
 * @param rawType   the event type exactly as the camera named it ({@code PEOPLE}, {@code VideoMotion}, ...)
 * @param type      the canonical type ({@code MOTION}, {@code PERSON}, ...; see {@link EventTypes})
 * @param action    whether the detection starts, stops, or is a single report with no stop to come
 * @param time      the camera's own time stamp (cameras send no time zone), or {@code null} when
 *                  absent or unreadable
 * @param nvrChannel the NVR channel that saw it, or {@code null}
 * @param json      this event as JSON, for the {@code lastEventData} channel: the fields as received
 *                  (VIGI: the {@code event_list} item plus {@code ip}, {@code mac}, {@code device_name}),
 *                  at most 4 KiB of UTF-8, long values cut
 */
public record AlarmEvent(
        String rawType,
        String type,
        Action action,
        @Nullable LocalDateTime time,
        @Nullable String nvrChannel,
        String json) {

    /** What the camera says about the detection's life. */
    public enum Action {
        /** iVSEC {@code EventAction=start}: ON until a stop comes. */
        START,
        /** iVSEC {@code EventAction=stop}. */
        STOP,
        /** A report with no stop to come (VIGI, fixed-path pushes): ON for the hold time. */
        PULSE
    }
}
