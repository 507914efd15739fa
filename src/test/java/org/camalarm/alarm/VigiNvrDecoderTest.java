package org.camalarm.alarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.List;
import org.camalarm.alarm.Alarm.Format;
import org.camalarm.alarm.Alarm.Vendor;
import org.camalarm.alarm.AlarmEvent.Action;
import org.junit.jupiter.api.Test;

/** What a VIGI NVR pushes (docs/devices.md, "TP-Link VIGI NVR"): {@code device_id} and {@code messages[]}, no MAC. */
class VigiNvrDecoderTest {

    private static final String PUSH = """
            {
            "device_id": "5a7e0c11d2f3",
            "device_name": "VIGI NVR1008H-8P(UN) 1.20",
            "messages": [{
            "type": 1, "sub_type": [ 2, 101 ],
            "localtime": "2026-03-21 14:04:05",
            "channel": "3",
            "channel_name": "Carport",
            "imgId": 0
            }
            ]
            }
            """;

    @Test
    void knownSubTypesAreMappedAndUnknownOnesStayVisible() throws Exception {
        Alarm push = Requests.post().contentType("application/json").body(PUSH).decode();

        assertEquals(Vendor.VIGI, push.vendor());
        assertEquals(Format.VIGI_NVR_JSON, push.format());
        assertEquals("5a7e0c11d2f3", push.deviceId());
        assertNull(push.mac());
        assertEquals("VIGI NVR1008H-8P(UN) 1.20", push.deviceName());
        String json = "{\"type\":1,\"sub_type\":[2,101],\"localtime\":\"2026-03-21 14:04:05\",\"channel\":\"3\","
                + "\"channel_name\":\"Carport\",\"imgId\":0,\"device_id\":\"5a7e0c11d2f3\","
                + "\"device_name\":\"VIGI NVR1008H-8P(UN) 1.20\"}";
        LocalDateTime time = LocalDateTime.of(2026, 3, 21, 14, 4, 5);
        assertEquals(
                List.of(
                        new AlarmEvent("VIGI type 1 sub_type 2", "MOTION", Action.PULSE, time, "3", json, "Carport"),
                        new AlarmEvent(
                                "VIGI type 1 sub_type 101",
                                "VIGI_TYPE_1_SUB_TYPE_101",
                                Action.PULSE,
                                time,
                                "3",
                                json,
                                "Carport")),
                push.events());
    }

    @Test
    void lineCrossingAndRegionEntranceAreTheOtherReportedCodes() throws Exception {
        Alarm push = Requests.post().body("""
                {"device_id":"5a7e0c11d2f3","messages":[
                 {"type":1,"sub_type":[4],"localtime":"2026-03-21 14:04:05","channel":"1"},
                 {"type":1,"sub_type":6,"localtime":"2026-03-21 14:04:06","channel":2}]}""").decode();

        assertEquals(
                List.of("LINE_CROSSING 1", "REGION_ENTRANCE 2"),
                push.events().stream().map(e -> e.type() + " " + e.nvrChannel()).toList());
    }

    @Test
    void aCodeOfAnotherTypeIsNeverTakenForMotion() throws Exception {
        Alarm push = Requests.post().body("""
                {"device_id":"5a7e0c11d2f3","messages":[{"type":3,"sub_type":[2],"channel":"1"},{"sub_type":[2]},{"type":1}]}""").decode();

        assertEquals(
                List.of("VIGI_TYPE_3_SUB_TYPE_2", "VIGI_TYPE_SUB_TYPE_2", "VIGI_TYPE_1"),
                push.events().stream().map(AlarmEvent::type).toList());
    }

    @Test
    void anUnreadableMessageDoesNotLoseTheGoodOnes() throws Exception {
        Alarm push = Requests.post().body("""
                {"device_id":"5a7e0c11d2f3","messages":["junk",{"type":1,"sub_type":["x"]},{"type":1,"sub_type":[2]}]}""").decode();

        assertEquals(
                List.of("MOTION"), push.events().stream().map(AlarmEvent::type).toList());

        MalformedAlarmException e = assertThrows(
                MalformedAlarmException.class,
                () -> Requests.post()
                        .body("{\"device_id\":\"x\",\"messages\":[\"junk\"]}")
                        .decode());
        assertEquals("invalid_message", e.error());
    }

    @Test
    void asTheJsonPartOfAMultipartPushWithItsPicture() throws Exception {
        byte[] body = Bytes.of(
                "--ReportEventBoundary\r\nContent-Disposition: form-data; name=\"event\"\r\n",
                "Content-Type: application/json\r\n\r\n",
                PUSH.replace("\"imgId\": 0", "\"imgId\": 1"),
                "\r\n--ReportEventBoundary\r\nContent-Disposition: form-data; name=\"20260321140405\"\r\n",
                "Content-Type: image/jpeg\r\n\r\n",
                Bytes.JPEG,
                "\r\n--ReportEventBoundary--\r\n");

        Alarm push = Requests.post()
                .contentType("multipart/form-data; boundary=ReportEventBoundary")
                .body(body)
                .decode();

        assertEquals(Format.VIGI_NVR_MULTIPART, push.format());
        assertEquals("5a7e0c11d2f3", push.deviceId());
        assertEquals("MOTION", push.events().get(0).type());
        assertArrayEquals(Bytes.JPEG, push.image().toArray());
    }
}
