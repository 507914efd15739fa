package org.camalarm.alarm;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Everything one decoded request carries: who sent it, the events, and the snapshot if any.
 *
 * @param vendor     which camera family the request was recognised as
 * @param format     how it came on the wire, which decides the answer the camera expects
 * @param ip         the IP address the camera reports for itself, or {@code null}
 * @param mac        the camera's MAC, normalised to {@code AA:BB:CC:DD:EE:FF}, or {@code null}
 * @param deviceName the camera's own name, or {@code null}
 * @param events     the events, at least one; none only for a TVT XML keepalive (an alarm status
 *                   message that reports no alarm element)
 * @param image      the JPEG snapshot exactly as pushed (from {@code FF D8} on), or {@code null}
 */
public record Alarm(
        Vendor vendor,
        Format format,
        @Nullable String ip,
        @Nullable String mac,
        @Nullable String deviceName,
        List<AlarmEvent> events,
        byte @Nullable [] image) {

    /** The wire formats the alarm server reads. */
    public enum Format {
        /** VIGI's JSON body. */
        VIGI_JSON,
        /** VIGI's multipart body: the JSON and a JPEG. */
        VIGI_MULTIPART,
        /** iVSEC's EventType, EventTime, EventAction and MACAddress fields, in the query, a form or JSON. */
        IVSEC,
        /** TVT's XML alarm service; it expects TVT's XML answer. */
        TVT_XML,
        /** Nothing but the path: the thing and maybe the event type named in it. */
        FIXED_PATH
    }

    /** The camera families the alarm server speaks. */
    public enum Vendor {
        VIGI("vigi"),
        IVSEC("ivsec");

        private final String thingType;

        Vendor(String thingType) {
            this.thingType = thingType;
        }

        /** The thing type id cameras of this vendor get ({@code vigi}, {@code ivsec}). */
        public String thingType() {
            return thingType;
        }
    }
}
