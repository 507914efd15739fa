package org.camalarm.camera;

import java.util.ArrayList;
import java.util.List;
import org.camalarm.alarm.Alarm;
import org.camalarm.alarm.Channels;
import org.camalarm.thing.ThingRegistry;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Finds the camera things a part of an alarm ({@link AlarmParts}) belongs to when the URL names
 * none, the way cameras are found by MAC, extended to NVRs: by the device (its MAC, or its device
 * id when it sends no MAC), then by channel.
 *
 * <ol>
 * <li>Which things are the device's: those configured with its MAC or device id; if none, those
 * that learned them from earlier pushes; if the push names no device at all (TVT smart data
 * without MAC, an empty keepalive), those whose reported IP address is the sender's.</li>
 * <li>Which of those: a keepalive reaches all of them (the device is alive). An event of channel
 * <i>c</i> goes to the things configured with channel <i>c</i>, else to those without a channel
 * (a thing for the whole device). An event without a channel goes to the things without a
 * channel, else to all of the device's things.</li>
 * </ol>
 * A thing whose configuration is invalid is found only by what it learned (it has no configured
 * MAC, device id or channel); the router then refuses the push rather than offering it again.
 */
final class CameraFinder {

    /** A device as a push names it. */
    record Device(@Nullable String mac, @Nullable String deviceId) {
        boolean isNamed() {
            return mac != null || deviceId != null;
        }

        static Device of(Alarm alarm) {
            return new Device(alarm.mac(), alarm.deviceId());
        }

        /** The device a configured camera says it is: configured, else learned. */
        static Device of(CameraHandler camera) {
            String mac = camera.configuredMac();
            String deviceId = camera.configuredDeviceId();
            return new Device(
                    mac != null ? mac : camera.thing().property("macAddress"),
                    deviceId != null ? deviceId : camera.thing().property("deviceId"));
        }

        boolean configuredIn(CameraHandler camera) {
            return (mac != null && mac.equals(camera.configuredMac()))
                    || (deviceId != null && deviceId.equals(camera.configuredDeviceId()));
        }

        boolean learnedBy(CameraHandler camera) {
            return (mac != null && mac.equals(camera.thing().property("macAddress")))
                    || (deviceId != null && deviceId.equals(camera.thing().property("deviceId")));
        }
    }

    private final ThingRegistry registry;

    CameraFinder(ThingRegistry registry) {
        this.registry = registry;
    }

    /** The cameras a part goes to; empty when none (then it is the inbox's). */
    List<CameraHandler> find(Alarm part, Device device, String remoteAddress) {
        // things with an invalid configuration stay: found by what they learned, they answer MISCONFIGURED
        List<CameraHandler> cameras = new ArrayList<>(registry.all(CameraHandler.class));
        List<CameraHandler> pool = new ArrayList<>();
        if (device.isNamed()) {
            cameras.stream().filter(device::configuredIn).forEach(pool::add);
            if (pool.isEmpty()) {
                cameras.stream().filter(device::learnedBy).forEach(pool::add);
            }
        } else {
            cameras.stream()
                    .filter(c -> remoteAddress.equals(c.thing().property("ipAddress")))
                    .forEach(pool::add);
        }
        if (pool.isEmpty() || part.isKeepalive()) {
            return pool;
        }
        String channel = AlarmParts.channel(part);
        List<CameraHandler> chosen = new ArrayList<>();
        if (channel != null) {
            pool.stream().filter(c -> Channels.same(c.channel(), channel)).forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            pool.stream().filter(c -> c.channel() == null).forEach(chosen::add);
        }
        return chosen.isEmpty() && channel == null ? pool : chosen;
    }
}
