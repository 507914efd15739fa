package org.camalarm.camera;

import java.util.Arrays;
import java.util.Map;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.config.ConfigReader;
import org.camalarm.config.ConfigReading;
import org.eclipse.jdt.annotation.Nullable;

/** Checks a camera's configuration before it is saved, as its thing will judge it. */
public final class CameraConfigCheck {

    private CameraConfigCheck() {}

    /**
     * What is wrong with {@code properties} for a camera of {@code type} ({@code vigi}, …): the first
     * problem its thing would go OFFLINE for, or {@code null} (also for a type that is no camera).
     */
    public static @Nullable String problem(String type, Map<String, Object> properties, ConfigReader configs) {
        if (Arrays.stream(Vendor.values()).noneMatch(v -> v.thingType().equals(type))) {
            return null;
        }
        ConfigReading<CameraConfig> reading = configs.read(CameraConfig.class, "camalarm." + type, properties);
        if (!reading.ok()) {
            return reading.summary();
        }
        try {
            CameraSettings.of(reading.values());
            return null;
        } catch (IllegalArgumentException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
