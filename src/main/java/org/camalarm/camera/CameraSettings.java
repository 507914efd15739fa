package org.camalarm.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camalarm.alarm.Channels;
import org.camalarm.alarm.Macs;
import org.camalarm.auth.Credentials;
import org.camalarm.config.Seconds;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A camera thing's validated configuration.
 *
 * @param mac              normalised {@code AA:BB:CC:DD:EE:FF}, or {@code null} when not configured
 * @param deviceId         the id a device without MAC reports (VIGI NVR {@code device_id}, Hikvision
 *                         serial number), or {@code null} when not configured
 * @param channel          the NVR channel this camera is, or {@code null}: the whole device
 * @param holdTime         how long a detection stays ON after its last repeat when no stop comes
 * @param maxAlarmDuration when an alarm whose stop never came is forced OFF, counted from its start
 * @param credentials      what an alarm must carry, or {@code null} when the path token suffices
 * @param credentialsOverHttp whether alarms with credentials are taken over plain HTTP too (they travel in clear)
 * @param offlineAfter     silence (no push, no keepalive) after which the thing goes OFFLINE, or {@code null}: never
 */
record CameraSettings(
        @Nullable String mac,
        Duration holdTime,
        Duration maxAlarmDuration,
        AddressFilter allowedAddresses,
        @Nullable String deviceId,
        @Nullable String channel,
        @Nullable Credentials credentials,
        boolean credentialsOverHttp,
        @Nullable Duration offlineAfter) {

    /** Longest device id or channel accepted: longer ones are no device's. */
    static final int MAX_ID_CHARS = 64;

    /** Validates a camera's configuration; throws IllegalArgumentException with a message for the thing status. */
    static CameraSettings of(CameraConfig config) {
        CameraSettings settings = of(
                        config.mac(), config.holdTime(), config.maxAlarmDuration(), config.allowedAddresses())
                .withDevice(config.deviceId(), config.channel())
                .withCredentials(config.username(), config.password(), config.credentialsOverHttp());
        double offlineAfter = config.offlineAfter();
        requireOfflineAfter(offlineAfter);
        return offlineAfter == 0 ? settings : settings.withOfflineAfter(Seconds.of("offlineAfter", offlineAfter));
    }

    /**
     * Every problem {@link #of(CameraConfig)} would throw for, not only the first: a form shows each
     * beside its field at once. Each sentence starts with its key; empty when the values are sound.
     */
    static List<String> problems(CameraConfig config) {
        List<String> problems = new ArrayList<>();
        check(problems, () -> mac(config.mac()));
        boolean holdTimeSound = check(problems, () -> requireHoldTime(config.holdTime()));
        if (holdTimeSound) {
            check(problems, () -> requireMaxAlarmDuration(config.maxAlarmDuration(), config.holdTime()));
        }
        check(problems, () -> AddressFilter.parse(config.allowedAddresses()));
        check(problems, () -> identifier("deviceId", config.deviceId()));
        check(problems, () -> identifier("channel", config.channel()));
        check(problems, () -> requireOfflineAfter(config.offlineAfter()));
        if (problems.isEmpty()) {
            check(problems, () -> of(config)); // anything the parts above do not cover
        }
        return problems;
    }

    private static boolean check(List<String> problems, Runnable validation) {
        try {
            validation.run();
            return true;
        } catch (IllegalArgumentException e) {
            problems.add(String.valueOf(e.getMessage()));
            return false;
        }
    }

    /** These settings with a device id and a channel (blank: none); throws IllegalArgumentException when too long. */
    CameraSettings withDevice(@Nullable String newDeviceId, @Nullable String newChannel) {
        return new CameraSettings(
                mac,
                holdTime,
                maxAlarmDuration,
                allowedAddresses,
                identifier("deviceId", newDeviceId),
                Channels.normalise(identifier("channel", newChannel)),
                credentials,
                credentialsOverHttp,
                offlineAfter);
    }

    /** These settings, alarms needing {@code username}/{@code password} when either is set. */
    CameraSettings withCredentials(String username, String password, boolean overHttp) {
        Credentials needed = username.isEmpty() && password.isEmpty() ? null : new Credentials(username, password);
        return new CameraSettings(
                mac, holdTime, maxAlarmDuration, allowedAddresses, deviceId, channel, needed, overHttp, offlineAfter);
    }

    /** These settings, the thing going OFFLINE after {@code silence} without a push or keepalive. */
    CameraSettings withOfflineAfter(@Nullable Duration silence) {
        return new CameraSettings(
                mac,
                holdTime,
                maxAlarmDuration,
                allowedAddresses,
                deviceId,
                channel,
                credentials,
                credentialsOverHttp,
                silence);
    }

    private static @Nullable String identifier(String key, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException(key + " is longer than " + MAX_ID_CHARS + " characters");
        }
        return value.strip();
    }

    /** Validates raw values; throws IllegalArgumentException with a message for the thing status. */
    static CameraSettings of(
            @Nullable String mac, double holdTime, double maxAlarmDuration, String @Nullable [] allowedAddresses) {
        String normalisedMac = mac(mac);
        requireHoldTime(holdTime);
        requireMaxAlarmDuration(maxAlarmDuration, holdTime);
        return new CameraSettings(
                normalisedMac,
                Seconds.of("holdTime", holdTime),
                Seconds.of("maxAlarmDuration", maxAlarmDuration),
                AddressFilter.parse(allowedAddresses),
                null,
                null,
                null,
                false,
                null);
    }

    /** The MAC normalised; {@code null} when none is set. */
    private static @Nullable String mac(@Nullable String mac) {
        if (mac == null || mac.isBlank()) {
            return null;
        }
        String normalised = Macs.normalise(mac);
        if (normalised == null) {
            throw new IllegalArgumentException("mac is not a MAC address (12 hex digits): " + mac);
        }
        return normalised;
    }

    private static void requireHoldTime(double holdTime) {
        if (!(holdTime > 0 && holdTime <= Seconds.MAX)) { // above a day: said of holdTime, not of maxAlarmDuration
            throw new IllegalArgumentException(
                    "holdTime must be more than 0 and at most " + (long) Seconds.MAX + " seconds: " + holdTime);
        }
    }

    private static void requireMaxAlarmDuration(double maxAlarmDuration, double holdTime) {
        if (!(maxAlarmDuration >= holdTime)) {
            throw new IllegalArgumentException(
                    "maxAlarmDuration must be at least holdTime (" + holdTime + " s): " + maxAlarmDuration);
        }
    }

    private static void requireOfflineAfter(double offlineAfter) {
        if (!(offlineAfter >= 0)) {
            throw new IllegalArgumentException("offlineAfter must be 0 (off) or more seconds: " + offlineAfter);
        }
    }
}
