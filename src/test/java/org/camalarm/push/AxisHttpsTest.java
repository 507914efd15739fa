package org.camalarm.push;

import static org.camalarm.push.Pushes.assertResult;
import static org.camalarm.push.Pushes.await;
import static org.camalarm.push.Pushes.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camalarm.push.DigestVerifier.Outcome;
import org.camalarm.push.FakeDevice.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Axis camera's I/O over HTTPS with a self-signed certificate (made out to another name than
 * the address used) and Digest MD5: trust on first use, then pinned, and a wrong pin.
 */
class AxisHttpsTest {

    private static final String WRONG_PIN =
            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:" + "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";

    @TempDir
    static Path dir;

    private static TestCertificates certificate;
    private static FakeDevice device;
    private static final DigestVerifier DIGEST = new DigestVerifier("AXIS_ACCC8E123456", "MD5", "root", "axis-pass");

    @BeforeAll
    static void start() throws Exception {
        certificate = TestCertificates.selfSigned(dir, "axis-accc8e123456");
        device = FakeDevice.https(certificate.serverContext(), request -> {
            Outcome outcome = DIGEST.check(request);
            return outcome == Outcome.OK ? Reply.of(200, "OK\r\n") : DIGEST.unauthorized(outcome);
        });
    }

    @AfterAll
    static void stop() {
        device.close();
    }

    private static DeviceSettings settings() {
        return loopback(Protocol.HTTPS, device.port()).withCredentials("root", "axis-pass");
    }

    @Test
    void trustOnFirstUseReportsTheFingerprintAndThePinThenWorks() {
        List<String> told = new CopyOnWriteArrayList<>();
        int before = device.requests().size();
        PushResult first;
        try (PushCommandSender sender =
                TestPush.sender(settings(), new AxisIo(1, Duration.ofMillis(300)), IntervalGate.off(), told::add)) {
            first = await(sender.send(SwitchCommand.PULSE));
            await(sender.send(SwitchCommand.OFF));
        }
        assertResult(PushResult.Reason.OK, "HTTP 200 OK", first);
        assertEquals(certificate.fingerprint(), first.fingerprint());
        assertEquals(List.of(certificate.fingerprint()), told, "told once per new certificate");
        assertEquals(
                List.of(
                        "GET /axis-cgi/io/port.cgi?action=1%3A%2F300%5C",
                        "GET /axis-cgi/io/port.cgi?action=1%3A%2F300%5C", "GET /axis-cgi/io/port.cgi?action=1%3A%5C"),
                device.requestLines().subList(before, before + 3));

        try (PushCommandSender pinned = TestPush.sender(
                settings().withCertificateFingerprint(first.fingerprint().toLowerCase()), new AxisIo(1, null))) {
            PushResult on = await(pinned.send(SwitchCommand.ON));

            assertResult(PushResult.Reason.OK, "HTTP 200 OK", on);
            assertEquals(certificate.fingerprint(), on.fingerprint());
        }
    }

    @Test
    void aWrongPinFailsBeforeAnyRequestIsSent() {
        int before = device.requests().size();
        try (PushCommandSender sender =
                TestPush.sender(settings().withCertificateFingerprint(WRONG_PIN), new AxisIo(1, null))) {
            PushResult result = await(sender.send(SwitchCommand.ON));

            assertResult(
                    PushResult.Reason.CERTIFICATE_MISMATCH,
                    "certificate SHA-256 " + certificate.fingerprint().substring(0, 23)
                            + "… does not match pinned 00:11:22:33:44:55:66:77…",
                    result);
            assertEquals(certificate.fingerprint(), result.fingerprint());
            assertTrue(result.status() == null);
        }
        assertEquals(before, device.requests().size(), "nothing reached the device");
    }
}
