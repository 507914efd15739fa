package org.camalarm.alarm;

import java.util.List;
import org.camalarm.image.ImageBytes;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Everything one decoded request carries: who sent it, the events, and the snapshot if any.
 *
 * @param vendor     which camera family the request was recognised as
 * @param format     how it came on the wire, which decides the answer the camera expects
 * @param ip         the IP address the camera reports for itself, or {@code null}
 * @param mac        the camera's MAC, normalised to {@code AA:BB:CC:DD:EE:FF}, or {@code null}
 * @param deviceName the camera's own name, or {@code null}
 * @param events     the events; none for a keepalive (TVT keepalives and empty XML posts,
 *                   Hikvision heartbeats): the device is alive and reports nothing
 * @param image      the JPEG snapshot exactly as pushed (from {@code FF D8} on), or {@code null}; often a
 *                   range of the request body's array, left in place
 * @param deviceId   what identifies a device that sends no MAC (a VIGI NVR's {@code device_id},
 *                   a Hikvision NVR's serial number), or {@code null}
 */
public record Alarm(
        Vendor vendor,
        Format format,
        @Nullable String ip,
        @Nullable String mac,
        @Nullable String deviceName,
        List<AlarmEvent> events,
        @Nullable ImageBytes image,
        @Nullable String deviceId) {

    /** An alarm from a device that identifies itself by its MAC or not at all. */
    public Alarm(
            Vendor vendor,
            Format format,
            @Nullable String ip,
            @Nullable String mac,
            @Nullable String deviceName,
            List<AlarmEvent> events,
            @Nullable ImageBytes image) {
        this(vendor, format, ip, mac, deviceName, events, image, null);
    }

    /** Whether the device only says it is alive (no events). */
    public boolean isKeepalive() {
        return events.isEmpty();
    }

    /** The wire formats the alarm server reads. */
    public enum Format {
        /** VIGI's JSON body. */
        VIGI_JSON,
        /** VIGI's multipart body: the JSON and a JPEG. */
        VIGI_MULTIPART,
        /** A VIGI NVR's JSON body ({@code device_id}, {@code messages[]}). */
        VIGI_NVR_JSON,
        /** A VIGI NVR's JSON as the JSON part of a multipart body, with a JPEG. */
        VIGI_NVR_MULTIPART,
        /** iVSEC's EventType, EventTime, EventAction and MACAddress fields, in the query, a form or JSON. */
        IVSEC,
        /** TVT's XML alarm service (alarm status, alarm data, keepalives); it expects TVT's XML answer. */
        TVT_XML,
        /** Hikvision ISAPI {@code EventNotificationAlert} XML, posted alone. */
        HIKVISION_XML,
        /** Hikvision ISAPI {@code EventNotificationAlert} as a multipart part, with the detection picture. */
        HIKVISION_MULTIPART,
        /** Nothing but the path: the thing and maybe the event type named in it. */
        FIXED_PATH
    }

    /** The camera families the alarm server speaks. */
    public enum Vendor {
        VIGI("vigi"),
        /** iVSEC and the other TVT-made cameras and NVRs (Viewtron, Provision-ISR, ...). */
        IVSEC("ivsec"),
        HIKVISION("hikvision");

        private final String thingType;

        Vendor(String thingType) {
            this.thingType = thingType;
        }

        /** The thing type id cameras of this vendor get ({@code vigi}, {@code ivsec}, {@code hikvision}). */
        public String thingType() {
            return thingType;
        }
    }
}
