package org.camalarm.camera;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camalarm.alarm.Macs;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A camera thing's validated configuration.
 *
 * @param mac              normalised {@code AA:BB:CC:DD:EE:FF}, or {@code null} when not configured
 * @param holdTime         how long a detection stays ON after its last repeat when no stop comes
 * @param maxAlarmDuration when an alarm whose stop never came is forced OFF, counted from its start
 */
record CameraSettings(
        @Nullable String mac,
        Duration holdTime,
        Duration maxAlarmDuration,
        AddressFilter allowedAddresses,
        String[] allowedAddressesText) {

    /** Validates raw values; throws IllegalArgumentException with a message for the thing status. */
    static CameraSettings of(
            @Nullable String mac, double holdTime, double maxAlarmDuration, String @Nullable [] allowedAddresses) {
        String normalisedMac = null;
        if (mac != null && !mac.isBlank()) {
            normalisedMac = Macs.normalise(mac);
            if (normalisedMac == null) {
                throw new IllegalArgumentException("mac is not a MAC address (12 hex digits): " + mac);
            }
        }
        if (!(holdTime > 0)) {
            throw new IllegalArgumentException("holdTime must be more than 0 seconds: " + holdTime);
        }
        if (!(maxAlarmDuration >= holdTime)) {
            throw new IllegalArgumentException(
                    "maxAlarmDuration must be at least holdTime (" + holdTime + " s): " + maxAlarmDuration);
        }
        String[] addresses = allowedAddresses == null ? new String[0] : allowedAddresses;
        return new CameraSettings(
                normalisedMac, seconds(holdTime), seconds(maxAlarmDuration), AddressFilter.parse(addresses), addresses);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The configuration as users see it in REST and the UI (cameras hold no secrets). */
    Map<String, Object> asConfiguration() {
        Map<String, Object> config = new LinkedHashMap<>();
        String configuredMac = mac;
        if (configuredMac != null) {
            config.put("mac", configuredMac);
        }
        config.put("holdTime", holdTime.toMillis() / 1000.0);
        config.put("maxAlarmDuration", maxAlarmDuration.toMillis() / 1000.0);
        config.put("allowedAddresses", Arrays.asList(allowedAddressesText));
        return config;
    }
}
