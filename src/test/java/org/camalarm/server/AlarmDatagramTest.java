package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a datagram's bytes become an alarm request: the shapes a camera may send, and what is refused. */
class AlarmDatagramTest {

    private static AlarmDatagram parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return AlarmDatagram.parse(bytes, bytes.length);
    }

    private static String body(AlarmDatagram datagram) {
        return new String(datagram.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theApiCommandAsTypedIntoTheCameraIsAGet() {
        AlarmDatagram d = parse("camalarm/alarm/tok/gate/LCD");

        assertEquals("GET", d.head().method());
        assertEquals("/camalarm/alarm/tok/gate/LCD", d.head().path());
        assertNull(d.head().query());
        assertEquals("", body(d));
    }

    @Test
    void theCommandWithTheCamerasParametersKeepsRawSpacesAndDropsATrailingLineEndAndNul() {
        AlarmDatagram d = parse("/camalarm/alarm/tok?EventType=VideoMotion&EventTime=2022-5-26 11:5:0"
                + "&EventAction=start&MACAddress=5C-F2-07-49-0F-24\r\n\0");

        assertEquals("GET", d.head().method());
        assertEquals("/camalarm/alarm/tok", d.head().path());
        assertEquals(
                "EventType=VideoMotion&EventTime=2022-5-26 11:5:0&EventAction=start&MACAddress=5C-F2-07-49-0F-24",
                d.head().query());
    }

    @Test
    void aWholeHttpRequestGivesItsMethodHeadersAndBody() {
        String json = "{\"EventType\":\"PD\",\"EventAction\":\"start\"}";
        AlarmDatagram d = parse("POST http://192.168.1.20:8089/camalarm/alarm/tok/gate HTTP/1.1\r\n"
                + "Host: 192.168.1.20:8089\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: "
                + json.length() + "\r\n\r\n" + json + "\0\0");

        assertEquals("POST", d.head().method());
        assertEquals("/camalarm/alarm/tok/gate", d.head().path());
        assertEquals("application/json;charset=UTF-8", d.head().contentType());
        assertEquals(json, body(d));
    }

    @Test
    void aRequestLineWithBareLineEndsAndNoBodyIsAGet() {
        AlarmDatagram d =
                parse("GET /camalarm/alarm/tok?EventType=PD&EventTime=2022-5-26 11:5:0 HTTP/1.1\nHost: hub\n\n");

        assertEquals("GET", d.head().method());
        assertEquals("EventType=PD&EventTime=2022-5-26 11:5:0", d.head().query());
        assertEquals("", body(d));
    }

    @Test
    void aBodyOnTheLinesAfterTheCommandIsPosted() {
        AlarmDatagram d = parse("camalarm/alarm/tok/gate\n<config version=\"1.7\"><alarmStatusInfo/></config>");

        assertEquals("POST", d.head().method());
        assertEquals("/camalarm/alarm/tok/gate", d.head().path());
        assertEquals("<config version=\"1.7\"><alarmStatusInfo/></config>", body(d));
    }

    @Test
    void aContentLengthShorterThanTheDatagramCutsTheBody() {
        AlarmDatagram d = parse("POST /camalarm/alarm/tok HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcdefgh");

        assertEquals("abcd", body(d));
    }

    @Test
    void aBodyAloneCarriesNoTokenAndIsRefused() {
        assertEquals(
                "a body without the alarm path (no token)",
                assertThrows(IllegalArgumentException.class, () -> parse(" {\"EventType\":\"PD\"}"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("<config/>"));
    }

    @Test
    void emptyAndChunkedDatagramsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("\0\0\0"));
        assertThrows(IllegalArgumentException.class, () -> parse(" \r\n"));
        assertThrows(
                IllegalArgumentException.class,
                () -> parse("POST /camalarm/alarm/tok HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd"));
    }

    @Test
    void onlyTheGivenLengthIsRead() {
        byte[] bytes = "camalarm/alarm/tok/gate/PD and stale bytes of an earlier datagram"
                .getBytes(StandardCharsets.ISO_8859_1);

        AlarmDatagram d = AlarmDatagram.parse(bytes, "camalarm/alarm/tok/gate/PD".length());

        assertEquals("/camalarm/alarm/tok/gate/PD", d.head().path());
    }
}
