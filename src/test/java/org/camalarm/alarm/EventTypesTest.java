package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTypesTest {

    /** Every iVSEC EventType of docs/protocols.md §1.2 and the VIGI types, with their canonical type. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "VideoMotion, MOTION",
        "IOAlarm, ALARM_INPUT",
        "PIRAlarm, PIR",
        "SoundDetect, AUDIO",
        "VideoTampering, TAMPER",
        "SOD, OBJECT_LEFT",
        "LCD, LINE_CROSSING",
        "PID, INTRUSION",
        "PD, PERSON",
        "PD_VD, PERSON_OR_VEHICLE",
        "FD, FACE",
        "CC, CROSS_COUNTING",
        "AD, FACE_ATTRIBUTE",
        "CD, CROWD_DENSITY",
        "QD, QUEUE_LENGTH",
        "LPD, LICENSE_PLATE",
        "LPR, LICENSE_PLATE",
        "RSD, ABNORMAL_SOUND",
        "Intrusion, INTRUSION",
        "RegionEntrance, REGION_ENTRANCE",
        "RegionExiting, REGION_EXITING",
        "FireDetection, FIRE",
        "Measurement, TEMPERATURE",
        "FR, FACE_RECOGNITION",
        // VIGI seen and guessed
        "MOTION, MOTION",
        "PEOPLE, PERSON",
        "PERSON, PERSON",
        "HUMAN, PERSON",
        "VEHICLE, VEHICLE",
        "LINE_CROSSING, LINE_CROSSING",
        "LINE_CROSS, LINE_CROSSING",
        "INTRUSION, INTRUSION",
        "AREA_INTRUSION, INTRUSION",
        "REGION_INTRUSION, INTRUSION",
        "REGION_ENTRANCE, REGION_ENTRANCE",
        "ENTER_AREA, REGION_ENTRANCE",
        "REGION_EXITING, REGION_EXITING",
        "LEAVE_AREA, REGION_EXITING",
        "TAMPER, TAMPER",
        "CAMERA_TAMPERING, TAMPER",
        "VIDEO_TAMPERING, TAMPER",
        "FACE, FACE",
        "AUDIO, AUDIO",
        "SOUND, AUDIO",
        "ALARM, ALARM"
    })
    void knownTypes(String raw, String canonical) {
        assertEquals(canonical, EventTypes.canonical(raw));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "VIDEO_MOTION|MOTION", "video-motion|MOTION", "Video Motion|MOTION", "videomotion|MOTION",
                "pd_vd|PERSON_OR_VEHICLE", "PD&VD|PERSON_OR_VEHICLE", "Pd-Vd|PERSON_OR_VEHICLE", "people|PERSON"
            })
    void matchingIgnoresCaseAndPunctuation(String raw, String canonical) {
        assertEquals(canonical, EventTypes.canonical(raw));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SmokeDetect|SMOKE_DETECT",
                "smoke detect|SMOKE_DETECT",
                "SMOKE_DETECT|SMOKE_DETECT",
                "HTTPServer|HTTP_SERVER",
                "Zone1Alarm|ZONE1_ALARM",
                "zone1alarm|ZONE1_ALARM",
                "loiter|LOITER",
                "Fall&Down!!|FALL_DOWN",
                "  __x__  |X",
                "PEA|PEA",
                "Bébé|B_B"
            })
    void unknownTypesBecomeUpperSnakeCase(String raw, String canonical) {
        assertEquals(canonical, EventTypes.canonical(raw));
    }

    @Test
    void typesWithoutLetterOrDigitAndNullAreGenericAlarm() {
        assertEquals(EventTypes.ALARM, EventTypes.canonical(null));
        assertEquals(EventTypes.ALARM, EventTypes.canonical(""));
        assertEquals(EventTypes.ALARM, EventTypes.canonical("&&--"));
    }

    @Test
    void canonicalIsIdempotent() {
        for (String raw : new String[] {"PD_VD", "SmokeDetect", "Zone1Alarm", "X1y2Z", "PEOPLE", "a.b.c", "ABCdef"}) {
            String once = EventTypes.canonical(raw);
            assertEquals(once, EventTypes.canonical(once), raw);
        }
    }

    @Test
    void lowerCamelNamesChannels() {
        Map<String, String> expected = Map.of(
                "SMOKE_DETECT",
                "smokeDetect",
                "SmokeDetect",
                "smokeDetect",
                "PERSON_OR_VEHICLE",
                "personOrVehicle",
                "PEOPLE",
                "people",
                "ZONE1_ALARM",
                "zone1Alarm",
                "videoMotion",
                "videoMotion",
                "&&",
                "alarm");
        expected.forEach((in, out) -> assertEquals(out, EventTypes.lowerCamel(in), in));
        assertEquals("alarm", EventTypes.lowerCamel(null));
    }
}
