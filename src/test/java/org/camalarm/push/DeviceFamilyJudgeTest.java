package org.camalarm.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Success is judged from status and body, as each family defines it. */
class DeviceFamilyJudgeTest {

    private static final Verdict OK_200 = Verdict.ok("HTTP 200 OK");

    @Test
    void shellyGen1NeedsOnly2xx() {
        ShellyGen1 shelly = new ShellyGen1(0, ShellyKind.RELAY, null);
        assertEquals(OK_200, shelly.judge(200, "{\"ison\":true,\"has_timer\":false}"));
        assertEquals(Verdict.rejected("HTTP 400 Bad Request"), shelly.judge(400, "Bad mode"));
    }

    @Test
    void shellyGen2ReadsErrorsFromTheBody() {
        ShellyGen2 shelly = new ShellyGen2(0, ShellyKind.RELAY, null);
        assertEquals(OK_200, shelly.judge(200, "{\"was_on\":false}"));
        assertEquals(
                Verdict.rejected(
                        "HTTP 500 Internal Server Error: Shelly error -105: Argument 'id', value 7 not found!"),
                shelly.judge(500, "{\"code\":-105,\"message\":\"Argument 'id', value 7 not found!\"}"));
        assertEquals(
                Verdict.rejected("Shelly error -103: Invalid argument"),
                shelly.judge(
                        200,
                        "{\"id\":1,\"src\":\"shellyplus1\",\"error\":{\"code\":-103,\"message\":\"Invalid argument\"}}"));
        assertEquals(OK_200, shelly.judge(200, "{\"code\":5,\"message\":\"a positive code is no error\"}"));
        assertEquals(Verdict.rejected("HTTP 404 Not Found"), shelly.judge(404, "not json"));
    }

    @Test
    void twoNWebRelayNeedsDatavaluesOrAnEmptyBody() {
        TwoNWebRelay relay = new TwoNWebRelay(1, null);
        assertEquals(OK_200, relay.judge(200, """
                <?xml version="1.0" encoding="utf-8"?>
                <datavalues><relay1state>1</relay1state><relay2state>0</relay2state></datavalues>
                """));
        assertEquals(OK_200, relay.judge(200, ""));
        assertEquals(
                Verdict.rejected("HTTP 200 OK but the reply is not a 2N state.xml document"),
                relay.judge(200, "<html>login</html>"));
        assertEquals(Verdict.rejected("HTTP 404 Not Found"), relay.judge(404, ""));
    }

    @Test
    void twoNIntercomReadsSuccessFalseEvenWith200() {
        TwoNIntercom intercom = new TwoNIntercom(1);
        assertEquals(OK_200, intercom.judge(200, "{\"success\":true}"));
        assertEquals(
                Verdict.rejected("2N error 14: action failed"),
                intercom.judge(200, "{\"success\":false,\"error\":{\"code\":14}}"));
        assertEquals(
                Verdict.rejected("2N error 7: HTTPS required"),
                intercom.judge(200, "{\"success\":false,\"error\":{\"code\":7}}"));
        assertEquals(
                Verdict.rejected("2N error 12: invalid parameter"),
                intercom.judge(200, "{\"success\":false,\"error\":{\"code\":12,\"param\":\"switch\"}}"));
        assertEquals(
                new Verdict(PushResult.Reason.AUTH_FAILED, "2N error 8: wrong authentication method"),
                intercom.judge(200, "{\"success\":false,\"error\":{\"code\":8}}"));
        assertEquals(
                Verdict.rejected("2N error 99: something new"),
                intercom.judge(200, "{\"success\":false,\"error\":{\"code\":99,\"description\":\"something new\"}}"));
        assertEquals(Verdict.rejected("HTTP 500 Internal Server Error"), intercom.judge(500, ""));
    }

    @Test
    void axisRejectsErrorTextWith200() {
        AxisIo axis = new AxisIo(1, null);
        assertEquals(OK_200, axis.judge(200, "OK"));
        assertEquals(OK_200, axis.judge(200, ""));
        assertEquals(
                Verdict.rejected("HTTP 200 OK but Axis says: Error: Port 9 does not exist"),
                axis.judge(200, "Error: Port 9 does not exist\r\n"));
        assertEquals(Verdict.rejected("HTTP 401 Unauthorized"), axis.judge(401, ""));
    }
}
