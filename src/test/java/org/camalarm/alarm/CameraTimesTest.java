package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
                "' 2022-05-26 11:05:07.25 '|2022-05-26T11:05:07.250", "2024-02-29 23:59:59|2024-02-29T23:59:59",
                "11-19-2025 12:15:11 PM|2025-11-19T12:15:11", "11-19-2025 12:15:11 AM|2025-11-19T00:15:11",
                "19-11-2025 01:05:00 pm|2025-11-19T13:05", "11/19/2025 23:15:11|2025-11-19T23:15:11",
                "07-07-2025 7:07:07|2025-07-07T07:07:07", "2025-11-19 09:58:21 PM|2025-11-19T21:58:21"
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
                "1e10",
                "05-06-2025 10:00:00",
                "11-19-25 12:15:11",
                "11-19-2025 13:15:11 PM",
                "11-19-2025 00:15:11 AM",
                "11-19-2025 12:15:11 XM"
            })
    void anythingElseIsNull(String text) {
        assertNull(CameraTimes.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2025-03-05T10:47:40+00:00|2025-03-05T11:47:40", "2022-01-31T13:53:05+01:00|2022-01-31T13:53:05",
                "2026-07-01T12:00:00Z|2026-07-01T14:00", "2026-07-01 12:00:00|2026-07-01T12:00"
            })
    void anOffsetIsTurnedIntoTheHubsWallTime(String text, String expected) {
        assertEquals(LocalDateTime.parse(expected), CameraTimes.parse(text, ZoneId.of("Europe/Berlin")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-01-22T11:47:1500:00",
                "2024-01-22T11:47:15+25:00",
                "noon",
                "+999999999-01-01T00:00:00Z", // a local time, but no time a clock shows: stored as none
                "1500-01-01T00:00:00Z"
            })
    void aMalformedOffsetTimeIsNull(String text) {
        assertNull(CameraTimes.parse(text, ZoneOffset.UTC));
    }

    /** Parsable as an OffsetDateTime, but beyond LocalDateTime's range once moved into the hub's zone. */
    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00"})
    void anInstantBeyondTheRangeOfLocalTimesIsNullNotAnException(String text) {
        assertNull(CameraTimes.parse(text, ZoneId.of("Pacific/Kiritimati")));
        assertNull(CameraTimes.parse(text, ZoneId.of("Pacific/Pago_Pago")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1772056914|2026-02-25T22:01:54",
                "1772056914604|2026-02-25T22:01:54.604",
                "1772056914604193|2026-02-25T22:01:54.604193"
            })
    void epochTimeBySecondsMillisecondsOrMicroseconds(String digits, String expected) {
        assertEquals(LocalDateTime.parse(expected), CameraTimes.epoch(digits, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"18445822972087551616", "177205691", "-1772056914", "17720569140000x"})
    void otherEpochLengthsAreNull(String digits) {
        assertNull(CameraTimes.epoch(digits, ZoneOffset.UTC));
    }
}
