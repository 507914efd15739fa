package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GenericCommandTest {

    @Test
    void readsMethodAndPathAsTheIvsecFieldsHoldThem() {
        GenericCommand command = GenericCommand.parse("POST relay/0?turn=on");

        assertEquals("POST", command.method());
        assertEquals("/relay/0?turn=on", command.pathAndQuery());
        assertEquals("POST /relay/0?turn=on", command.line());
    }

    @Test
    void isLenientAboutCaseSpacingAndACopiedRequestLine() {
        assertEquals(
                "GET /state.xml?relay1State=2",
                GenericCommand.parse("  get   /state.xml?relay1State=2 ").line());
        assertEquals(
                "GET /relay/0?turn=on",
                GenericCommand.parse("GET /relay/0?turn=on HTTP/1.1").line());
    }

    @Test
    void namesAnUnknownMethod() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GenericCommand.parse("SEND relay/0?turn=on"));
        assertEquals(
                "unknown method 'SEND' in command 'SEND relay/0?turn=on'; start with one of GET, POST, PUT, "
                        + "PATCH, DELETE, HEAD, e.g. 'POST relay/0?turn=on'",
                e.getMessage());
    }

    @Test
    void aPathWithoutMethodIsAnUnknownMethod() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GenericCommand.parse("relay/0?turn=on"));
        assertEquals(
                "unknown method 'relay/0?turn=on' in command 'relay/0?turn=on'; start with one of GET, POST, "
                        + "PUT, PATCH, DELETE, HEAD, e.g. 'POST relay/0?turn=on'",
                e.getMessage());
    }

    @Test
    void namesAMissingPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GenericCommand.parse("POST"));
        assertEquals(
                "missing path in command 'POST'; expected 'POST <path>', e.g. 'POST relay/0?turn=on'", e.getMessage());
    }

    @Test
    void refusesEmptyLinesAndFullUrls() {
        assertEquals(
                "empty command; expected '<METHOD> <path>', e.g. 'POST relay/0?turn=on'",
                assertThrows(IllegalArgumentException.class, () -> GenericCommand.parse(" "))
                        .getMessage());
        assertEquals(
                "command 'GET http://192.168.85.151/light/0?turn=toggle' has a full URL; give only the path "
                        + "and query, the address comes from the device settings",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> GenericCommand.parse("GET http://192.168.85.151/light/0?turn=toggle"))
                        .getMessage());
    }

    @Test
    void carriesABody() {
        DeviceSettings device = DeviceSettings.of(Protocol.HTTP, "h", 0);
        PushRequest request = GenericCommand.parse("POST rpc")
                .withBody("{\"id\":1}", "application/json")
                .toRequest(device);

        assertEquals("{\"id\":1}", request.body());
        assertEquals("application/json", request.contentType());
    }
}
