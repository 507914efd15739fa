package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each family's state request and how it reads the exact reply bytes (vendor-protocols.md section 6):
 * pure functions, whatever carried the bytes.
 */
class DeviceFamilyStateTest {

    private static final DeviceSettings DEVICE = DeviceSettings.of(Protocol.HTTP, "192.168.85.160", 0);

    private static String line(DeviceFamily family) {
        PushRequest request = family.stateRequest(DEVICE).orElseThrow();
        return request.method() + " " + request.requestTarget();
    }

    private static StateReply on(String evidence) {
        return StateReply.of(SwitchState.ON, evidence);
    }

    private static StateReply off(String evidence) {
        return StateReply.of(SwitchState.OFF, evidence);
    }

    @Test
    void shellyGen1ReadsIsonOfTheRelayOrLight() {
        ShellyGen1 relay = new ShellyGen1(0, ShellyKind.RELAY, null);
        assertEquals("GET /relay/0", line(relay));
        assertEquals("GET /light/2", line(new ShellyGen1(2, ShellyKind.LIGHT, null)));

        assertEquals(
                off("ison: false"),
                relay.readState(
                        200,
                        "{\"ison\":false,\"has_timer\":false,\"timer_started\":0,\"timer_duration\":0,"
                                + "\"timer_remaining\":0,\"overpower\":false,\"source\":\"http\"}"));
        assertEquals(on("ison: true"), relay.readState(200, "{\"ison\":true, \"has_timer\":false}"));
        assertEquals(
                on("ison: true"),
                relay.readState(
                        200,
                        "{\"ison\":true,\"source\":\"http\",\"has_timer\":false,\"timer_started\":0,"
                                + "\"timer_duration\":0,\"timer_remaining\":0,\"mode\":\"white\",\"brightness\":20}"));
        assertEquals(
                StateReply.unreadable(200, "the reply has no boolean ison"),
                relay.readState(200, "{\"ison\":\"yes\"}"));
        assertEquals(StateReply.failed(404), relay.readState(404, "Not Found"));
    }

    @Test
    void shellyGen2ReadsOutputOfGetStatus() {
        ShellyGen2 relay = new ShellyGen2(0, ShellyKind.RELAY, null);
        assertEquals("GET /rpc/Switch.GetStatus?id=0", line(relay));
        assertEquals("GET /rpc/Light.GetStatus?id=1", line(new ShellyGen2(1, ShellyKind.LIGHT, null)));

        assertEquals(
                off("output: false"),
                relay.readState(
                        200,
                        "{\"id\":0,\"source\":\"timer\",\"output\":false,\"timer_started_at\":1626942399.36,"
                                + "\"timer_duration\":60,\"apower\":0,\"voltage\":237.571,\"current\":0,"
                                + "\"aenergy\":{\"total\":0,\"by_minute\":[0,0,0],\"minute_ts\":1626942399},"
                                + "\"temperature\":{\"tC\":46.1,\"tF\":115.0}}"));
        assertEquals(
                on("output: true"),
                relay.readState(
                        200, "{\"id\":1,\"src\":\"shellyplus1-a8032ab12345\",\"result\":{\"id\":0,\"output\":true}}"));
        assertEquals(
                new StateReply(null, Verdict.rejected("HTTP 500 Internal Server Error: Shelly error -105: nope")),
                relay.readState(500, "{\"code\":-105,\"message\":\"nope\"}"));
        assertEquals(
                StateReply.unreadable(200, "the reply has no boolean output"),
                relay.readState(200, "{\"was_on\":true}"));
    }

    @Test
    void twoNWebRelayReadsItsRelayFromStateXml() {
        TwoNWebRelay relay1 = new TwoNWebRelay(1, null);
        assertEquals("GET /state.xml", line(relay1));

        // the single-relay reply as ControlByWeb's manual prints it
        // (shared/samples/2n-webrelay-single-state-xml-cbwmanual.xml)
        String single = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<datavalues>\n<relaystate>1</relaystate>\n"
                + "<inputstate>0</inputstate>\n<rebootstate>0</rebootstate>\n<totalreboots>0</totalreboots>\n"
                + "</datavalues>\n";
        assertEquals(on("relay 1 state 1"), relay1.readState(200, single));
        assertEquals(
                off("relay 3 state 0"),
                new TwoNWebRelay(3, null)
                        .readState(
                                200,
                                "<?xml version='1.0' encoding='utf-8'?><datavalues><relay1state>1</relay1state>"
                                        + "<relay2state>1</relay2state><relay3state>0</relay3state>"
                                        + "<relay4state>1</relay4state></datavalues>"));
        assertEquals(
                StateReply.unreadable(200, "the reply has no state of relay 2"),
                new TwoNWebRelay(2, null).readState(200, single));
    }

    @Test
    void twoNWebRelayReadsTheXmlWhateverCarriedIt() {
        // these relays may answer with the XML alone, no status line: the parser does not care what came before
        String headless = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\r\n<datavalues>\r\n<relaystate>0</relaystate>"
                + "\r\n<inputstate>0</inputstate>\r\n</datavalues>\r\n";
        assertEquals(Optional.of(SwitchState.OFF), TwoNWebRelay.relayState(headless, 1));
        assertEquals(
                Optional.of(SwitchState.ON),
                TwoNWebRelay.relayState("HTTP/1.0 200 OK\r\n\r\n<datavalues><RELAY1STATE> 1 </RELAY1STATE>", 1));
    }

