package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CameraTimesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "20261005150501|2026-10-05T15:05:01", "202610051505|2026-10-05T15:05",
                "2026-10-05 16:25:31|2026-10-05T16:25:31", "2022-5-26 11:5:0|2022-05-26T11:05",
                "2022-05-26T11:05:00|2022-05-26T11:05", "2022-05-26 11:05|2022-05-26T11:05",
                "2022-5-26+11:5:0|2022-05-26T11:05", "2022-5-26%2011:5:0|2022-05-26T11:05",
                "2022/05/26  11:05:07|2022-05-26T11:05:07", "2022.5.6_1:2:3|2022-05-06T01:02:03",
                "' 2022-05-26 11:05:07.25 '|2022-05-26T11:05:07.250", "2024-02-29 23:59:59|2024-02-29T23:59:59"
            })
    void readsCameraLayouts(String text, String expected) {
        assertEquals(LocalDateTime.parse(expected), CameraTimes.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "yesterday",
                "2022-5-26",
                "2022-02-30 10:00:00",
                "2022-05-26 24:00:00",
                "20261305150501",
                "2026100515050",
                "22-5-26 11:5:0",
                "2022-5-26 11",
                "2022-5-26 11:5:0Z",
                "2022-5/26 11:5:0",
                "2022-5-26 11:5:0.1234567890",
                "2022-5-26 111:5:0",
                "2022-5-26 11:5:",
                "1e10"
            })
    void anythingElseIsNull(String text) {
        assertNull(CameraTimes.parse(text));
    }
}
