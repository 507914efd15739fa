package org.camalarm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request heads as cameras write them, raw spaces included. */
class RequestHeadTest {

    private static RequestHead parse(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        return RequestHead.parse(bytes, bytes.length);
    }

    @Test
    void ivsecGetWithARawSpaceInTheTime() {
        RequestHead head =
                parse("GET /camalarm/alarm/tok?EventType=VideoMotion&EventTime=2022-5-26 11:5:0&EventAction=start"
                        + "&MACAddress=5C-F2-07-49-0F-24 HTTP/1.1\r\nHost: 172.16.8.63:123\r\nAccept: */*\r\n"
                        + "Content-Type: application/json;charset=UTF-8");

        assertEquals("GET", head.method());
        assertEquals("/camalarm/alarm/tok", head.path());
        assertEquals(
                "EventType=VideoMotion&EventTime=2022-5-26 11:5:0&EventAction=start&MACAddress=5C-F2-07-49-0F-24",
                head.query());
        assertEquals("application/json;charset=UTF-8", head.contentType());
        assertEquals(-1, head.contentLength());
    }

    @Test
    void postWithBodyLengthAndBareLineFeeds() {
        RequestHead head =
                parse("post /camalarm/alarm/tok/yard  HTTP/1.0\ncontent-length: 42\ncontent-type: text/plain");

        assertEquals("POST", head.method());
        assertEquals("/camalarm/alarm/tok/yard", head.path());
        assertNull(head.query());
        assertEquals(42, head.contentLength());
        assertFalse(head.chunked());
    }

    @Test
    void absoluteFormTargetAndNoVersion() {
        RequestHead head = parse("GET http://hub:8089/camalarm/alarm/tok/x/LCD");
        assertEquals("/camalarm/alarm/tok/x/LCD", head.path());

        assertTrue(parse("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked").chunked());
    }

    @Test
    void notARequestOrABadLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("\u0016\u0003\u0001 TLS hello"));
        assertThrows(IllegalArgumentException.class, () -> parse(""));
        assertEquals(
                "bad Content-Length",
                assertThrows(IllegalArgumentException.class, () -> parse("POST /a HTTP/1.1\r\nContent-Length: -5"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("POST /a HTTP/1.1\r\nContent-Length: lots"));
    }
}
