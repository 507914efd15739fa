package org.camalarm.push;

import static org.camalarm.push.Pushes.assertResult;
import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camalarm.push.FakeDevice.Reply;
import org.camalarm.push.FakeDevice.Seen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Shelly Gen1 relay/dimmer on loopback: 200 with JSON state, optional Basic, 400 for a wrong mode. */
class ShellyGen1DeviceTest {

    private static final String STATE = """
            {"ison":true,"has_timer":false,"timer_started":0,"timer_duration":0,"timer_remaining":0,"source":"http"}""";
    private FakeDevice device;

    @AfterEach
    void stop() {
        if (device != null) {
            device.close();
        }
    }

    /** A Gen1 device; with a password it wants Basic for user admin. */
    private FakeDevice start(String password) throws Exception {
        String expected =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        device = FakeDevice.http((Seen request) -> {
            if (request.target().equals("/shelly")) {
                return Reply.of(
                        200,
                        "{\"type\":\"SHSW-1\",\"mac\":\"98CDAC1F0A2B\",\"auth\":true,\"fw\":\"20230913-112003/v1.14.0-gcb84623\"}");
            }
            if (password != null && !expected.equals(request.header("Authorization"))) {
                return Reply.of(401, "401 Unauthorized " + request.header("Authorization"))
                        .withHeader("WWW-Authenticate", "Basic realm=\"shelly1-98CDAC1F0A2B\"");
            }
            if (request.target().startsWith("/light/0") && request.target().contains("mode")) {
                return Reply.of(400, "Bad mode!");
            }
            return Reply.of(200, STATE).withHeader("Content-Type", "application/json");
        });
        return device;
    }

    @Test
    void switchesTheRelayWithoutAuthentication() throws Exception {
        start(null);
        try (PushCommandSender sender =
                TestPush.sender(loopback(Protocol.HTTP, device.port()), new ShellyGen1(0, ShellyKind.RELAY, null))) {
            PushResult on = await(sender.send(SwitchCommand.ON));
            PushResult pulse = await(sender.send(SwitchCommand.PULSE));

            assertResult(PushResult.Reason.OK, "HTTP 200 OK", on);
            assertEquals(200, on.status());
            assertTrue(on.body().startsWith("{\"ison\":true"), on.body());
            assertNull(on.fingerprint());
            assertTrue(pulse.success());
            assertEquals(List.of("GET /relay/0?turn=on", "GET /relay/0?turn=on&timer=1"), device.requestLines());
            assertNull(device.requests().get(0).header("Authorization"));
        }
    }

    @Test
    void sendsTheSeedsPostCommandToTheDimmer() throws Exception {
        start(null);
        try (PushClient client = TestPush.client(loopback(Protocol.HTTP, device.port()))) {
            PushRequest request =
                    GenericCommand.parse("POST light/0?turn=toggle").toRequest(client.settings());

            assertResult(PushResult.Reason.OK, "HTTP 200 OK", await(client.send(request)));
            assertEquals(List.of("POST /light/0?turn=toggle"), device.requestLines());
        }
    }

    @Test
    void answersBasicWhenChallengedAndThenSendsItPreemptively() throws Exception {
        start("pa55");
        DeviceSettings settings = loopback(Protocol.HTTP, device.port()).withCredentials("admin", "pa55");
        try (PushCommandSender sender = TestPush.sender(settings, new ShellyGen1(0, ShellyKind.RELAY, null))) {
            assertTrue(await(sender.send(SwitchCommand.ON)).success());
            assertTrue(await(sender.send(SwitchCommand.OFF)).success());

            assertEquals(
                    List.of("GET /relay/0?turn=on", "GET /relay/0?turn=on", "GET /relay/0?turn=off"),
                    device.requestLines());
            List<Seen> seen = device.requests();
            assertNull(seen.get(0).header("Authorization"), "AUTO sends no credentials before a challenge");
            assertTrue(seen.get(1).header("Authorization").startsWith("Basic "));
            assertTrue(seen.get(2).header("Authorization").startsWith("Basic "), "learned Basic is sent preemptively");
        }
    }

