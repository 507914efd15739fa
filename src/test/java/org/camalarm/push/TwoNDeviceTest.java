package org.camalarm.push;

import static org.camalarm.push.Pushes.assertResult;
import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.camalarm.push.DigestVerifier.Outcome;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A 2N web relay (XML state) and a 2N IP intercom (JSON, errors with HTTP 200, Digest MD5) on loopback. */
class TwoNDeviceTest {

    private FakeDevice device;

    @AfterEach
    void stop() {
        if (device != null) {
            device.close();
        }
    }

    @Test
    void webRelayPulseWithItsLength() throws Exception {
        device = FakeDevice.http(request -> Reply.of(200, """
                <?xml version="1.0" encoding="utf-8"?>
                <datavalues>
                <relay1state>1</relay1state>
                <relay2state>0</relay2state>
                </datavalues>
                """).withHeader("Content-Type", "text/xml"));
        try (PushCommandSender sender =
                TestPush.sender(loopback(Protocol.HTTP, device.port()), new TwoNWebRelay(1, Duration.ofSeconds(5)))) {
            PushResult pulse = await(sender.send(SwitchCommand.PULSE));
            PushResult off = await(sender.send(SwitchCommand.OFF));

            assertResult(PushResult.Reason.OK, "HTTP 200 OK", pulse);
            assertResult(PushResult.Reason.OK, "HTTP 200 OK", off);
            assertEquals(
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?> <datavalues> <relay1state>1</relay1state> "
                            + "<relay2state>0</relay2state> </datavalues>",
                    pulse.body());
            assertEquals(
                    List.of("GET /state.xml?relay1State=2&pulseTime1=5", "GET /state.xml?relay1State=0"),
                    device.requestLines());
        }
    }

    @Test
    void intercomErrorWithHttp200IsAFailure() throws Exception {
        device = FakeDevice.http(request -> Reply.of(200, "{\"success\":false,\"error\":{\"code\":14}}")
                .withHeader("Content-Type", "application/json"));
        try (PushCommandSender sender = TestPush.sender(loopback(Protocol.HTTP, device.port()), new TwoNIntercom(1))) {
            PushResult result = await(sender.send(SwitchCommand.PULSE));

            assertResult(PushResult.Reason.REJECTED, "2N error 14: action failed", result);
            assertEquals(200, result.status());
            assertEquals(List.of("GET /api/switch/ctrl?switch=1&action=trigger"), device.requestLines());
        }
    }

    @Test
    void intercomWithDigestMd5() throws Exception {
        DigestVerifier digest = new DigestVerifier("HTTP API", "MD5", "api", "2n-pass");
        device = FakeDevice.http(request -> {
            Outcome outcome = digest.check(request);
            return outcome == Outcome.OK ? Reply.of(200, "{\"success\":true}") : digest.unauthorized(outcome);
        });
        DeviceSettings settings = loopback(Protocol.HTTP, device.port()).withCredentials("api", "2n-pass");
        try (PushCommandSender sender = TestPush.sender(settings, new TwoNIntercom(2))) {
            assertResult(PushResult.Reason.OK, "HTTP 200 OK", await(sender.send(SwitchCommand.ON)));
            assertResult(PushResult.Reason.OK, "HTTP 200 OK", await(sender.send(SwitchCommand.OFF)));

            assertEquals(
                    List.of(
                            "GET /api/switch/ctrl?switch=2&action=on",
                            "GET /api/switch/ctrl?switch=2&action=on",
                            "GET /api/switch/ctrl?switch=2&action=off"),
                    device.requestLines());
            assertEquals(2, digest.nonceCounts.size());
        }
    }
}
