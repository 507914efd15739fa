package org.camalarm.alarm;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Everything one decoded request carries: who sent it, the events, and the snapshot if any.
 *
 * @param vendor     which protocol the request was recognised as
 * @param ip         the IP address the camera reports for itself, or {@code null}
 * @param mac        the camera's MAC, normalised to {@code AA:BB:CC:DD:EE:FF}, or {@code null}
 * @param deviceName the camera's own name, or {@code null}
 * @param events     the events, at least one; none only for a TVT XML keepalive (an alarm status
 *                   message that reports no alarm element)
 * @param image      the JPEG snapshot exactly as pushed (from {@code FF D8} on), or {@code null}
 */
public record Alarm(
        Vendor vendor,
        @Nullable String ip,
        @Nullable String mac,
        @Nullable String deviceName,
        List<AlarmEvent> events,
        byte @Nullable [] image) {

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
