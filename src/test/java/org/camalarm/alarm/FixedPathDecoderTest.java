package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.junit.jupiter.api.Test;

/**
 * Pushes that carry no event details: an iVSEC "API Command" typed without parameters
 * (docs/protocols.md §1.2), where the URL path alone identifies camera and event.
 */
class FixedPathDecoderTest {

    @Test
    void pathEventTypeMakesOnePulseEvent() throws Exception {
        Alarm push = Requests.get().thing("frontdoor").pathType("PD").decode();

        assertEquals(Vendor.IVSEC, push.vendor());
        assertNull(push.mac());
        assertEquals(
                List.of(new AlarmEvent("PD", "PERSON", Action.PULSE, null, null, "{\"EventType\":\"PD\"}")),
                push.events());
    }

    @Test
    void queryEventActionGivesStartOrStop() throws Exception {
        Alarm push = Requests.post()
                .pathType("VideoMotion")
                .param("EventAction", "stop")
                .decode();

        assertEquals(
                new AlarmEvent(
                        "VideoMotion",
                        "MOTION",
                        Action.STOP,
                        null,
                        null,
                        "{\"EventType\":\"VideoMotion\",\"EventAction\":\"stop\"}"),
                push.events().get(0));
    }

    @Test
    void thingAloneMakesAGenericAlarm() throws Exception {
        Alarm push = Requests.post().thing("frontdoor").decode();

        assertEquals(
                List.of(new AlarmEvent("ALARM", "ALARM", Action.PULSE, null, null, "{\"EventType\":\"ALARM\"}")),
                push.events());
    }

    @Test
    void bodyThatIsNoAlarmFormatCountsAsNoBody() throws Exception {
        Alarm push = Requests.post()
                .thing("frontdoor")
                .contentType("text/plain")
                .body("light/0?turn=toggle")
                .decode();

        assertEquals("ALARM", push.events().get(0).type());
    }

    @Test
    void sniffedBodyThatIsNotJsonCountsAsNoBody() throws Exception {
        Alarm push = Requests.post().pathType("IOAlarm").body("{not json").decode();

        assertEquals("ALARM_INPUT", push.events().get(0).type());
    }

    @Test
    void jsonObjectWithoutAlarmFieldsCountsAsNoBody() throws Exception {
        Alarm push = Requests.post()
                .pathType("PIRAlarm")
                .contentType("application/json")
                .body("{}")
                .decode();

        assertEquals("PIR", push.events().get(0).type());
    }

    @Test
    void declaredJsonThatIsInvalidIsStillMalformed() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .thing("frontdoor")
                        .contentType("application/json")
                        .body("{not json")
                        .decode());

        assertEquals("invalid_json", e.error());
    }

    @Test
    void nothingRecognisableAndNoPathInformationIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post().contentType("text/plain").body("hello").decode());

        assertEquals("unrecognised_alarm", e.error());
        assertEquals(
                "expected a VIGI JSON or multipart body, iVSEC EventType in the query, form or JSON body, TVT or"
                        + " Hikvision XML;"
                        + " got \"POST\" with Content-Type \"text/plain\" and 5 body bytes, and the URL path names neither a"
                        + " thing nor an event type",
                e.getMessage());
    }

    @Test
    void unrecognisedDetailSaysWhyASniffedBodyWasNotRead() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post().body("{\"x\":").decode());

        assertEquals("unrecognised_alarm", e.error());
        assertEquals(
                "expected a VIGI JSON or multipart body, iVSEC EventType in the query, form or JSON body, TVT or"
                        + " Hikvision XML;"
                        + " got \"POST\" with no Content-Type and 5 body bytes (the body starts with '{' but is not a JSON"
                        + " object), and the URL path names neither a thing nor an event type",
                e.getMessage());
    }

    @Test
    void absurdPathTypeIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.get().pathType("P".repeat(65)).decode());

        assertEquals("invalid_event_type", e.error());
        assertEquals("the event type in the URL path is 65 characters long; at most 64 allowed", e.getMessage());
    }
}
