package org.camalarm.push;

import static org.camalarm.push.Pushes.assertResult;
import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camalarm.push.DigestVerifier.Outcome;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Shelly Plus/Pro on loopback: RPC over GET, Digest SHA-256 with qop=auth for user admin. */
class ShellyGen2DeviceTest {

    private final DigestVerifier digest = new DigestVerifier("shellyplus1-a8032ab12345", "SHA-256", "admin", "s3cret");
    /** When set, the nonce of the next challenge expires at once (the answer then meets stale=true). */
    private final AtomicBoolean expireNextChallenge = new AtomicBoolean();

    private FakeDevice device;

    @AfterEach
    void stop() {
        if (device != null) {
            device.close();
        }
    }

    private void start() throws Exception {
        device = FakeDevice.http(request -> {
            if (request.target().equals("/shelly")) {
                return Reply.of(200, """
                        {"name":null,"id":"shellyplus1-a8032ab12345","mac":"A8032AB12345","slot":0,"model":"SNSW-001X16EU",\
                        "gen":2,"fw_id":"20231107-164738/1.0.8-g0d2b0a1","ver":"1.0.8","app":"Plus1","auth_en":true,\
                        "auth_domain":"shellyplus1-a8032ab12345"}""");
            }
            Outcome outcome = digest.check(request);
            if (outcome != Outcome.OK) {
                Reply reply = digest.unauthorized(outcome);
                if (expireNextChallenge.getAndSet(false)) {
                    digest.expireAll();
                }
                return reply;
            }
            if (request.target().contains("id=7")) {
                return Reply.of(500, "{\"code\":-105,\"message\":\"Argument 'id', value 7 not found!\"}");
            }
            return Reply.of(200, "{\"was_on\":false}");
        });
    }

    private PushCommandSender sender(String password, int index) {
        // no user configured: the family fills in admin
        return TestPush.sender(
                loopback(Protocol.HTTP, device.port()).withCredentials("", password),
                new ShellyGen2(index, ShellyKind.RELAY, null));
    }

    @Test
    void answersTheSha256ChallengeThenPreAuthenticatesWithTheNextNonceCount() throws Exception {
        start();
        try (PushCommandSender sender = sender("s3cret", 0)) {
            PushResult on = await(sender.send(SwitchCommand.ON));
            PushResult toggle = await(sender.send(SwitchCommand.TOGGLE));

            assertResult(PushResult.Reason.OK, "HTTP 200 OK", on);
            assertResult(PushResult.Reason.OK, "HTTP 200 OK", toggle);
            assertEquals(
                    List.of(
                            "GET /rpc/Switch.Set?id=0&on=true",
                            "GET /rpc/Switch.Set?id=0&on=true",
                            "GET /rpc/Switch.Toggle?id=0"),
                    device.requestLines());
            assertNull(device.requests().get(0).header("Authorization"));
            String nonce = digest.nonceCounts.get(0).split("/")[0];
            assertEquals(List.of(nonce + "/00000001", nonce + "/00000002"), digest.nonceCounts);
            assertEquals(digest.authorizations.get(0).get("opaque"), "op-shellyplus1-a8032ab12345");
        }
    }

    @Test
    void aStaleRememberedNonceIsAnsweredAgainWithoutFailing() throws Exception {
        start();
        try (PushCommandSender sender = sender("s3cret", 0)) {
            assertTrue(await(sender.send(SwitchCommand.ON)).success());
            digest.expireAll();

            PushResult off = await(sender.send(SwitchCommand.OFF));

            assertResult(PushResult.Reason.OK, "HTTP 200 OK", off);
            assertEquals(4, device.requests().size(), "stale pre-authenticated request, then the fresh answer");
        }
    }

    @Test
    void aStaleNonceAfterAnAnswerIsAnsweredOnceMore() throws Exception {
        start();
        expireNextChallenge.set(true);
        try (PushCommandSender sender = sender("s3cret", 0)) {
            PushResult on = await(sender.send(SwitchCommand.ON));

            assertResult(PushResult.Reason.OK, "HTTP 200 OK", on);
            assertEquals(3, device.requests().size(), "no credentials, answer meets stale=true, answer to new nonce");
        }
    }

    @Test
    void aWrongPasswordFailsAfterOneAnswer() throws Exception {
        start();
        try (PushCommandSender sender = sender("wrong", 0)) {
            PushResult result = await(sender.send(SwitchCommand.ON));

            assertResult(
                    PushResult.Reason.AUTH_FAILED,
                    "HTTP 401 Unauthorized: credentials for user 'admin' not accepted",
                    result);
            assertEquals(2, device.requests().size());
        }
    }

    @Test
    void anRpcErrorIsRejectedWithTheDevicesMessage() throws Exception {
        start();
        try (PushCommandSender sender = sender("s3cret", 7)) {
            PushResult result = await(sender.send(SwitchCommand.ON));

            assertResult(
                    PushResult.Reason.REJECTED,
                    "HTTP 500 Internal Server Error: Shelly error -105: Argument 'id', value 7 not found!",
                    result);
            assertEquals(500, result.status());
        }
    }

    @Test
    void digestModeNeverSendsThePasswordWithBasic() throws Exception {
        device = FakeDevice.http(request -> Reply.of(401, "").withHeader("WWW-Authenticate", "Basic realm=\"x\""));
        DeviceSettings settings = loopback(Protocol.HTTP, device.port())
                .withCredentials("admin", "s3cret")
                .withAuthMode(AuthMode.DIGEST);
        try (PushClient client = TestPush.client(settings)) {
            PushResult result = await(client.send(PushRequest.of(settings, "GET", "/rpc/Switch.Toggle?id=0")));

            assertResult(
                    PushResult.Reason.AUTH_FAILED,
                    "HTTP 401 Unauthorized: device offers only Basic authentication but the auth mode is DIGEST",
                    result);
            assertEquals(1, device.requests().size());
        }
    }

    @Test
    void detectsGen2WithoutCredentials() throws Exception {
        start();
        try (PushClient client = TestPush.client(loopback(Protocol.HTTP, device.port()))) {
            ShellyGeneration.Detection detection =
                    ShellyGeneration.detect(client).get();

            assertEquals(ShellyGeneration.GEN2, detection.generation());
            assertEquals(
                    new ShellyGen2(0, ShellyKind.RELAY, null),
                    detection.generation().family(0, ShellyKind.RELAY, null));
        }
    }
}
