package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.junit.jupiter.api.Test;

/** VIGI pushes without image: {@code application/json} bodies (docs/protocols.md §1.1). */
class VigiJsonDecoderTest {

    /** docs/protocols.md §1.1, legacy format, verbatim. */
    private static final String LEGACY = """
            {"ip":"192.168.0.101","mac":"98-ba-5f-8b-10-03","protocol":"HTTP","device_name":"InSight S445 1.0_1003","event_list":[{"dateTime":"20261005150501","event_type":["MOTION","PEOPLE"]}]}""";

    /** Enhanced Alarm Message Service: the item of docs/protocols.md §1.1 verbatim, then two more. */
    private static final String ENHANCED = """
            {"ip":"192.168.0.60","mac":"98:BA:5F:8B:10:04","protocol":"HTTP","device_name":"VIGI NVR1008H",\
            "event_list":[\
            {"camera":"1","dateTime":"2026-10-05 16:25:31","event_type":"PEOPLE","extra_text":[{"region_id":[1],"obj_num":2,"obj_rect_info":[{"x":2109,"y":4722,"height":5278,"width":1797}]}]},\
            {"camera":"3","dateTime":"2026-10-05 16:25:32","event_type":"VEHICLE"},\
            {"camera":"3","dateTime":"2026-10-05 16:25:33","event_type":"LINE_CROSSING"}]}""";

    @Test
    void legacyArrayGivesOneEventPerType() throws Exception {
        Alarm push = Requests.post()
                .contentType("application/json; charset=utf-8")
                .body(LEGACY)
                .decode();

        String json = "{\"dateTime\":\"20261005150501\",\"event_type\":[\"MOTION\",\"PEOPLE\"],"
                + "\"ip\":\"192.168.0.101\",\"mac\":\"98-ba-5f-8b-10-03\",\"device_name\":\"InSight S445 1.0_1003\"}";
        LocalDateTime time = LocalDateTime.of(2026, 10, 5, 15, 5, 1);
        assertEquals(Vendor.VIGI, push.vendor());
        assertEquals("192.168.0.101", push.ip());
        assertEquals("98:BA:5F:8B:10:03", push.mac());
        assertEquals("InSight S445 1.0_1003", push.deviceName());
        assertNull(push.image());
        assertEquals(
                List.of(
                        new AlarmEvent("MOTION", "MOTION", Action.PULSE, time, null, json),
                        new AlarmEvent("PEOPLE", "PERSON", Action.PULSE, time, null, json)),
                push.events());
    }

    @Test
    void enhancedItemsGiveSeveralEventsWithChannelAndTime() throws Exception {
        Alarm push =
                Requests.post().contentType("application/json").body(ENHANCED).decode();

        assertEquals("98:BA:5F:8B:10:04", push.mac());
        assertEquals("VIGI NVR1008H", push.deviceName());
        assertEquals(3, push.events().size());
        AlarmEvent people = push.events().get(0);
        assertEquals(
                new AlarmEvent(
                        "PEOPLE",
                        "PERSON",
                        Action.PULSE,
                        LocalDateTime.of(2026, 10, 5, 16, 25, 31),
                        "1",
                        "{\"camera\":\"1\",\"dateTime\":\"2026-10-05 16:25:31\",\"event_type\":\"PEOPLE\",\"extra_text\":"
                                + "[{\"region_id\":[1],\"obj_num\":2,\"obj_rect_info\":[{\"x\":2109,\"y\":4722,\"height\":5278,"
                                + "\"width\":1797}]}],\"ip\":\"192.168.0.60\",\"mac\":\"98:BA:5F:8B:10:04\","
                                + "\"device_name\":\"VIGI NVR1008H\"}"),
                people);
        assertEquals(
                List.of("VEHICLE", "VEHICLE", "3", LocalDateTime.of(2026, 10, 5, 16, 25, 32)),
                List.of(
                        push.events().get(1).rawType(),
                        push.events().get(1).type(),
                        push.events().get(1).nvrChannel(),
                        push.events().get(1).time()));
        assertEquals(
                List.of("LINE_CROSSING", "LINE_CROSSING", Action.PULSE),
                List.of(
                        push.events().get(2).rawType(),
                        push.events().get(2).type(),
                        push.events().get(2).action()));
    }