    @Test
    void twoNIntercomReadsActiveOfItsSwitch() {
        TwoNIntercom intercom = new TwoNIntercom(2);
        assertEquals("GET /api/switch/status?switch=2", line(intercom));

        String both = "{\n  \"success\" : true,\n  \"result\" : {\n    \"switches\" : [\n"
                + "      {\n        \"switch\" : 1,\n        \"active\" : false,\n        \"locked\" : false,\n"
                + "        \"held\" : false\n      },\n"
                + "      {\n        \"switch\" : 2,\n        \"active\" : true,\n        \"locked\" : false,\n"
                + "        \"held\" : true\n      }\n    ]\n  }\n}";
        assertEquals(on("switch 2 active: true"), intercom.readState(200, both));
        assertEquals(off("switch 1 active: false"), new TwoNIntercom(1).readState(200, both));
        assertEquals(
                new StateReply(null, Verdict.rejected("2N error 12: invalid parameter")),
                intercom.readState(200, "{\"success\":false,\"error\":{\"code\":12,\"param\":\"switch\"}}"));
        assertEquals(
                StateReply.unreadable(200, "the reply has no state of switch 3"),
                new TwoNIntercom(3).readState(200, both));
    }

    @Test
    void axisReadsItsPortLine() {
        AxisIo axis = new AxisIo(1, null);
        assertEquals("GET /axis-cgi/io/port.cgi?checkactive=1", line(axis));

        assertEquals(on("port1=active"), axis.readState(200, "port1=active\r\n"));
        assertEquals(off("port1=inactive"), axis.readState(200, "port1=inactive\n"));
        assertEquals(off("port3=inactive"), new AxisIo(3, null).readState(200, "port1=active\nport3=inactive\n"));
        assertEquals(
                StateReply.unreadable(200, "the reply has no line port2=active|inactive"),
                new AxisIo(2, null).readState(200, "port1=active\n"));
        assertTrue(!axis.readState(200, "Error: invalid port").verdict().isOk());
    }

    @Test
    void genericDevicesReadWhatTheUserDeclared() {
        GenericCommand status = GenericCommand.parse("GET relay/0");
        GenericHttp byPointer = new GenericHttp(Map.of(), status, StateRule.pointer("/relays/0/ison"));
        assertEquals("GET /relay/0", line(byPointer));
        assertEquals(
                on("/relays/0/ison in the reply"),
                byPointer.readState(200, "{\"relays\":[{\"ison\":true}],\"meters\":[]}"));
        assertEquals(
                StateReply.unreadable(200, "the reply has no ON/OFF value at /relays/0/ison"),
                byPointer.readState(200, "{\"relays\":[]}"));

        GenericHttp byGroup = new GenericHttp(Map.of(), status, StateRule.pattern("<relay1state>(\\d)</relay1state>"));
        assertEquals(off("'0' matched"), byGroup.readState(200, "<datavalues><relay1state>0</relay1state>"));

        GenericHttp byMatch = new GenericHttp(Map.of(), status, StateRule.pattern("(?i)power is on"));
        assertEquals(on("match of (?i)power is on"), byMatch.readState(200, "Power is ON"));
        assertEquals(off("no match of (?i)power is on"), byMatch.readState(200, "Power is off"));
        assertEquals(StateReply.failed(503), byMatch.readState(503, "Power is ON"));

        assertTrue(new GenericHttp(Map.of()).stateRequest(DEVICE).isEmpty());
    }

    @Test
    void stateRulesAreCheckedWhenConfigured() {
        assertEquals(
                "a JSON pointer starts with '/', e.g. /ison; got 'ison'",
                assertThrows(IllegalArgumentException.class, () -> StateRule.pointer("ison"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StateRule.pattern("(on"))
                .getMessage()
                .startsWith("not a regular expression: Unclosed group"));
        assertEquals(Optional.of(SwitchState.ON), StateRule.atPointer("{\"a/b\":{\"~x\":1}}", "/a~1b/~0x"));
        assertEquals(Optional.of(SwitchState.OFF), StateRule.atPointer("\"inactive\"", ""));
        assertEquals(Optional.empty(), StateRule.atPointer("not json", "/ison"));
    }

    @Test
    void devicesWordsForStates() {
        for (String on : new String[] {"on", "ON", "true", "1", "active", "Yes", "2", "100.0"}) {
            assertEquals(Optional.of(SwitchState.ON), SwitchState.parse(on), on);
        }
        for (String off : new String[] {"off", "false", "0", "inactive", "no", " 0.0 "}) {
            assertEquals(Optional.of(SwitchState.OFF), SwitchState.parse(off), off);
        }
        assertEquals(Optional.empty(), SwitchState.parse("maybe"));
    }

    @Test
    void pulseLengthsAreWhatTheDeviceIsTold() {
        assertEquals(
                Optional.of(Duration.ofSeconds(3)),
                new ShellyGen1(0, ShellyKind.RELAY, Duration.ofMillis(2500)).pulseLength());
        assertEquals(
                Optional.of(Duration.ofMillis(2500)),
                new ShellyGen2(0, ShellyKind.RELAY, Duration.ofMillis(2500)).pulseLength());
        assertEquals(Optional.empty(), new TwoNWebRelay(1, null).pulseLength(), "the relay's preset is unknown");
        assertEquals(Optional.of(Duration.ofSeconds(1)), new AxisIo(1, null).pulseLength());
        assertNull(new TwoNIntercom(1).pulseLength().orElse(null));
    }
}
