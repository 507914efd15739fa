package org.camalarm.camera;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.config.ConfigReader;
import org.camalarm.config.ConfigReading;

/** Checks a camera's configuration before it is saved, as its thing will judge it. */
public final class CameraConfigCheck {

    private CameraConfigCheck() {}

    /**
     * What is wrong with the values of {@code properties} for a camera of {@code type} ({@code vigi},
     * …) beyond their types (the Metatype's check): every problem its thing would go OFFLINE for, each
     * starting with its key; empty when none (also for a type that is no camera).
     */
    public static List<String> problems(String type, Map<String, Object> properties, ConfigReader configs) {
        if (Arrays.stream(Vendor.values()).noneMatch(v -> v.thingType().equals(type))) {
            return List.of();
        }
        // a value of the wrong type reads as its default, so the others are still judged
        ConfigReading<CameraConfig> reading = configs.read(CameraConfig.class, "camalarm." + type, properties);
        return CameraSettings.problems(reading.values());
    }
}