    @Test
    void unknownTypesAndFieldsAreKept() throws Exception {
        Alarm push = Requests.post().contentType("application/json").body("""
                {"mac":"98BA5F8B1003","firmware":"3.3.2","event_list":[{"dateTime":"2026-10-05 16:25:31",\
                "event_type":"SmokeDetect","confidence":0.93}]}""").decode();

        AlarmEvent event = push.events().get(0);
        assertEquals("SmokeDetect", event.rawType());
        assertEquals("SMOKE_DETECT", event.type());
        assertEquals(
                "{\"dateTime\":\"2026-10-05 16:25:31\",\"event_type\":\"SmokeDetect\",\"confidence\":0.93,"
                        + "\"mac\":\"98BA5F8B1003\"}",
                event.json());
        assertEquals("98:BA:5F:8B:10:03", push.mac());
        assertNull(push.ip());
        assertNull(push.deviceName());
    }

    @Test
    void jsonIsRecognisedByItsContentWithoutContentType() throws Exception {
        // curl -d declares a form: the detection must not become a generic alarm
        for (String declared : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            Alarm push = Requests.post()
                    .thing("cam")
                    .contentType(declared)
                    .body("\r\n " + LEGACY)
                    .decode();

            assertEquals(Vendor.VIGI, push.vendor(), declared);
            assertEquals(
                    List.of("MOTION", "PERSON"),
                    push.events().stream().map(AlarmEvent::type).toList(),
                    declared);
        }
    }

    @Test
    void pathEventTypeNeverOverridesTheBodyButFillsItemsWithoutType() throws Exception {
        Alarm push = Requests.post()
                .pathType("VideoMotion")
                .contentType("application/json")
                .body("""
                {"event_list":[{"event_type":"PEOPLE"},{"dateTime":"20261005150501"}]}""")
                .decode();

        assertEquals(
                List.of("PEOPLE", "VideoMotion"),
                push.events().stream().map(AlarmEvent::rawType).toList());
        assertEquals(
                List.of("PERSON", "MOTION"),
                push.events().stream().map(AlarmEvent::type).toList());
    }

    @Test
    void pathEventTypeFillsAnEmptyEventList() throws Exception {
        Alarm push = Requests.post()
                .pathType("PEOPLE")
                .contentType("application/json")
                .body("{\"mac\":\"98-ba-5f-8b-10-03\",\"event_list\":[]}")
                .decode();

        assertEquals(
                List.of(new AlarmEvent(
                        "PEOPLE", "PERSON", Action.PULSE, null, null, "{\"mac\":\"98-ba-5f-8b-10-03\"}")),
                push.events());
    }

    @Test
    void unreadableTimeGivesNullTimeNotAnError() throws Exception {
        Alarm push = Requests.post()
                .contentType("application/json")
                .body("{\"event_list\":[{\"dateTime\":\"yesterday\",\"event_type\":[\"MOTION\"]}]}")
                .decode();

        assertNull(push.events().get(0).time());
        assertEquals("MOTION", push.events().get(0).type());
    }

    @Test
    void hugeExtraTextIsCutToFourKibibytes() throws Exception {
        StringBuilder rects = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            rects.append(i == 0 ? "" : ",").append("{\"x\":").append(i).append(",\"y\":2,\"height\":3,\"width\":4}");
        }
        String body = "{\"ip\":\"192.168.0.9\",\"event_list\":[{\"camera\":\"2\",\"event_type\":\"PEOPLE\","
                + "\"extra_text\":[{\"obj_rect_info\":[" + rects + "]}]}]}";

        String json = Requests.post()
                .contentType("application/json")
                .body(body)
                .decode()
                .events()
                .get(0)
                .json();

