package org.camalarm.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CameraSettingsTest {

    @Test
    void anAbsurdHoldTimeIsBlamedOnHoldTimeNotOnMaxAlarmDuration() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CameraSettings.of("", 1e20, 300, new String[0]));
        assertEquals("holdTime must be more than 0 and at most 86400 seconds: 1.0E20", e.getMessage());
    }

    @Test
    void aMaxAlarmDurationBelowHoldTimeIsBlamedOnMaxAlarmDuration() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CameraSettings.of("", 60, 30, new String[0]));
        assertEquals("maxAlarmDuration must be at least holdTime (60.0 s): 30.0", e.getMessage());
    }
}
