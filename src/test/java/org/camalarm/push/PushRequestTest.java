package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PushRequestTest {

    private static final DeviceSettings SHELLY = DeviceSettings.of(Protocol.HTTP, "192.168.85.151", 0);

    @Test
    void addsTheLeadingSlashTheIvsecApiCommandIsTypedWithout() {
        PushRequest request = PushRequest.of(SHELLY, "post", "light/0?turn=toggle");

        assertEquals("POST", request.method());
        assertEquals("/light/0?turn=toggle", request.pathAndQuery());
        assertEquals(80, request.port());
        assertEquals(
                "http://192.168.85.151:80/light/0?turn=toggle", request.uri().toString());
    }

    @Test
    void keepsPercentEncodingAndEncodesWhatAUriCannotCarry() {
        assertEquals(
                "/axis-cgi/io/port.cgi?action=1%3A%2F300%5C",
                PushRequest.of(SHELLY, "GET", "axis-cgi/io/port.cgi?action=1%3A%2F300%5C")
                        .requestTarget());
        assertEquals(
                "/x?t=2022-5-26%2011:5:0&n=%C3%A4&p=100%25&h=%23",
                PushRequest.of(SHELLY, "GET", "x?t=2022-5-26 11:5:0&n=ä&p=100%&h=#")
                        .requestTarget());
    }

    @Test
    void theDatagramIsTheApiCommandTextOrTheBody() {
        DeviceSettings udp = DeviceSettings.of(Protocol.UDP, "10.0.0.9", 5000);

        PushRequest request = PushRequest.of(udp, "GET", "relay/0?turn=on");
        assertEquals("relay/0?turn=on", new String(request.datagram(), StandardCharsets.UTF_8));
        assertEquals(
                "{\"on\":true}",
                new String(request.withBody("{\"on\":true}", null).datagram(), StandardCharsets.UTF_8));
    }

    @Test
    void rejectsBadMethodsAndHeaderInjection() {
        assertThrows(IllegalArgumentException.class, () -> PushRequest.of(SHELLY, "GE T", "/"));
        assertThrows(
                IllegalArgumentException.class,
                () -> PushRequest.of(SHELLY, "POST", "/").withBody("x", "text/plain\r\nX-Evil: 1"));
    }
}
