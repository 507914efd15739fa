package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.List;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.junit.jupiter.api.Test;

/** iVSEC "Event Push Platform": GET with query, POST with query, form or JSON (docs/protocols.md §1.2). */
class IvsecDecoderTest {

    /**
     * docs/protocols.md §1.2, the vendor's GET example verbatim:
     * {@code GET /<API Command>?EventType=VideoMotion&EventTime=2022-5-26 11:5:0&EventAction=start&MACAddress=5C-F2-07-49-0F-24}.
     * The servlet hands over the query decoded, so the raw space stays a space.
     */
    @Test
    void vendorGetExample() throws Exception {
        Alarm push = Requests.get()
                .param("EventType", "VideoMotion")
                .param("EventTime", "2022-5-26 11:5:0")
                .param("EventAction", "start")
                .param("MACAddress", "5C-F2-07-49-0F-24")
                .decode();

        assertEquals(Vendor.IVSEC, push.vendor());
        assertEquals("5C:F2:07:49:0F:24", push.mac());
        assertNull(push.ip());
        assertNull(push.deviceName());
        assertNull(push.image());
        assertEquals(
                List.of(new AlarmEvent(
                        "VideoMotion",
                        "MOTION",
                        Action.START,
                        LocalDateTime.of(2022, 5, 26, 11, 5, 0),
                        null,
                        "{\"EventType\":\"VideoMotion\",\"EventTime\":\"2022-5-26 11:5:0\",\"EventAction\":\"start\","
                                + "\"MACAddress\":\"5C-F2-07-49-0F-24\"}")),
                push.events());
    }

    @Test
    void getWithBareMacPlusSeparatedTimeAndStop() throws Exception {
        Alarm push = Requests.get()
                .param("eventtype", "PD_VD")
                .param("EVENTTIME", "2022-5-26+11:5:0")
                .param("eventAction", "STOP")
                .param("macaddress", "D094662C1A8D")
                .decode();

        assertEquals("D0:94:66:2C:1A:8D", push.mac());
        AlarmEvent event = push.events().get(0);
        assertEquals("PD_VD", event.rawType());
        assertEquals("PERSON_OR_VEHICLE", event.type());
        assertEquals(Action.STOP, event.action());
        assertEquals(LocalDateTime.of(2022, 5, 26, 11, 5, 0), event.time());
    }

    @Test
    void missingActionIsPulseAndUnreadableTimeIsNull() throws Exception {
        Alarm push = Requests.get()
                .param("EventType", "SOD")
                .param("EventTime", "26/05/2022 11h05")
                .param("MACAddress", "not-a-mac")
                .decode();

        AlarmEvent event = push.events().get(0);
        assertEquals(
                new AlarmEvent(
                        "SOD",
                        "OBJECT_LEFT",
                        Action.PULSE,
                        null,
                        null,
                        "{\"EventType\":\"SOD\",\"EventTime\":\"26/05/2022 11h05\",\"MACAddress\":\"not-a-mac\"}"),
                event);
        assertNull(push.mac());
    }

    @Test
    void postWithFieldsInTheQuery() throws Exception {
        Alarm push = Requests.post()
                .contentType("text/plain")
                .param("EventType", "LCD")
                .param("EventAction", "start")
                .decode();

        assertEquals(
                List.of("LCD", "LINE_CROSSING", Action.START),
                List.of(
                        push.events().get(0).rawType(),
                        push.events().get(0).type(),
                        push.events().get(0).action()));
    }

    @Test
    void postWithFormBody() throws Exception {
        Alarm push = Requests.post()
                .contentType("application/x-www-form-urlencoded")
                .body(
                        "EventType=PD&EventTime=2022-5-26+11%3A5%3A0&EventAction=stop&MACAddress=5c%3Af2%3A07%3A49%3A0f%3A24")
                .decode();

        assertEquals("5C:F2:07:49:0F:24", push.mac());
        assertEquals(
                new AlarmEvent(
                        "PD",
                        "PERSON",
                        Action.STOP,
                        LocalDateTime.of(2022, 5, 26, 11, 5, 0),
                        null,
                        "{\"EventType\":\"PD\",\"EventTime\":\"2022-5-26 11:5:0\",\"EventAction\":\"stop\","
                                + "\"MACAddress\":\"5c:f2:07:49:0f:24\"}"),
                push.events().get(0));
    }