        int extraLength = JsonParser.parseString(body)
                .getAsJsonObject()
                .getAsJsonArray("event_list")
                .get(0)
                .getAsJsonObject()
                .get("extra_text")
                .toString()
                .length();
        assertEquals(
                "{\"camera\":\"2\",\"event_type\":\"PEOPLE\",\"extra_text\":\"[truncated: " + extraLength
                        + " chars]\",\"ip\":\"192.168.0.9\"}",
                json);
        assertTrue(json.getBytes(StandardCharsets.UTF_8).length <= EventJson.MAX_BYTES);
    }

    @Test
    void invalidJsonNamesWhereItBroke() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{\"event_list\":[{\"event_type\":\"MOTION\"}")
                        .decode());

        assertEquals("invalid_json", e.error());
        assertTrue(e.getMessage().startsWith("body is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 1 column"), e.getMessage());
    }

    @Test
    void trailingDataAfterTheObjectIsInvalid() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{\"event_list\":[]} {}")
                        .decode());

        assertEquals("invalid_json", e.error());
        assertEquals("body has data after the JSON value", e.getMessage());
    }

    @Test
    void lenientJsonIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{event_list:[]}")
                        .decode());

        assertEquals("invalid_json", e.error());
        assertEquals("body is not valid JSON: malformed JSON at line 1 column 3 path $.", e.getMessage());
    }

    @Test
    void jsonThatIsNotAnObjectIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("[{\"event_type\":\"MOTION\"}]")
                        .decode());

        assertEquals("json_not_object", e.error());
        assertEquals("body is an array, expected a JSON object", e.getMessage());
    }

    @Test
    void eventListThatIsNotAnArrayIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{\"event_list\":{\"event_type\":\"MOTION\"}}")
                        .decode());

        assertEquals("invalid_event_list", e.error());
        assertEquals("event_list is an object, expected an array", e.getMessage());
    }

    @Test
    void itemThatIsNotAnObjectIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{\"event_list\":[\"PEOPLE\"]}")
                        .decode());

        assertEquals("invalid_event", e.error());
        assertEquals("event_list[0] is a string, expected an object", e.getMessage());
    }

    @Test
    void itemWithoutEventTypeIsRejectedWhenThePathNamesNone() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{\"event_list\":[{\"dateTime\":\"20261005150501\"}]}")
                        .decode());

        assertEquals("missing_event_type", e.error());
        assertEquals("event_list[0] has no event_type", e.getMessage());
    }

    @Test
    void eventTypeOfTheWrongKindIsRejected() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{\"event_list\":[{\"event_type\":[7]}]}")
                        .decode());

        assertEquals("invalid_event_type", e.error());
        assertEquals("event_list[0].event_type[0] is a number, expected a string", e.getMessage());
    }

    @Test
    void absurdlyLongEventTypeIsRejectedWithoutEchoingIt() {
        String type = "X".repeat(5000);
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{\"event_list\":[{\"event_type\":\"" + type + "\"}]}")
                        .decode());

        assertEquals("invalid_event_type", e.error());
        assertEquals("event_list[0].event_type is 5000 characters long; at most 64 allowed", e.getMessage());
    }

    @Test
    void emptyEventListIsRejectedWhenThePathNamesNoType() {
        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .contentType("application/json")
                        .body("{\"event_list\":[]}")
                        .decode());

        assertEquals("no_events", e.error());
        assertEquals("event_list is empty", e.getMessage());
    }

    @Test
    void anUnreadableItemOrTypeDoesNotLoseTheGoodOnesBesideIt() throws Exception {
        Alarm push = Requests.post().contentType("application/json").body("""
                {"event_list":[{"dateTime":"20261005150501","event_type":["PEOPLE",7]},{"event_type":[123]},"junk",
                 {"event_type":"VEHICLE"}]}""").decode();

        assertEquals(
                List.of("PEOPLE", "VEHICLE"),
                push.events().stream().map(AlarmEvent::rawType).toList());
    }
}