    @Test
    void basicModeIsPreemptive() throws Exception {
        start("pa55");
        DeviceSettings settings = loopback(Protocol.HTTP, device.port())
                .withCredentials("admin", "pa55")
                .withAuthMode(AuthMode.BASIC);
        try (PushCommandSender sender = TestPush.sender(settings, new ShellyGen1(0, ShellyKind.RELAY, null))) {
            assertTrue(await(sender.send(SwitchCommand.TOGGLE)).success());

            assertEquals(List.of("GET /relay/0?turn=toggle"), device.requestLines());
        }
    }

    @Test
    void aWrongPasswordIsAnAuthFailureAndNeverEchoed() throws Exception {
        start("pa55");
        DeviceSettings settings = loopback(Protocol.HTTP, device.port()).withCredentials("admin", "wrong-one");
        try (PushCommandSender sender = TestPush.sender(settings, new ShellyGen1(0, ShellyKind.RELAY, null))) {
            PushResult result = await(sender.send(SwitchCommand.ON));

            assertResult(
                    PushResult.Reason.AUTH_FAILED,
                    "HTTP 401 Unauthorized: credentials for user 'admin' not accepted",
                    result);
            assertEquals(401, result.status());
            assertEquals(2, device.requests().size(), "one challenge, one answer, no loop");
            assertFalse(result.body().contains("wrong-one"), result.body());
            assertTrue(result.body().contains("Basic ***"), "the echoed Basic token is masked: " + result.body());
        }
    }

    @Test
    void credentialsRequiredButNoneConfigured() throws Exception {
        start("pa55");
        try (PushCommandSender sender =
                TestPush.sender(loopback(Protocol.HTTP, device.port()), new ShellyGen1(0, ShellyKind.RELAY, null))) {
            assertResult(
                    PushResult.Reason.AUTH_FAILED,
                    "HTTP 401 Unauthorized: device requires credentials but none are configured",
                    await(sender.send(SwitchCommand.ON)));
            assertEquals(1, device.requests().size());
        }
    }

    @Test
    void authModeNoneNeverSendsCredentials() throws Exception {
        start("pa55");
        DeviceSettings settings = loopback(Protocol.HTTP, device.port())
                .withCredentials("admin", "pa55")
                .withAuthMode(AuthMode.NONE);
        try (PushClient client = TestPush.client(settings)) {
            PushResult result = await(client.send(PushRequest.of(settings, "GET", "relay/0?turn=on")));

            assertResult(
                    PushResult.Reason.AUTH_FAILED,
                    "HTTP 401 Unauthorized: device requires authentication but the auth mode is NONE",
                    result);
            assertNull(device.requests().get(0).header("Authorization"));
        }
    }

    @Test
    void anErrorStatusIsRejected() throws Exception {
        start(null);
        try (PushClient client = TestPush.client(loopback(Protocol.HTTP, device.port()))) {
            PushResult result = await(client.send(PushRequest.of(client.settings(), "GET", "light/0?turn=on&mode=x")));

            assertResult(PushResult.Reason.REJECTED, "HTTP 400 Bad Request", result);
            assertEquals("Bad mode!", result.body());
        }
    }

    @Test
    void detectsGen1() throws Exception {
        start(null);
        try (PushClient client = TestPush.client(loopback(Protocol.HTTP, device.port()))) {
            ShellyGeneration.Detection detection =
                    ShellyGeneration.detect(client).get();

            assertEquals(ShellyGeneration.GEN1, detection.generation());
            assertResult(PushResult.Reason.OK, "Shelly Gen1 API", detection.result());
            assertEquals(List.of("GET /shelly"), device.requestLines());
        }
    }
}