    @Test
    void postWithFormBodyAndNoContentType() throws Exception {
        Alarm push = Requests.post()
                .body("eventtype=FireDetection&eventaction=start")
                .decode();

        assertEquals(
                List.of("FireDetection", "FIRE", Action.START),
                List.of(
                        push.events().get(0).rawType(),
                        push.events().get(0).type(),
                        push.events().get(0).action()));
    }

    @Test
    void declaredFormIsReadAsFormWhateverItStartsWith() throws Exception {
        Alarm push = Requests.post()
                .contentType("application/x-www-form-urlencoded")
                .body("<=1&EventType=CC&{=2")
                .decode();

        assertEquals("CROSS_COUNTING", push.events().get(0).type());
    }

    @Test
    void postWithJsonBodyKeysInAnyCase() throws Exception {
        Alarm push = Requests.post().contentType("application/json").body("""
                {"eventType":"Measurement","EVENTTIME":"2022-05-26T11:05:00","EventAction":"start","macAddress":"5C:F2:07:49:0F:24","Extra":1}""").decode();

        assertEquals(Vendor.IVSEC, push.vendor());
        assertEquals("5C:F2:07:49:0F:24", push.mac());
        assertEquals(
                new AlarmEvent(
                        "Measurement",
                        "TEMPERATURE",
                        Action.START,
                        LocalDateTime.of(2022, 5, 26, 11, 5, 0),
                        null,
                        "{\"EventType\":\"Measurement\",\"EventTime\":\"2022-05-26T11:05:00\",\"EventAction\":\"start\","
                                + "\"MACAddress\":\"5C:F2:07:49:0F:24\"}"),
                push.events().get(0));
    }

    @Test
    void bodyFieldsWinOverQueryFieldsOneByOne() throws Exception {
        Alarm push = Requests.post()
                .contentType("application/json")
                .param("EventType", "VideoMotion")
                .param("EventAction", "stop")
                .body("{\"EventType\":\"PID\"}")
                .decode();

        assertEquals(
                List.of("PID", "INTRUSION", Action.STOP),
                List.of(
                        push.events().get(0).rawType(),
                        push.events().get(0).type(),
                        push.events().get(0).action()));
    }

    @Test
    void unknownTypeIsKept() throws Exception {
        Alarm push = Requests.get()
                .param("EventType", "SmokeDetect")
                .param("EventAction", "start")
                .decode();

        assertEquals(
                List.of("SmokeDetect", "SMOKE_DETECT"),
                List.of(push.events().get(0).rawType(), push.events().get(0).type()));
    }

    @Test
    void pathTypeNeverOverridesTheQueryType() throws Exception {
        Alarm push =
                Requests.get().pathType("PIRAlarm").param("EventType", "RSD").decode();

        assertEquals("ABNORMAL_SOUND", push.events().get(0).type());
    }

    @Test
    void jsonEventTypeOfTheWrongKindIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{\"EventType\":[\"PD\"]}")
                        .decode());

        assertEquals("invalid_event_type", e.error());
        assertEquals("EventType in the JSON body is an array, expected a string", e.getMessage());
    }

    @Test
    void fieldsWithoutEventTypeAndNoPathTypeOrThingAreRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.get()
                        .param("EventAction", "start")
                        .param("MACAddress", "D094662C1A8D")
                        .decode());

        assertEquals("missing_event_type", e.error());
        assertEquals("the push has EventAction but no EventType, and the URL path names no event type", e.getMessage());
    }
}
